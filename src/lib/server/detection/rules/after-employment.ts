/**
 * after-employment (high): an official's look-up on a Tallinn date outside every
 * employment of theirs at the event's agency (after employed_to, before employed_from, or
 * never employed there), by the official register (official FINAL; codes there are the 11
 * digits without the country prefix). Never explained. One alert per official-person pair
 * per Tallinn day.
 */
import { z } from 'zod';
import { queryRows } from '../../db/query';
import { DAY, MANUAL, NEW, evidence, evidenceColumns, rangeParams, shardOf } from '../sql';
import type { DetectionRule, Hit, LedgerRange } from '../types';

/** No parameters: the employment dates decide. */
export const params = {} as const;

export const SQL = `
WITH
	e AS (
		SELECT event_id, logged_at, subject_code, actor_code, agency_code, ${DAY} AS day, substring(actor_code, 3) AS official
		FROM usage_event
		WHERE ${NEW} AND ${MANUAL} AND ${shardOf('actor_code')}
	),
	jobs AS (
		SELECT personal_code, agency_code, groupArray((employed_from, employed_to)) AS spans
		FROM official FINAL
		WHERE personal_code IN (SELECT official FROM e)
		GROUP BY personal_code, agency_code
	)
SELECT e.actor_code AS actor_code, e.subject_code AS subject_code, e.agency_code AS agency_code, toString(e.day) AS day,
	any(length(j.spans)) AS jobs_there,
	any(arrayStringConcat(arrayMap(s -> concat(toString(s.1), '..', ifNull(toString(s.2), '')), j.spans), ', ')) AS employment,
	groupArray(toString(e.event_id)) AS ids, groupArray(e.subject_code) AS subjects, groupArray(e.logged_at) AS times
FROM e
LEFT JOIN jobs AS j ON j.personal_code = e.official AND j.agency_code = e.agency_code
WHERE NOT arrayExists(s -> s.1 <= e.day AND (s.2 IS NULL OR e.day <= assumeNotNull(s.2)), j.spans)
GROUP BY actor_code, subject_code, agency_code, day
SETTINGS join_use_nulls = 0`;

const row = z.object({
	actor_code: z.string(),
	subject_code: z.string(),
	agency_code: z.string(),
	day: z.string(),
	jobs_there: z.number(),
	employment: z.string(),
	...evidenceColumns
});

export async function find(range: LedgerRange): Promise<Hit[]> {
	const rows = await queryRows(SQL, rangeParams(range), row);
	return rows.map((r) => {
		const events = evidence(r);
		return {
			rule: 'after-employment',
			severity: 'high',
			actor_code: r.actor_code,
			agency_code: r.agency_code,
			subject_code: r.subject_code,
			events,
			// employment: the official's spans at this agency ('from..to', open-ended '..'), '' when never employed there.
			detail: { day: r.day, employed_there: r.jobs_there > 0, employment: r.employment, events: events.length },
			dedupe_key: `after-employment:${r.actor_code}:${r.subject_code}:${r.day}`
		};
	});
}

export const rule: DetectionRule = { id: 'after-employment', severities: ['high'], explanation: 'none', params, find };
