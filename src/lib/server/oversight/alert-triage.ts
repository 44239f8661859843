/**
 * Triage of alerts, append-only: each decision is a new alert_triage row with the alert's
 * next seq; nothing is ever updated, so the whole history stays. Decisions on one alert
 * are serialised (a lock per alert), so two auditors' clicks at the same moment get seq n
 * and n + 1, never the same one.
 *
 * The lock is in this process only, like the case workflow's (see cases/event-lock.ts):
 * several web servers on one database would need a lock they share.
 */
import { z } from 'zod';
import { TRIAGE_DECISIONS, type TriageDecision } from '$lib/oversight/rules';
import { parseTriage, type TriageFieldError } from '$lib/oversight/triage-input';
import { chTime, int64, utcDateTime } from '../db/columns';
import { insertRows, queryOne, queryRows } from '../db/query';
import { withKeyLock } from '../cases/keyed-lock';

export interface TriageEntry {
	seq: number;
	at: string;
	decision: TriageDecision;
	reason: string;
	/** The auditor, country-prefixed. */
	actor: string;
}

const entryRow = z.object({ seq: int64, at: utcDateTime, decision: z.enum(TRIAGE_DECISIONS), reason: z.string(), actor: z.string() });

/** Every decision on an alert, oldest first. */
export async function triageHistory(alertId: string): Promise<TriageEntry[]> {
	return queryRows(
		'SELECT seq, at, decision, reason, actor FROM alert_triage WHERE alert_id = {id:UUID} ORDER BY seq',
		{ id: alertId },
		entryRow
	);
}

export type TriageResult =
	| { ok: true; entry: TriageEntry }
	| { ok: false; status: 400; error: TriageFieldError }
	| { ok: false; status: 404; error: { field: 'alertId'; code: 'alertId'; message: string } };

const existsRow = z.object({ n: int64 });
const seqRow = z.object({ seq: int64 });

export async function triageAlert(input: { alertId: unknown; decision: unknown; reason: unknown; actor: unknown }): Promise<TriageResult> {
	const parsed = parseTriage(input);
	if (!parsed.ok) return { ok: false, status: 400, error: parsed.error };
	const t = parsed.data;
	const exists = await queryOne('SELECT count() AS n FROM alert WHERE alert_id = {id:UUID}', { id: t.alertId }, existsRow);
	if (!exists || exists.n === 0) return { ok: false, status: 404, error: { field: 'alertId', code: 'alertId', message: 'no such alert' } };
	return withKeyLock(`alert-triage:${t.alertId}`, async () => {
		const last = await queryOne('SELECT max(seq) AS seq FROM alert_triage WHERE alert_id = {id:UUID}', { id: t.alertId }, seqRow);
		const entry: TriageEntry = { seq: (last?.seq ?? 0) + 1, at: new Date().toISOString(), decision: t.decision, reason: t.reason, actor: t.actor };
		await insertRows('alert_triage', [{ alert_id: t.alertId, seq: entry.seq, at: chTime(entry.at), decision: entry.decision, reason: entry.reason, actor: entry.actor }]);
		return { ok: true, entry };
	});
}
