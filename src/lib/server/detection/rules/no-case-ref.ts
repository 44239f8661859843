/**
 * no-case-ref (medium): an official's look-up names no case although its purpose requires
 * one (purpose.case_required: investigations, proceedings, audits, security work).
 * Never explained: the missing reference is the finding. One alert per official-person
 * pair per Tallinn day.
 */
import { z } from 'zod';
import { queryRows } from '../../db/query';
import { DAY, EVIDENCE, MANUAL, NEW, evidence, evidenceColumns, rangeParams, shardOf } from '../sql';
import type { DetectionRule, Hit, LedgerRange } from '../types';

/** No parameters: the catalogue's case_required decides. */
export const params = {} as const;

export const SQL = `
SELECT actor_code, subject_code, argMin(agency_code, logged_at) AS agency_code, toString(${DAY}) AS day,
	groupUniqArray(purpose_code) AS purposes, ${EVIDENCE}
FROM usage_event
WHERE ${NEW} AND ${MANUAL} AND case_ref = '' AND ${shardOf('actor_code')}
	AND purpose_code IN (SELECT code FROM purpose FINAL WHERE case_required)
GROUP BY actor_code, subject_code, day`;

const row = z.object({
	actor_code: z.string(),
	subject_code: z.string(),
	agency_code: z.string(),
	day: z.string(),
	purposes: z.array(z.string()),
	...evidenceColumns
});

export async function find(range: LedgerRange): Promise<Hit[]> {
	const rows = await queryRows(SQL, rangeParams(range), row);
	return rows.map((r) => {
		const events = evidence(r);
		return {
			rule: 'no-case-ref',
			severity: 'medium',
			actor_code: r.actor_code,
			agency_code: r.agency_code,
			subject_code: r.subject_code,
			events,
			detail: { day: r.day, purposes: [...r.purposes].sort(), events: events.length },
			dedupe_key: `no-case-ref:${r.actor_code}:${r.subject_code}:${r.day}`
		};
	});
}

export const rule: DetectionRule = { id: 'no-case-ref', severities: ['medium'], explanation: 'none', params, find };
