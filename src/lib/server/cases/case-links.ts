/**
 * The usage events linked to a case (case_event, migration 0012): a log of links and
 * unlinks; an event is linked while its latest change is a link. The case's own event (a
 * flag's event, an alert's first evidence event) is linked when the case opens and stays
 * linked: cases opened before the log existed have no row for it and still show it.
 */
import { z } from 'zod';
import { chTime, utcDateTime } from '../db/columns';
import { insertRows, queryRows } from '../db/query';
import type { EventRef } from '../oversight/events';

export const LINK_CHANGES = ['link', 'unlink'] as const;

export interface LinkChange extends EventRef {
	caseId: string;
	change: (typeof LINK_CHANGES)[number];
	/** Personal code of who made the change. */
	actor: string;
}

/** Appends these changes, all at one time. */
export async function writeLinkChanges(changes: readonly LinkChange[], at: Date = new Date()): Promise<void> {
	await insertRows(
		'case_event',
		changes.map((c) => ({
			case_id: c.caseId,
			event_id: c.event_id.toLowerCase(),
			subject_code: c.subject_code,
			change: c.change,
			at: chTime(at),
			actor: c.actor
		}))
	);
}

const refRow = z.object({ event_id: z.string(), subject_code: z.string() });

/**
 * The events linked to a case now, with the case's own event first. On a tie in time the
 * unlink wins (enum order), which never happens for changes made one after another.
 */
export async function linkedEventRefs(caseId: string, own: EventRef): Promise<EventRef[]> {
	const rows = await queryRows(
		`SELECT toString(event_id) AS event_id, argMax(subject_code, (at, change)) AS subject_code
		 FROM case_event WHERE case_id = {case:UUID}
		 GROUP BY event_id
		 HAVING argMax(change, (at, change)) = 'link'
		 ORDER BY min(at), event_id`,
		{ case: caseId },
		refRow
	);
	const ownId = own.event_id.toLowerCase();
	return [{ event_id: ownId, subject_code: own.subject_code }, ...rows.filter((r) => r.event_id !== ownId)];
}

const logRow = z.object({
	event_id: z.string(),
	subject_code: z.string(),
	change: z.enum(LINK_CHANGES),
	at: utcDateTime,
	actor: z.string()
});
export type LinkLogEntry = z.output<typeof logRow>;

/** Every link and unlink of a case, in order (the evidence export's record of them). */
export function linkLog(caseId: string): Promise<LinkLogEntry[]> {
	return queryRows(
		`SELECT toString(event_id) AS event_id, subject_code, change, at, actor
		 FROM case_event WHERE case_id = {case:UUID}
		 ORDER BY at, change, event_id`,
		{ case: caseId },
		logRow
	);
}
