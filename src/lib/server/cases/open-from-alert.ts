/**
 * An auditor opens a case from an alert: source 'alert', the alert's id, its first
 * evidence event as the case's event (and that event's person as its subject), and every
 * evidence event linked. An alert has at most one case: opening it again returns the case
 * it has. Openings of one alert run one at a time (a lock per alert, in this process: see
 * event-lock.ts for what a deployment with several servers needs instead).
 */
import { z } from 'zod';
import { queryOne } from '../db/query';
import type { EventRef } from '../oversight/events';
import { withEventLock } from './event-lock';
import { withKeyLock } from './keyed-lock';
import { openCase } from './open-or-join';

export type OpenFromAlertResult =
	| { ok: true; caseId: string; opened: boolean }
	| { ok: false; status: 400 | 404; field: 'alert_id'; message: string };

const idRow = z.object({ case_id: z.string() });
const alertRow = z.object({ event_ids: z.array(z.string()), event_subjects: z.array(z.string()) });

/** The case opened from this alert, if any. */
export async function caseOfAlert(alertId: string): Promise<string | null> {
	const row = await queryOne(
		`SELECT toString(case_id) AS case_id FROM oversight_case
		 WHERE source = 'alert' AND alert_id = {alert:String}
		 ORDER BY opened_at, case_id LIMIT 1`,
		{ alert: alertId },
		idRow
	);
	return row?.case_id ?? null;
}

async function alertEvidence(alertId: string): Promise<EventRef[] | null> {
	const row = await queryOne(
		`SELECT arrayMap(x -> toString(x), event_ids) AS event_ids, event_subjects
		 FROM alert WHERE alert_id = {alert:UUID} LIMIT 1`,
		{ alert: alertId },
		alertRow
	);
	if (!row) return null;
	return row.event_ids.map((event_id, i) => ({ event_id, subject_code: row.event_subjects[i] ?? '' }));
}

export async function openCaseFromAlert(input: { alertId: unknown; auditor: string }): Promise<OpenFromAlertResult> {
	const id = z.uuid().safeParse(typeof input.alertId === 'string' ? input.alertId.trim() : input.alertId);
	if (!id.success) return { ok: false, status: 400, field: 'alert_id', message: 'alert_id must be an alert’s id (a UUID)' };
	const alertId = id.data.toLowerCase();
	return withKeyLock(`case-alert:${alertId}`, async () => {
		const existing = await caseOfAlert(alertId);
		if (existing) return { ok: true, caseId: existing, opened: false };
		const evidence = await alertEvidence(alertId);
		if (!evidence) return { ok: false, status: 404, field: 'alert_id', message: `there is no alert ${alertId}` };
		const first = evidence[0];
		if (!first || first.subject_code === '') return { ok: false, status: 400, field: 'alert_id', message: 'the alert has no evidence events to open a case about' };
		const caseId = await withEventLock(first.event_id, (lock) =>
			openCase(lock, { subjectCode: first.subject_code, source: 'alert', alertId, actor: input.auditor }, evidence.slice(1))
		);
		return { ok: true, caseId, opened: true };
	});
}
