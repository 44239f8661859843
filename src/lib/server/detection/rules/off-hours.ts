/**
 * off-hours (low): an official's look-ups outside working hours (before `dayStart` or from
 * `dayEnd` on weekdays, any time on Saturday and Sunday, in Tallinn), for purposes that are
 * not round-the-clock (purpose.round_the_clock: police shifts, emergency dispatch), by an
 * official for whom such work is rare: of their manual events in the `historyDays` days
 * before that day, fewer than `maxUsualShare` were outside working hours (any purpose).
 * An official with fewer than `minHistory` manual events in those days has no pattern to
 * break, so is not judged. A finding is a night or weekend session: at least `minEvents`
 * such look-ups on the day. A single late look-up is ordinary: in the demo generator's
 * traffic about 8 % of office work falls outside these hours, and over a million events
 * single look-ups made 4,305 hits where sessions of three made 7 (and in bench:detect's
 * background sessions of two made 41 false alerts to 5 true ones). Explained by a
 * corroborated case (explain.ts, event by event; the session must still have `minEvents`
 * unexplained look-ups). One alert per official per Tallinn day.
 */
import { z } from 'zod';
import { queryRows } from '../../db/query';
import { MANUAL, NEW, SEEN, TZ, evidence, officialDayEvidenceRow, officialDayEvidenceSql, officialDayParams, rangeParams, shardOf } from '../sql';
import type { DetectionRule, Hit, LedgerRange } from '../types';

export const params = {
	/** Working hours start at this local hour (inclusive). */
	dayStart: 7,
	/** ... and end at this local hour (exclusive). */
	dayEnd: 20,
	/** Off-hours work is usual for an official from this share of their manual events. */
	maxUsualShare: 0.05,
	/** The official's pattern: their manual events in this many days before the day. */
	historyDays: 90,
	/** Fewer manual events than this in those days: no pattern, not judged. */
	minHistory: 10,
	/** Off-hours look-ups on the day that make a session worth an alert. */
	minEvents: 3
} as const;

const OUTSIDE = `(toHour(logged_at, '${TZ}') < {dayStart:UInt8} OR toHour(logged_at, '${TZ}') >= {dayEnd:UInt8} OR toDayOfWeek(logged_at, 0, '${TZ}') >= 6)`;
const NOT_ROUND_THE_CLOCK = 'purpose_code NOT IN (SELECT code FROM purpose FINAL WHERE round_the_clock)';
/** A look-up the rule is about: off hours, for a purpose with office hours. */
const FLAGGED = `${MANUAL} AND ${OUTSIDE} AND ${NOT_ROUND_THE_CLOCK}`;
const NEW_FLAGGED = `${NEW} AND ${FLAGGED} AND ${shardOf('actor_code')}`;

/**
 * Step 1, the findings: each (official, day) with a new flagged look-up, enough flagged
 * look-ups that day, and a history in which off-hours work was rare. The officials'
 * manual events are read from `historyDays` before the earliest new flagged look-up.
 */
export const SQL = `
SELECT actor_code, toString(day) AS day, prior_n, prior_off
FROM (
	SELECT actor_code, day, flagged, flagged_new,
		sum(n) OVER w AS prior_n,
		sum(off) OVER w AS prior_off
	FROM (
		SELECT actor_code, toDate(logged_at, '${TZ}') AS day, count() AS n, countIf(${OUTSIDE}) AS off,
			countIf(${OUTSIDE} AND ${NOT_ROUND_THE_CLOCK}) AS flagged,
			countIf(${OUTSIDE} AND ${NOT_ROUND_THE_CLOCK} AND ledger_index >= {from:UInt64}) AS flagged_new
		FROM usage_event
		WHERE ${SEEN} AND ${MANUAL}
			AND actor_code IN (SELECT actor_code FROM usage_event WHERE ${NEW_FLAGGED})
			AND logged_at >= (SELECT min(logged_at) FROM usage_event WHERE ${NEW_FLAGGED}) - toIntervalDay({historyDays:UInt32} + 1)
		GROUP BY actor_code, day
	)
	WINDOW w AS (PARTITION BY actor_code ORDER BY toInt32(day) RANGE BETWEEN {historyDays:UInt32} PRECEDING AND 1 PRECEDING)
)
WHERE flagged_new > 0 AND flagged >= {minEvents:UInt32}
	AND prior_n >= {minHistory:UInt32} AND prior_off < {maxUsualShare:Float64} * prior_n`;

/** Step 2, the evidence: the flagged look-ups of each finding's day. */
export const EVIDENCE_SQL = officialDayEvidenceSql(FLAGGED);

const count = z.union([z.number(), z.string()]).transform(Number);
const findingRow = z.object({ actor_code: z.string(), day: z.string(), prior_n: count, prior_off: count });

export async function find(range: LedgerRange, p: typeof params = params): Promise<Hit[]> {
	const sqlParams = { ...rangeParams(range), ...p };
	const findings = await queryRows(SQL, sqlParams, findingRow);
	if (findings.length === 0) return [];
	const ev = { ...officialDayParams(findings, range.to), dayStart: p.dayStart, dayEnd: p.dayEnd };
	const rows = await queryRows(EVIDENCE_SQL, ev, officialDayEvidenceRow);
	const key = (r: { actor_code: string; day: string }) => `${r.actor_code}|${r.day}`;
	const byKey = new Map(rows.map((r) => [key(r), r]));
	const hits: Hit[] = [];
	for (const f of findings) {
		const r = byKey.get(key(f));
		if (!r) continue;
		const events = evidence(r);
		hits.push({
			rule: 'off-hours',
			severity: 'low',
			actor_code: f.actor_code,
			agency_code: r.agency_code,
			subject_code: '',
			events,
			detail: {
				day: f.day,
				events: events.length,
				people: new Set(events.map((e) => e.subject_code)).size,
				prior_events: f.prior_n,
				prior_off_hours: f.prior_off,
				prior_share: f.prior_n > 0 ? Math.round((f.prior_off / f.prior_n) * 1000) / 1000 : 0
			},
			dedupe_key: `off-hours:${f.actor_code}:${f.day}`
		});
	}
	return hits;
}

export const rule: DetectionRule = {
	id: 'off-hours',
	severities: ['low'],
	explanation: 'case',
	afterExplanation: { events: params.minEvents },
	params,
	find
};
