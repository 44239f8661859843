/**
 * The case a new flag (or alert) about an event belongs to: the event's open case, or a
 * new one when it has none (never had one, or only closed ones).
 */
import { z } from 'zod';
import { chTime } from '../db/columns';
import { insertRows, queryOne } from '../db/query';
import type { EventRef } from '../oversight/events';
import { writeLinkChanges } from './case-links';
import type { EventLock } from './event-lock';

export interface CaseOpening {
	subjectCode: string;
	source: 'flag' | 'alert';
	/** The alert that opens the case ('' or absent for a flag). */
	alertId?: string;
	/** Personal code of who caused it: the flagger, or the auditor acting on an alert. */
	actor: string;
}

const idRow = z.object({ case_id: z.string() });

/** The event's case that is not closed, if any (a closed case is final: one closed row ends it). */
async function openCaseOf(eventId: string): Promise<string | null> {
	const row = await queryOne(
		`SELECT toString(case_id) AS case_id FROM oversight_case
		 WHERE event_id = {event:UUID}
			AND case_id NOT IN (
				SELECT case_id FROM case_history
				WHERE state = 'closed' AND case_id IN (SELECT case_id FROM oversight_case WHERE event_id = {event:UUID})
			)
		 ORDER BY opened_at DESC, case_id DESC
		 LIMIT 1`,
		{ event: eventId },
		idRow
	);
	return row?.case_id ?? null;
}

/**
 * Joins the event's open case or opens one. Needs the event's lock (withEventLock), held
 * until the caller has written what joins the case (the flag), so no second case is opened
 * meanwhile and the case is not closed under it.
 */
export async function openOrJoinCase(lock: EventLock, c: CaseOpening): Promise<{ caseId: string; opened: boolean }> {
	const open = await openCaseOf(lock.eventId);
	if (open) return { caseId: open, opened: false };
	return { caseId: await openCase(lock, c), opened: true };
}

/**
 * Opens a new case about the locked event, with the event linked to it and any other
 * events given (an alert's evidence) linked too. Returns the case's id.
 */
export async function openCase(lock: EventLock, c: CaseOpening, alsoLinked: readonly EventRef[] = []): Promise<string> {
	const caseId = crypto.randomUUID();
	const now = new Date();
	const at = chTime(now);
	// History and links first, the case row last: a crash between the writes leaves
	// unreferenced rows, never a case without a state or without its event linked.
	await insertRows('case_history', [
		{ case_id: caseId, seq: 1, at, state: 'new', outcome: '', assignee: '', note: '', actor: c.actor }
	]);
	const own: EventRef = { event_id: lock.eventId, subject_code: c.subjectCode };
	const links = [own, ...alsoLinked.filter((r) => r.event_id.toLowerCase() !== lock.eventId)];
	await writeLinkChanges(
		links.map((r) => ({ caseId, event_id: r.event_id, subject_code: r.subject_code, change: 'link' as const, actor: c.actor })),
		now
	);
	await insertRows('oversight_case', [
		{
			case_id: caseId,
			opened_at: at,
			source: c.source,
			event_id: lock.eventId,
			subject_code: c.subjectCode,
			alert_id: c.alertId ?? '',
			opened_by: c.actor
		}
	]);
	return caseId;
}
