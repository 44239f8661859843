/**
 * The auditors' case list: cases with their current state, newest opened first, filtered
 * (case-filters.ts) and read a page at a time by keyset (opened_at, case_id), so a later
 * page costs the same as the first and a case opened meanwhile never shifts a page.
 */
import { z } from 'zod';
import { CASE_PAGE_SIZE, CASE_SOURCES, type CaseCursor, type CaseFilters } from '../../cases/case-filters';
import { CASE_OUTCOMES, CASE_STATES } from '../../cases/workflow';
import { zoneDayEnd, zoneDayStart } from '../../format';
import { chTime, int64, utcDateTime } from '../db/columns';
import { queryRows, type Params } from '../db/query';

const listRow = z.object({
	case_id: z.string(),
	opened_at: utcDateTime,
	opened_at_ms: int64,
	source: z.enum(CASE_SOURCES),
	event_id: z.string(),
	subject_code: z.string(),
	alert_id: z.string(),
	state: z.enum(CASE_STATES),
	outcome: z.union([z.enum(CASE_OUTCOMES), z.literal('')]),
	assignee: z.string(),
	updated_at: utcDateTime,
	flags: int64
});
export type CaseListItem = z.output<typeof listRow>;

export interface CasePage {
	cases: CaseListItem[];
	/** Where the next page starts, or null on the last page. */
	next: CaseCursor | null;
}

/** `me`: the signed-in auditor, for assignee 'mine'. */
export async function listCases(f: CaseFilters, me: string, limit = CASE_PAGE_SIZE): Promise<CasePage> {
	// Conditions from this fixed list only; values always as parameters.
	const where: string[] = [];
	const params: Params = { limit: limit + 1 };
	if (f.state) {
		where.push('h.last_state = {state:String}');
		params.state = f.state;
	}
	if (f.outcome) {
		where.push('h.last_outcome = {outcome:String}');
		params.outcome = f.outcome;
	}
	if (f.source) {
		where.push('c.source = {source:String}');
		params.source = f.source;
	}
	if (f.assignee) {
		where.push('h.last_assignee = {assignee:String}');
		params.assignee = f.assignee === 'mine' ? me : f.assignee === 'nobody' ? '' : f.assignee;
	}
	if (f.from) {
		where.push("c.opened_at >= {from:DateTime64(3, 'UTC')}");
		params.from = chTime(zoneDayStart(f.from));
	}
	if (f.to) {
		where.push("c.opened_at < {to:DateTime64(3, 'UTC')}");
		params.to = chTime(zoneDayEnd(f.to));
	}
	if (f.after) {
		where.push("(c.opened_at, c.case_id) < ({afterAt:DateTime64(3, 'UTC')}, {afterId:UUID})");
		params.afterAt = chTime(f.after.openedAtMs);
		params.afterId = f.after.caseId;
	}
	const rows = await queryRows(
		`SELECT toString(c.case_id) AS case_id, c.opened_at AS opened_at, toUnixTimestamp64Milli(c.opened_at) AS opened_at_ms,
			c.source AS source, toString(c.event_id) AS event_id, c.subject_code AS subject_code, c.alert_id AS alert_id,
			h.last_state AS state, h.last_outcome AS outcome, h.last_assignee AS assignee, h.updated_at AS updated_at,
			f.n AS flags
		 FROM oversight_case AS c
		 INNER JOIN (
			SELECT case_id, argMax(state, seq) AS last_state, argMax(outcome, seq) AS last_outcome,
				argMax(assignee, seq) AS last_assignee, argMax(at, seq) AS updated_at
			FROM case_history GROUP BY case_id
		 ) AS h ON h.case_id = c.case_id
		 LEFT JOIN (SELECT case_id, count() AS n FROM flag GROUP BY case_id) AS f ON f.case_id = c.case_id
		 ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
		 ORDER BY c.opened_at DESC, c.case_id DESC
		 LIMIT {limit:UInt32}`,
		params,
		listRow
	);
	const more = rows.length > limit;
	const cases = more ? rows.slice(0, limit) : rows;
	const last = cases.at(-1);
	return { cases, next: more && last ? { openedAtMs: last.opened_at_ms, caseId: last.case_id } : null };
}
