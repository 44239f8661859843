/**
 * SQL pieces every rule shares, and the evidence arrays its grouped rows carry. Times are
 * judged in Europe/Tallinn (rules.md); a manual event is one an official made.
 */
import { z } from 'zod';
import { utcDateTime } from '../db/columns';
import type { EvidenceEvent, LedgerRange } from './types';

export const TZ = 'Europe/Tallinn';
/** The events new to this run: ledger positions [from, to). */
export const NEW = 'ledger_index >= {from:UInt64} AND ledger_index < {to:UInt64}';

/**
 * One part of the work: the new events whose key (the official, or the person for
 * many-officials) hashes to {part} of {parts}. chdb runs one query at a time, so a long
 * query stalls every page: a big backlog is worked off in parts that each group and
 * window a share of the officials or people (see run.ts), whatever order its events are in.
 */
export function shardOf(key: 'actor_code' | 'subject_code'): string {
	return `cityHash64(${key}) % {parts:UInt32} = {part:UInt32}`;
}

/** The parameters every rule's SQL takes for a range. */
export function rangeParams(r: LedgerRange): { from: number; to: number; part: number; parts: number } {
	return { from: r.from, to: r.to, part: r.part ?? 0, parts: r.parts ?? 1 };
}
/** Everything the run may look at: nothing at or beyond the ledger size it started with. */
export const SEEN = 'ledger_index < {to:UInt64}';
export const MANUAL = "actor_code != ''";
export const DAY = `toDate(logged_at, '${TZ}')`;
/** The evidence of a group of events, ordered by time when read (see evidence()). */
export const EVIDENCE = 'groupArray(toString(event_id)) AS ids, groupArray(subject_code) AS subjects, groupArray(logged_at) AS times';
/** Whether any of a group's events is new to this run. */
export const HAS_NEW = 'max(ledger_index >= {from:UInt64}) = 1';

export const evidenceColumns = {
	ids: z.array(z.string()),
	subjects: z.array(z.string()),
	times: z.array(utcDateTime)
};

/** The parallel arrays as events, oldest first, each event once. */
export function evidence(r: { ids: string[]; subjects: string[]; times: string[] }): EvidenceEvent[] {
	const seen = new Set<string>();
	const out: EvidenceEvent[] = [];
	r.ids.forEach((id, i) => {
		if (seen.has(id)) return;
		seen.add(id);
		out.push({ event_id: id, subject_code: r.subjects[i]!, logged_at: r.times[i]! });
	});
	return out.sort((a, b) => (a.logged_at < b.logged_at ? -1 : a.logged_at > b.logged_at ? 1 : a.event_id < b.event_id ? -1 : 1));
}

/**
 * Evidence of (official, Tallinn day) findings: their events of those days matching a
 * condition, at positions the run may see, and the agency of the first. keys are 'actor|YYYY-MM-DD'; actors and the day
 * bounds only narrow the read. Parameters: {actors}, {keys}, {lo}, {hi} (dates), {to}.
 */
export function officialDayEvidenceSql(condition: string): string {
	return `
SELECT actor_code, toString(toDate(logged_at, '${TZ}')) AS day, argMin(agency_code, logged_at) AS agency_code, ${EVIDENCE}
FROM usage_event
WHERE ${SEEN} AND actor_code IN {actors:Array(String)} AND ${condition}
	AND logged_at >= toDateTime({lo:Date}, '${TZ}') AND logged_at < toDateTime({hi:Date} + 1, '${TZ}')
	AND concat(actor_code, '|', toString(toDate(logged_at, '${TZ}'))) IN {keys:Array(String)}
GROUP BY actor_code, day`;
}

export const officialDayEvidenceRow = z.object({ actor_code: z.string(), day: z.string(), agency_code: z.string(), ...evidenceColumns });

/** The parameters of officialDayEvidenceSql for some (official, day) pairs. */
export function officialDayParams(pairs: readonly { actor_code: string; day: string }[], to: number): Record<string, unknown> {
	const days = pairs.map((p) => p.day).sort();
	return {
		actors: [...new Set(pairs.map((p) => p.actor_code))],
		keys: pairs.map((p) => `${p.actor_code}|${p.day}`),
		lo: days[0],
		hi: days[days.length - 1],
		to
	};
}
