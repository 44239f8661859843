/**
 * One case as auditors read it: its opening, every history row in order, and the citizens'
 * flags that opened or joined it (with their comments).
 */
import { z } from 'zod';
import { FLAG_KINDS } from '../../flags/flag-form';
import { CASE_OUTCOMES, CASE_STATES } from '../../cases/workflow';
import { int64, utcDateTime } from '../db/columns';
import { queryRows } from '../db/query';

const historyRow = z.object({
	seq: int64,
	at: utcDateTime,
	state: z.enum(CASE_STATES),
	outcome: z.union([z.enum(CASE_OUTCOMES), z.literal('')]),
	assignee: z.string(),
	note: z.string(),
	note_to_person: z.string(),
	actor: z.string()
});
export type CaseHistoryEntry = z.output<typeof historyRow>;

/** Every change of the case, oldest first (seq 1 is the opening). */
export function caseHistory(caseId: string): Promise<CaseHistoryEntry[]> {
	return queryRows(
		`SELECT seq, at, state, outcome, assignee, note, note_to_person, actor FROM case_history
		 WHERE case_id = {case:UUID} ORDER BY seq`,
		{ case: caseId },
		historyRow
	);
}

const openedByRow = z.object({ opened_by: z.string() });

/** Who caused the opening (the flagger, or the auditor acting on an alert). */
export async function caseOpenedBy(caseId: string): Promise<string> {
	const rows = await queryRows(
		'SELECT opened_by FROM oversight_case WHERE case_id = {case:UUID} LIMIT 1',
		{ case: caseId },
		openedByRow
	);
	return rows[0]?.opened_by ?? '';
}

const flagRow = z.object({
	flag_id: z.string(),
	event_id: z.string(),
	subject_code: z.string(),
	flagged_by: z.string(),
	kind: z.enum(FLAG_KINDS),
	comment: z.string(),
	created_at: utcDateTime
});
export type CaseFlag = z.output<typeof flagRow>;

/** The flags in the case, oldest first (the flag table's index on case_id skips the rest). */
export function caseFlags(caseId: string): Promise<CaseFlag[]> {
	return queryRows(
		`SELECT toString(flag_id) AS flag_id, toString(event_id) AS event_id, subject_code, flagged_by, kind, comment, created_at
		 FROM flag WHERE case_id = {case:UUID}
		 ORDER BY created_at, flag_id`,
		{ case: caseId },
		flagRow
	);
}
