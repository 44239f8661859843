/**
 * volume-spike (medium): an official's manual events on one Tallinn day (at one agency)
 * exceed all of: `minDaily`; their own baseline, the mean plus `sdFactor` standard
 * deviations of their daily counts over the `baselineDays` days before (days without
 * events count as zero); and the `peerQuantile` quantile of their agency peers' daily
 * counts (the other officials' days with events) over the same days. The oversight body's
 * own look-ups (purpose AKI-OVERSIGHT: an auditor's search shows whole lists of people)
 * are left out. Never explained. One alert per official per day.
 */
import { z } from 'zod';
import { queryRows } from '../../db/query';
import { OVERSIGHT_PURPOSE } from '../../oversight/oversight-body';
import { MANUAL, NEW, SEEN, TZ, evidence, officialDayEvidenceRow, officialDayEvidenceSql, officialDayParams, rangeParams, shardOf } from '../sql';
import type { DetectionRule, Hit, LedgerRange } from '../types';

export const params = {
	/** A day's count must exceed this before anything else is asked. */
	minDaily: 40,
	/** The official's own baseline: these many days before the day... */
	baselineDays: 28,
	/** ...mean plus this many standard deviations. */
	sdFactor: 4,
	/** The agency's peers' daily counts over the same days: this quantile. */
	peerQuantile: 0.99,
	/** Purposes left out (the oversight body's own look-ups). */
	excludePurposes: [OVERSIGHT_PURPOSE]
} as const;

const COUNTED = `${MANUAL} AND purpose_code NOT IN {excludePurposes:Array(String)}`;
const NEW_COUNTED = `${NEW} AND ${COUNTED} AND ${shardOf('actor_code')}`;

/**
 * Step 1, against the official's own baseline: each (official, agency, day) with a new
 * event whose count exceeds minDaily and mean + sdFactor * sd of the baselineDays before
 * (read back from baselineDays before the earliest new event).
 */
export const SQL = `
SELECT actor_code, agency_code, toString(day) AS day, n,
	s / {baselineDays:UInt32} AS mean,
	sqrt(greatest(ss / {baselineDays:UInt32} - pow(s / {baselineDays:UInt32}, 2), 0)) AS sd
FROM (
	SELECT actor_code, agency_code, day, n, has_new, sum(n) OVER w AS s, sum(n * n) OVER w AS ss
	FROM (
		SELECT actor_code, agency_code, toDate(logged_at, '${TZ}') AS day, count() AS n, max(ledger_index >= {from:UInt64}) AS has_new
		FROM usage_event
		WHERE ${SEEN} AND ${COUNTED}
			AND actor_code IN (SELECT actor_code FROM usage_event WHERE ${NEW_COUNTED})
			AND logged_at >= (SELECT min(logged_at) FROM usage_event WHERE ${NEW_COUNTED}) - toIntervalDay({baselineDays:UInt32} + 1)
		GROUP BY actor_code, agency_code, day
	)
	WINDOW w AS (PARTITION BY actor_code, agency_code ORDER BY toInt32(day) RANGE BETWEEN {baselineDays:UInt32} PRECEDING AND 1 PRECEDING)
)
WHERE has_new = 1 AND n > {minDaily:UInt32} AND n > mean + {sdFactor:Float64} * sd`;

/** Step 2, the peers: every official's daily counts at the findings' agencies over their baseline days. */
export const PEERS_SQL = `
SELECT agency_code, actor_code, toString(toDate(logged_at, '${TZ}')) AS day, count() AS n
FROM usage_event
WHERE ${SEEN} AND ${COUNTED} AND agency_code IN {agencies:Array(String)}
	AND logged_at >= toDateTime({lo:Date} - {baselineDays:UInt32}, '${TZ}') AND logged_at < toDateTime({hi:Date}, '${TZ}')
GROUP BY agency_code, actor_code, day`;

/** Step 3, the evidence: the counted events of each finding's day. */
export const EVIDENCE_SQL = officialDayEvidenceSql(COUNTED);

const num = z.union([z.number(), z.string()]).transform(Number);
const findingRow = z.object({ actor_code: z.string(), agency_code: z.string(), day: z.string(), n: num, mean: num, sd: num });
const peerRow = z.object({ agency_code: z.string(), actor_code: z.string(), day: z.string(), n: num });

const DAY_MS = 86_400_000;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** ClickHouse's quantileExact: the element at floor(level * n) of the sorted values. */
export function exactQuantile(values: number[], level: number): number {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(level * sorted.length))]!;
}

export async function find(range: LedgerRange, p: typeof params = params): Promise<Hit[]> {
	const base = { ...rangeParams(range), ...p, excludePurposes: [...p.excludePurposes] };
	const findings = await queryRows(SQL, base, findingRow);
	if (findings.length === 0) return [];
	const days = findings.map((f) => f.day).sort();
	const peerRows = await queryRows(PEERS_SQL, { ...base, agencies: [...new Set(findings.map((f) => f.agency_code))], lo: days[0], hi: days.at(-1) }, peerRow);
	const byAgency = new Map<string, (typeof peerRows)[number][]>();
	for (const r of peerRows) {
		const list = byAgency.get(r.agency_code);
		if (list) list.push(r);
		else byAgency.set(r.agency_code, [r]);
	}
	const spikes = findings.flatMap((f) => {
		const day = Date.parse(`${f.day}T00:00:00Z`);
		const first = new Date(day - p.baselineDays * DAY_MS).toISOString().slice(0, 10);
		const counts = (byAgency.get(f.agency_code) ?? []).filter((r) => r.actor_code !== f.actor_code && r.day >= first && r.day < f.day);
		const peerQ = exactQuantile(counts.map((r) => r.n), p.peerQuantile);
		return f.n > peerQ ? [{ ...f, peerQ, peers: new Set(counts.map((r) => r.actor_code)).size }] : [];
	});
	if (spikes.length === 0) return [];
	const rows = await queryRows(EVIDENCE_SQL, { ...officialDayParams(spikes, range.to), excludePurposes: base.excludePurposes }, officialDayEvidenceRow);
	const byKey = new Map(rows.map((r) => [`${r.actor_code}|${r.day}`, r]));
	return spikes.flatMap((f): Hit[] => {
		const r = byKey.get(`${f.actor_code}|${f.day}`);
		if (!r) return [];
		const events = evidence(r);
		return [
			{
				rule: 'volume-spike',
				severity: 'medium',
				actor_code: f.actor_code,
				agency_code: f.agency_code,
				subject_code: '',
				events,
				detail: {
					day: f.day,
					count: f.n,
					baseline_mean: round2(f.mean),
					baseline_sd: round2(f.sd),
					baseline_limit: round2(f.mean + p.sdFactor * f.sd),
					peer_quantile: f.peerQ,
					peers: f.peers,
					people: new Set(events.map((e) => e.subject_code)).size
				},
				dedupe_key: `volume-spike:${f.actor_code}:${f.day}`
			}
		];
	});
}

export const rule: DetectionRule = { id: 'volume-spike', severities: ['medium'], explanation: 'none', params, find };
