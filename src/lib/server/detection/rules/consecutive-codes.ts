/**
 * consecutive-codes (high): one official, within `windowMinutes`, looked up at least
 * `minRun` people whose personal codes share the first 7 digits (sex and century, birth
 * date) and whose serial numbers (digits 8-10), in order, increase by at most `maxStep`
 * from one to the next: browsing the register by code rather than looking up a person.
 * The oversight body's own look-ups (purpose AKI-OVERSIGHT: result lists) are left out.
 * Never explained. Key: the official and the first code of the run.
 */
import { z } from 'zod';
import { int64, utcDateTime } from '../../db/columns';
import { queryRows } from '../../db/query';
import { OVERSIGHT_PURPOSE } from '../../oversight/oversight-body';
import { MANUAL, NEW, SEEN, rangeParams, shardOf } from '../sql';
import type { DetectionRule, EvidenceEvent, Hit, LedgerRange } from '../types';

export const params = {
	/** People in a run... */
	minRun: 5,
	/** ...looked up within this many minutes... */
	windowMinutes: 60,
	/** ...whose serial numbers grow by at most this much from one to the next. */
	maxStep: 3,
	/** Purposes left out (the oversight body's own look-ups). */
	excludePurposes: [OVERSIGHT_PURPOSE]
} as const;

const COUNTED = `${MANUAL} AND purpose_code NOT IN {excludePurposes:Array(String)}`;
const NEW_COUNTED = `SELECT actor_code, logged_at FROM usage_event WHERE ${NEW} AND ${COUNTED} AND ${shardOf('actor_code')}`;

const WINDOW_AROUND_NEW = `
	AND actor_code IN (SELECT actor_code FROM (${NEW_COUNTED}))
	AND logged_at >= (SELECT min(logged_at) FROM (${NEW_COUNTED})) - toIntervalMinute({windowMinutes:UInt32})
	AND logged_at <= (SELECT max(logged_at) FROM (${NEW_COUNTED})) + toIntervalMinute({windowMinutes:UInt32})`;

/**
 * Step 1, the candidates: officials and 7-digit code prefixes with at least minRun
 * distinct people and a new look-up (their look-ups windowMinutes around the new ones).
 * Estonian codes only (EE + 11 digits).
 */
export const SQL = `
SELECT actor_code, prefix
FROM (
	SELECT actor_code, substring(subject_code, 3, 7) AS prefix, subject_code, max(ledger_index >= {from:UInt64}) AS has_new
	FROM usage_event
	WHERE ${SEEN} AND ${COUNTED} AND match(subject_code, '^EE[0-9]{11}$') ${WINDOW_AROUND_NEW}
	GROUP BY actor_code, prefix, subject_code
)
GROUP BY actor_code, prefix
HAVING count() >= {minRun:UInt32} AND max(has_new) = 1`;

/** Step 2, the candidates' look-ups, keyed 'actor|prefix'. */
export const LOOKUPS_SQL = `
SELECT actor_code, substring(subject_code, 3, 7) AS prefix, argMin(agency_code, logged_at) AS agency_code,
	groupArray(toString(event_id)) AS ids, groupArray(subject_code) AS subjects, groupArray(logged_at) AS times,
	groupArray(ledger_index) AS positions
FROM usage_event
WHERE ${SEEN} AND ${COUNTED} AND actor_code IN {actors:Array(String)} AND match(subject_code, '^EE[0-9]{11}$')
	AND concat(actor_code, '|', substring(subject_code, 3, 7)) IN {keys:Array(String)} ${WINDOW_AROUND_NEW}
GROUP BY actor_code, prefix`;

const candidateRow = z.object({ actor_code: z.string(), prefix: z.string() });
const row = z.object({
	actor_code: z.string(),
	prefix: z.string(),
	agency_code: z.string(),
	ids: z.array(z.string()),
	subjects: z.array(z.string()),
	times: z.array(utcDateTime),
	positions: z.array(int64)
});

interface Lookup extends EvidenceEvent {
	ms: number;
	serial: number;
	position: number;
}

const serialOf = (subject: string) => Number(subject.slice(9, 12));

/**
 * The runs within one official's look-ups of one prefix: for each window start, the
 * window's distinct serials in order, cut where a step exceeds maxStep; runs of at least
 * minRun people with a new look-up. Windows that slide over one browsing session find
 * overlapping runs: runs sharing a look-up are merged, so a session is one finding.
 */
export function findRuns(lookups: Lookup[], from: number, p: typeof params): Lookup[][] {
	const sorted = [...lookups].sort((a, b) => a.ms - b.ms);
	const windowMs = p.windowMinutes * 60_000;
	const runs = new Map<string, Lookup[]>();
	for (let i = 0; i < sorted.length; i++) {
		const inWindow = sorted.filter((l) => l.ms >= sorted[i]!.ms && l.ms < sorted[i]!.ms + windowMs);
		const serials = [...new Set(inWindow.map((l) => l.serial))].sort((a, b) => a - b);
		let run: number[] = [];
		const close = () => {
			if (run.length >= p.minRun) {
				const members = new Set(run);
				const evidence = inWindow.filter((l) => members.has(l.serial));
				const first = evidence.reduce((a, b) => (a.serial <= b.serial ? a : b)).subject_code;
				if (evidence.some((l) => l.position >= from) && !runs.has(first)) runs.set(first, evidence);
			}
		};
		for (const s of serials) {
			if (run.length > 0 && s - run[run.length - 1]! > p.maxStep) {
				close();
				run = [];
			}
			run.push(s);
		}
		close();
	}
	return mergeOverlapping([...runs.values()]);
}

/** Runs that share a look-up, joined (transitively) into one run each. */
function mergeOverlapping(runs: Lookup[][]): Lookup[][] {
	const merged: Map<string, Lookup>[] = [];
	for (const run of runs) {
		const joined = new Map(run.map((l) => [l.event_id, l]));
		for (let i = merged.length - 1; i >= 0; i--) {
			if (run.some((l) => merged[i]!.has(l.event_id))) {
				for (const [id, l] of merged[i]!) joined.set(id, l);
				merged.splice(i, 1);
			}
		}
		merged.push(joined);
	}
	return merged.map((m) => [...m.values()]);
}

export async function find(range: LedgerRange, p: typeof params = params): Promise<Hit[]> {
	const base = { ...rangeParams(range), ...p, excludePurposes: [...p.excludePurposes] };
	const candidates = await queryRows(SQL, base, candidateRow);
	if (candidates.length === 0) return [];
	const rows = await queryRows(
		LOOKUPS_SQL,
		{ ...base, actors: [...new Set(candidates.map((c) => c.actor_code))], keys: candidates.map((c) => `${c.actor_code}|${c.prefix}`) },
		row
	);
	const hits: Hit[] = [];
	for (const r of rows) {
		const lookups: Lookup[] = r.ids.map((id, i) => ({
			event_id: id,
			subject_code: r.subjects[i]!,
			logged_at: r.times[i]!,
			ms: Date.parse(r.times[i]!),
			serial: serialOf(r.subjects[i]!),
			position: r.positions[i]!
		}));
		for (const run of findRuns(lookups, range.from, p)) {
			const people = [...new Set(run.map((l) => l.subject_code))].sort();
			const events = run
				.sort((a, b) => a.ms - b.ms || (a.event_id < b.event_id ? -1 : 1))
				.map(({ event_id, subject_code, logged_at }) => ({ event_id, subject_code, logged_at }));
			hits.push({
				rule: 'consecutive-codes',
				severity: 'high',
				actor_code: r.actor_code,
				agency_code: r.agency_code,
				subject_code: '',
				events,
				detail: {
					prefix: r.prefix,
					people: people.length,
					first_code: people[0],
					last_code: people[people.length - 1],
					minutes: Math.round((Date.parse(events[events.length - 1]!.logged_at) - Date.parse(events[0]!.logged_at)) / 60_000)
				},
				dedupe_key: `consecutive-codes:${r.actor_code}:${people[0]}`
			});
		}
	}
	return hits;
}

export const rule: DetectionRule = { id: 'consecutive-codes', severities: ['high'], explanation: 'none', params, find };
