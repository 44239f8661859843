/**
 * protected-person (medium): an official looked up someone on the protected list the
 * oversight body keeps (politicians, celebrities, journalists, ...) as it stands when the
 * rule runs: a person is on it when their latest protected_person row adds them.
 * Explained by a corroborated case (explain.ts). One alert per official-person pair per
 * Tallinn day.
 */
import { z } from 'zod';
import { queryRows } from '../../db/query';
import { MANUAL, NEW, TZ, evidence, evidenceColumns, rangeParams, shardOf } from '../sql';
import type { DetectionRule, Hit, LedgerRange } from '../types';

/** No parameters: the list decides. */
export const params = {} as const;

/** The protected list now: each person's latest change is an addition. */
const PROTECTED = `
SELECT personal_code, argMax(toString(category), at) AS category
FROM protected_person
GROUP BY personal_code
HAVING argMax(change, at) = 'add'`;

export const SQL = `
WITH protected AS (${PROTECTED})
SELECT e.actor_code AS actor_code, e.subject_code AS subject_code, argMin(e.agency_code, e.logged_at) AS agency_code,
	toString(toDate(e.logged_at, '${TZ}')) AS day, any(p.category) AS category,
	groupArray(toString(e.event_id)) AS ids, groupArray(e.subject_code) AS subjects, groupArray(e.logged_at) AS times
FROM (
	SELECT event_id, logged_at, subject_code, actor_code, agency_code FROM usage_event
	WHERE ${NEW} AND ${MANUAL} AND ${shardOf('actor_code')} AND subject_code IN (SELECT personal_code FROM protected)
) AS e
INNER JOIN protected AS p ON p.personal_code = e.subject_code
GROUP BY actor_code, subject_code, day`;

const row = z.object({
	actor_code: z.string(),
	subject_code: z.string(),
	agency_code: z.string(),
	day: z.string(),
	category: z.string(),
	...evidenceColumns
});

export async function find(range: LedgerRange): Promise<Hit[]> {
	const rows = await queryRows(SQL, rangeParams(range), row);
	return rows.map((r) => {
		const events = evidence(r);
		return {
			rule: 'protected-person',
			severity: 'medium',
			actor_code: r.actor_code,
			agency_code: r.agency_code,
			subject_code: r.subject_code,
			events,
			detail: { day: r.day, category: r.category, events: events.length },
			dedupe_key: `protected-person:${r.actor_code}:${r.subject_code}:${r.day}`
		};
	});
}

export const rule: DetectionRule = { id: 'protected-person', severities: ['medium'], explanation: 'case', params, find };
