/**
 * relative-lookup: an official looked up someone the population register (person FINAL)
 * links them to. High for a family link or a shared household: parent and child
 * (mother_code/father_code), siblings (a shared mother or father), the same household_id
 * (> 0). Medium for the same last name when that surname is rare: held by at most
 * `maxSurnameShare` of the register's people (30 in a country of 1.3 million), and never
 * more than the two of them in a small register, where every name would otherwise be
 * "rare". Common surnames say nothing. detail.link names the
 * strongest link found. Explained only by a case corroborated by another official
 * (explain.ts). One alert per official-person pair per Tallinn day.
 */
import { z } from 'zod';
import { queryRows } from '../../db/query';
import { MANUAL, NEW, TZ, evidence, evidenceColumns, rangeParams, shardOf } from '../sql';
import type { DetectionRule, Hit, LedgerRange } from '../types';

export const params = {
	/** A shared surname counts when at most this share of the register's people hold it (and at least 2 may). */
	maxSurnameShare: 30 / 1_300_000
} as const;

/** Strongest first: the link an alert reports when several apply. */
export const LINKS = ['parent-child', 'sibling', 'household', 'surname'] as const;
export type Link = (typeof LINKS)[number];

/**
 * The new manual events (e), the officials' register rows (op), their rare surnames, and
 * everyone linked to any of them (c: children, parents, siblings, household, rare
 * namesakes, in one pass over the register); each event whose person is in c is then
 * classified against its own official. The CTEs are materialised: each is used several
 * times and would otherwise be computed again for each use.
 */
export const SQL = `
WITH
	e AS MATERIALIZED (
		SELECT event_id, logged_at, subject_code, actor_code, agency_code,
			substring(actor_code, 3) AS a, substring(subject_code, 3) AS s
		FROM usage_event
		WHERE ${NEW} AND ${MANUAL} AND actor_code != subject_code AND ${shardOf('actor_code')}
	),
	op AS MATERIALIZED (
		SELECT personal_code, last_name, household_id, mother_code, father_code
		FROM person FINAL
		WHERE personal_code IN (SELECT a FROM e)
	),
	rare AS MATERIALIZED (
		SELECT last_name, count() AS holders
		FROM person FINAL
		WHERE last_name IN (SELECT last_name FROM op WHERE last_name != '')
		GROUP BY last_name
		HAVING holders <= greatest(2, toUInt64(floor({maxSurnameShare:Float64} * (SELECT count() FROM person FINAL))))
	),
	c AS MATERIALIZED (
		SELECT personal_code, last_name, household_id, mother_code, father_code
		FROM person FINAL
		WHERE mother_code IN (SELECT personal_code FROM op) OR father_code IN (SELECT personal_code FROM op)
			OR personal_code IN (SELECT mother_code FROM op) OR personal_code IN (SELECT father_code FROM op)
			OR (mother_code != '' AND mother_code IN (SELECT mother_code FROM op))
			OR (father_code != '' AND father_code IN (SELECT father_code FROM op))
			OR (household_id > 0 AND household_id IN (SELECT household_id FROM op))
			OR last_name IN (SELECT last_name FROM rare)
	),
	linked AS (
		SELECT e.event_id AS event_id, e.logged_at AS logged_at, e.subject_code AS subject_code, e.actor_code AS actor_code,
			e.agency_code AS agency_code, rare.holders AS holders,
			multiIf(
				ps.mother_code = e.a OR ps.father_code = e.a OR pa.mother_code = e.s OR pa.father_code = e.s, 1,
				(pa.mother_code != '' AND pa.mother_code = ps.mother_code) OR (pa.father_code != '' AND pa.father_code = ps.father_code), 2,
				pa.household_id > 0 AND pa.household_id = ps.household_id, 3,
				rare.holders > 0 AND pa.last_name = ps.last_name, 4,
				0) AS link
		FROM e
		INNER JOIN op AS pa ON pa.personal_code = e.a
		INNER JOIN c AS ps ON ps.personal_code = e.s
		LEFT JOIN rare ON rare.last_name = pa.last_name
	)
SELECT actor_code, subject_code, argMin(agency_code, logged_at) AS agency_code, toString(toDate(logged_at, '${TZ}')) AS day,
	min(link) AS strongest, max(holders) AS surname_holders,
	groupArray(toString(event_id)) AS ids, groupArray(subject_code) AS subjects, groupArray(logged_at) AS times
FROM linked
WHERE link > 0
GROUP BY actor_code, subject_code, day
SETTINGS join_use_nulls = 0, enable_materialized_cte = 1`;

const row = z.object({
	actor_code: z.string(),
	subject_code: z.string(),
	agency_code: z.string(),
	day: z.string(),
	strongest: z.number().int().min(1).max(4),
	surname_holders: z.union([z.number(), z.string()]).transform(Number),
	...evidenceColumns
});

export async function find(range: LedgerRange, p: typeof params = params): Promise<Hit[]> {
	const rows = await queryRows(SQL, { ...rangeParams(range), maxSurnameShare: p.maxSurnameShare }, row);
	return rows.map((r) => {
		const events = evidence(r);
		const link = LINKS[r.strongest - 1]!;
		return {
			rule: 'relative-lookup',
			severity: link === 'surname' ? 'medium' : 'high',
			actor_code: r.actor_code,
			agency_code: r.agency_code,
			subject_code: r.subject_code,
			events,
			detail: { day: r.day, link, ...(link === 'surname' ? { surname_holders: r.surname_holders } : {}), events: events.length },
			dedupe_key: `relative-lookup:${r.actor_code}:${r.subject_code}:${r.day}`
		};
	});
}

// Each query passes over the register twice (rare surnames, everyone linked): few, big parts.
export const rule: DetectionRule = { id: 'relative-lookup', severities: ['high', 'medium'], explanation: 'case-by-official', partEvents: 250_000, params, find };
