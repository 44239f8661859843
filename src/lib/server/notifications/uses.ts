/**
 * The notifier's questions to usage_event. Each reads only the rows of people who asked to
 * be told (through the table's order by subject), never the actor, and applies the citizen's
 * visibility rules of citizen-view.ts as of one instant (`now`): sealed events only once
 * disclosed; restricted ones are blanked by toSubjectEvent as soon as they arrive.
 */
import { z } from 'zod';
import { int64 } from '../db/columns';
import { queryOne, queryRows } from '../db/query';
import { HISTORY_COLUMNS, historyRow, toSubjectEvent, type SubjectEvent } from '../usage/citizen-view';

/** People whose preference announces each new use. */
const EACH_USE_SUBJECTS = `SELECT subject_code FROM notification_preference FINAL WHERE mode IN ('every', 'unusual', 'agencies')`;
const DIGEST_SUBJECTS = `SELECT subject_code FROM notification_preference FINAL WHERE mode = 'digest'`;

const NOW = `parseDateTime64BestEffort({now:String}, 3, 'UTC')`;
/** citizen-view's rule, at a given instant. */
const VISIBLE_AT_NOW = `(visibility != 'sealed' OR (disclose_after IS NOT NULL AND disclose_after <= ${NOW}))`;

/** A stored use with its subject: the columns and row of a citizen's history (citizen-view). */
const useRow = historyRow.extend({ subject_code: z.string() });
const USE_COLUMNS = `subject_code, ${HISTORY_COLUMNS}`;

export interface NewUse {
	subject: string;
	use: SubjectEvent;
	/** A sealed use that became visible since the last look. */
	disclosed: boolean;
}

function toNewUse(r: z.output<typeof useRow>, disclosed: boolean): NewUse {
	const { subject_code, ...rest } = r;
	return { subject: subject_code, use: toSubjectEvent(rest), disclosed };
}

const countRow = z.object({ n: int64 });

/** How many events are stored: with gap-free positions, the position the next one gets. */
export async function storedEventCount(): Promise<number> {
	const row = await queryOne('SELECT count() AS n FROM usage_event', {}, countRow);
	return row?.n ?? 0;
}

/** Uses at positions [from, to) of people told about each use, as they may see them at `now`. */
export async function newUses(from: number, to: number, now: Date): Promise<NewUse[]> {
	const rows = await queryRows(
		`SELECT ${USE_COLUMNS} FROM usage_event
		 WHERE subject_code IN (${EACH_USE_SUBJECTS})
		   AND ledger_index >= {from:UInt64} AND ledger_index < {to:UInt64} AND ${VISIBLE_AT_NOW}`,
		{ from, to, now: now.toISOString() },
		useRow
	);
	return rows.map((r) => toNewUse(r, false));
}

/** Sealed uses below position `below` disclosed in (after, now], of people told about each use. */
export async function disclosedUses(below: number, after: Date, now: Date): Promise<NewUse[]> {
	const rows = await queryRows(
		`SELECT ${USE_COLUMNS} FROM usage_event
		 WHERE subject_code IN (${EACH_USE_SUBJECTS})
		   AND visibility = 'sealed' AND disclose_after IS NOT NULL
		   AND disclose_after > parseDateTime64BestEffort({after:String}, 3, 'UTC') AND disclose_after <= ${NOW}
		   AND ledger_index < {below:UInt64}`,
		{ below, after: after.toISOString(), now: now.toISOString() },
		useRow
	);
	return rows.map((r) => toNewUse(r, true));
}

const evidenceRow = z.object({ subject_code: z.string(), event_id: z.string(), rules: z.array(z.string()) });

export interface AlertedUse extends NewUse {
	/** The detection rules whose alerts name this use. */
	rules: string[];
}

/**
 * Uses named as evidence by alerts detected in (after, until], of people who asked for
 * unusual uses only, as they may see them at `now`. A restricted use is left out: telling
 * the person that oversight looked at it would tell what the restriction hides.
 */
export async function alertedUses(after: Date, until: Date, now: Date): Promise<AlertedUse[]> {
	const evidence = await queryRows(
		`SELECT ev.1 AS subject_code, toString(ev.2) AS event_id, groupUniqArray(rule) AS rules
		 FROM alert ARRAY JOIN arrayZip(event_subjects, event_ids) AS ev
		 WHERE detected_at > parseDateTime64BestEffort({after:String}, 3, 'UTC')
		   AND detected_at <= parseDateTime64BestEffort({until:String}, 3, 'UTC')
		   AND ev.1 IN (SELECT subject_code FROM notification_preference FINAL WHERE mode = 'unusual')
		 GROUP BY subject_code, event_id`,
		{ after: after.toISOString(), until: until.toISOString() },
		evidenceRow
	);
	if (evidence.length === 0) return [];
	const rules = new Map(evidence.map((e) => [e.event_id, e.rules]));
	const rows = await queryRows(
		`SELECT ${USE_COLUMNS} FROM usage_event PREWHERE subject_code IN {subjects:Array(String)}
		 WHERE event_id IN {ids:Array(UUID)} AND visibility != 'restricted' AND ${VISIBLE_AT_NOW}`,
		{ subjects: [...new Set(evidence.map((e) => e.subject_code))], ids: evidence.map((e) => e.event_id), now: now.toISOString() },
		useRow
	);
	return rows.map((r) => ({ ...toNewUse(r, false), rules: rules.get(r.event_id) ?? [] }));
}

const weekRow = z.object({ subject_code: z.string(), agency: z.string(), n: int64 });

/** Per person asking for the weekly digest, their uses in [start, end) per agency (restricted under ''). */
export async function digestCounts(start: Date, end: Date, now: Date): Promise<Map<string, { agency: string; count: number }[]>> {
	const rows = await queryRows(
		`SELECT subject_code, if(visibility = 'restricted', '', agency_code) AS agency, count() AS n FROM usage_event
		 WHERE subject_code IN (${DIGEST_SUBJECTS})
		   AND logged_at >= parseDateTime64BestEffort({start:String}, 3, 'UTC') AND logged_at < parseDateTime64BestEffort({end:String}, 3, 'UTC')
		   AND ${VISIBLE_AT_NOW}
		 GROUP BY subject_code, agency`,
		{ start: start.toISOString(), end: end.toISOString(), now: now.toISOString() },
		weekRow
	);
	const out = new Map<string, { agency: string; count: number }[]>();
	for (const r of rows) {
		const list = out.get(r.subject_code) ?? [];
		list.push({ agency: r.agency, count: r.n });
		out.set(r.subject_code, list);
	}
	for (const list of out.values()) list.sort((a, b) => b.count - a.count || (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0));
	return out;
}
