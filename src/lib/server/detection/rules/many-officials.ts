/**
 * many-officials (medium): at least `minOfficials` distinct officials made manual events
 * about one person within `windowHours`. The oversight body's own look-ups (purpose
 * AKI-OVERSIGHT) are left out. Explained per official (explain.ts): an official whose
 * events on the person are all explained by a corroborated case does not count, and the
 * finding stands only while `minOfficials` remain. Overlapping windows of one person make
 * one finding; its key is the Tallinn day of the window's first event.
 */
import { z } from 'zod';
import { queryRows } from '../../db/query';
import { OVERSIGHT_PURPOSE } from '../../oversight/oversight-body';
import { utcDateTime } from '../../db/columns';
import { MANUAL, NEW, SEEN, TZ, rangeParams, shardOf } from '../sql';
import type { DetectionRule, Hit, LedgerRange } from '../types';

export const params = {
	/** Distinct officials on one person... */
	minOfficials: 5,
	/** ...within this many hours. */
	windowHours: 24,
	/** Purposes left out (the oversight body's own look-ups). */
	excludePurposes: [OVERSIGHT_PURPOSE]
} as const;

const COUNTED = `${MANUAL} AND purpose_code NOT IN {excludePurposes:Array(String)}`;
const NEW_COUNTED = `SELECT subject_code, logged_at FROM usage_event WHERE ${NEW} AND ${COUNTED} AND ${shardOf('subject_code')}`;

/**
 * Step 1: every window that starts at one of a person's events and holds minOfficials
 * officials and a new event (people with a new event; their events read windowHours around
 * the new ones). Frames are a person's next windowHours, so each is small.
 */
export const SQL = `
SELECT subject_code, toUnixTimestamp64Milli(logged_at) AS start_ms, toString(toDate(logged_at, '${TZ}')) AS day, officials
FROM (
	SELECT subject_code, logged_at,
		uniqExact(actor_code) OVER w AS officials,
		max(ledger_index >= {from:UInt64}) OVER w AS has_new
	FROM usage_event
	WHERE ${SEEN} AND ${COUNTED}
		AND subject_code IN (SELECT subject_code FROM (${NEW_COUNTED}))
		AND logged_at >= (SELECT min(logged_at) FROM (${NEW_COUNTED})) - toIntervalHour({windowHours:UInt32})
		AND logged_at <= (SELECT max(logged_at) FROM (${NEW_COUNTED})) + toIntervalHour({windowHours:UInt32})
	WINDOW w AS (PARTITION BY subject_code ORDER BY toUnixTimestamp64Milli(logged_at) RANGE BETWEEN CURRENT ROW AND {windowMs:UInt64} FOLLOWING)
)
WHERE officials >= {minOfficials:UInt32} AND has_new = 1
ORDER BY subject_code, start_ms`;

/** Step 2: the events of the findings' people in the findings' period, to fill each window. */
export const EVIDENCE_SQL = `
SELECT toString(event_id) AS event_id, subject_code, actor_code, agency_code, logged_at, toUnixTimestamp64Milli(logged_at) AS ms
FROM usage_event
WHERE ${SEEN} AND ${COUNTED} AND subject_code IN {subjects:Array(String)}
	AND logged_at >= fromUnixTimestamp64Milli({lo:Int64}, 'UTC') AND logged_at < fromUnixTimestamp64Milli({hi:Int64}, 'UTC')`;

const int = z.union([z.number(), z.string()]).transform(Number);
const windowRow = z.object({ subject_code: z.string(), start_ms: int, day: z.string(), officials: int });
const eventRow = z.object({ event_id: z.string(), subject_code: z.string(), actor_code: z.string(), agency_code: z.string(), logged_at: utcDateTime, ms: int });

/** Overlapping windows of one person are one finding: the first window. Rows come sorted. */
function firstOfOverlapping<R extends { subject_code: string; start_ms: number }>(rows: R[], windowMs: number): R[] {
	const out: R[] = [];
	let last: { subject: string; until: number } | null = null;
	for (const r of rows) {
		if (last && last.subject === r.subject_code && r.start_ms < last.until) continue;
		out.push(r);
		last = { subject: r.subject_code, until: r.start_ms + windowMs };
	}
	return out;
}

export async function find(range: LedgerRange, p: typeof params = params): Promise<Hit[]> {
	const windowMs = p.windowHours * 3_600_000;
	const base = { ...rangeParams(range), ...p, excludePurposes: [...p.excludePurposes], windowMs: windowMs - 1 };
	const windows = firstOfOverlapping(await queryRows(SQL, base, windowRow), windowMs);
	if (windows.length === 0) return [];
	const starts = windows.map((w) => w.start_ms);
	const events = await queryRows(
		EVIDENCE_SQL,
		{ ...base, subjects: [...new Set(windows.map((w) => w.subject_code))], lo: Math.min(...starts), hi: Math.max(...starts) + windowMs },
		eventRow
	);
	return windows.map((w) => {
		const inside = events.filter((e) => e.subject_code === w.subject_code && e.ms >= w.start_ms && e.ms < w.start_ms + windowMs);
		inside.sort((a, b) => a.ms - b.ms || (a.event_id < b.event_id ? -1 : 1));
		return {
			rule: 'many-officials',
			severity: 'medium',
			actor_code: '',
			agency_code: inside[0]?.agency_code ?? '',
			subject_code: w.subject_code,
			events: inside.map((e) => ({ event_id: e.event_id, subject_code: e.subject_code, logged_at: e.logged_at })),
			detail: {
				day: w.day,
				officials: w.officials,
				agencies: new Set(inside.map((e) => e.agency_code)).size,
				window_hours: p.windowHours,
				events: inside.length
			},
			dedupe_key: `many-officials:${w.subject_code}:${w.day}`
		};
	});
}

export const rule: DetectionRule = {
	id: 'many-officials',
	severities: ['medium'],
	explanation: 'case',
	afterExplanation: { officials: params.minOfficials },
	params,
	find
};
