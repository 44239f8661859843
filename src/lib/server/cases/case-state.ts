/** A case's current state: its opening row and its latest history row. */
import { z } from 'zod';
import { CASE_SOURCES } from '../../cases/case-filters';
import { CASE_OUTCOMES, CASE_STATES } from '../../cases/workflow';
import { int64, utcDateTime } from '../db/columns';
import { queryOne } from '../db/query';

export { CASE_SOURCES };

const caseRow = z.object({
	case_id: z.string(),
	opened_at: utcDateTime,
	source: z.enum(CASE_SOURCES),
	event_id: z.string(),
	subject_code: z.string(),
	alert_id: z.string(),
	state: z.enum(CASE_STATES),
	outcome: z.union([z.enum(CASE_OUTCOMES), z.literal('')]),
	assignee: z.string(),
	seq: int64,
	updated_at: utcDateTime
});
export type CaseStatus = z.output<typeof caseRow>;

/** The latest history row's columns per case (a case's state is its latest row); aliases unlike the columns. */
const LATEST_HISTORY = `argMax(state, seq) AS last_state, argMax(outcome, seq) AS last_outcome,
	argMax(assignee, seq) AS last_assignee, max(seq) AS last_seq, argMax(at, seq) AS updated_at`;

export async function caseState(caseId: string): Promise<CaseStatus | null> {
	return queryOne(
		`SELECT toString(c.case_id) AS case_id, c.opened_at AS opened_at, c.source AS source, toString(c.event_id) AS event_id,
			c.subject_code AS subject_code, c.alert_id AS alert_id,
			h.last_state AS state, h.last_outcome AS outcome, h.last_assignee AS assignee, h.last_seq AS seq, h.updated_at AS updated_at
		 FROM oversight_case AS c
		 INNER JOIN (
			SELECT case_id, ${LATEST_HISTORY} FROM case_history WHERE case_id = {case:UUID} GROUP BY case_id
		 ) AS h ON h.case_id = c.case_id
		 WHERE c.case_id = {case:UUID}
		 LIMIT 1`,
		{ case: caseId },
		caseRow
	);
}
