/**
 * What a data subject may see of their own usage events. Used by the citizen's timeline,
 * the national portal's findUsage and the citizen's export, so all apply the same rules:
 * - sealed events (security services) are absent until their disclosure date, then shown;
 * - restricted events are shown with their time only: agency, system, purpose, legal
 *   basis and categories are blanked (in the SQL of the long-history queries, and by
 *   toSubjectEvent as soon as the rows of the one-query path arrive);
 * - the official who did it (actor_code) is never selected.
 */
import { z } from 'zod';
import { VISIBILITIES } from '../../schemas/usage-event';
import { bool, int64, utcDateTime } from '../db/columns';
import { queryOne, queryRows } from '../db/query';

/**
 * The visibility rule as a WHERE condition (no parameters). Exported so that every query a
 * citizen's page runs (the timeline, the overview's charts, the export) hides exactly the
 * same events.
 */
export const VISIBLE_TO_SUBJECT = "(visibility != 'sealed' OR (disclose_after IS NOT NULL AND disclose_after <= now64(3)))";

/** Blank what a restricted event must not show (the long-history queries and the export). */
export const SUBJECT_COLUMNS = `
	toString(event_id) AS event_id,
	logged_at,
	visibility = 'restricted' AS restricted,
	if(restricted, '', agency_code) AS agency_code,
	if(restricted, '', system) AS system,
	if(restricted, '', action) AS action,
	if(restricted, '', purpose_code) AS purpose_code,
	if(restricted, '', legal_basis) AS legal_basis,
	if(restricted, [], data_categories) AS data_categories,
	if(restricted, '', intermediary_code) AS intermediary_code,
	bulk,
	if(restricted, false, actor_code = '') AS automated`;

/**
 * Newest first, as SQL over SUBJECT_COLUMNS: event_id there is the text alias, so events of
 * the same millisecond come in the order newestFirst puts them.
 */
export const NEWEST_FIRST = 'logged_at DESC, event_id DESC';

export const subjectEventRow = z.object({
	event_id: z.string(),
	logged_at: utcDateTime,
	restricted: bool,
	agency_code: z.string(),
	system: z.string(),
	action: z.string(),
	purpose_code: z.string(),
	legal_basis: z.string(),
	data_categories: z.array(z.string()),
	intermediary_code: z.string(),
	bulk: bool,
	/** Done by a system, not by an official (whose identity is never shown here). */
	automated: bool
});
export type SubjectEvent = z.output<typeof subjectEventRow>;

/** The filters of a subject's history, without paging. */
export type SubjectFilter = Pick<SubjectQuery, 'subject' | 'from' | 'to' | 'agency'>;

export interface SubjectQuery {
	subject: string;
	/** Inclusive lower bound (ISO 8601), or null for no bound. */
	from: string | null;
	/** Exclusive upper bound (ISO 8601), or null for no bound. */
	to: string | null;
	/** Only this agency's events, or null for all. */
	agency: string | null;
	offset: number;
	limit: number;
}

/** The filters as parameters; absent bounds become the widest DateTime64 range. */
export function filterParams(q: SubjectFilter) {
	return {
		subject: q.subject,
		from: q.from ?? '1970-01-01T00:00:00Z',
		to: q.to ?? '2299-12-31T00:00:00Z',
		agency: q.agency ?? ''
	};
}

/** The period and agency filters (the agency filter never matches a restricted event). */
export const MATCHES = `logged_at >= parseDateTime64BestEffort({from:String}, 3, 'UTC')
	AND logged_at < parseDateTime64BestEffort({to:String}, 3, 'UTC')
	AND ({agency:String} = '' OR (agency_code = {agency:String} AND visibility != 'restricted'))`;

export const FILTER = `subject_code = {subject:String} AND ${MATCHES} AND ${VISIBLE_TO_SUBJECT}`;

const totalsRow = z.object({ agency_code: z.string(), events: int64, matching: int64 });

export interface SubjectEvents {
	/** Events matching the filters, on every page. */
	total: number;
	/** This page, newest first. */
	events: SubjectEvent[];
	/** Agencies in the subject's visible, unrestricted events (all periods), most events first. */
	agencies: { agency_code: string; events: number }[];
}

/**
 * Most people's visible history is short (about a hundred events), and embedded ClickHouse
 * charges per query, per column and per clause far more than per row: so up to this many
 * events are read in one plain query and sorted, paged, counted and grouped here.
 */
export const WHOLE_HISTORY_LIMIT = 1000;

/**
 * Settings for reading one person's rows by usage_event's own key: the oversight
 * projections cannot answer it, so ClickHouse need not weigh them, and a hundred rows in
 * a granule per part are read faster by one thread than handed out to two (1 M events in
 * 6 parts, 200 people, each query timed both ways in turn: p50 10.5 -> 9.2 ms for the
 * thread alone, 28.5 -> 22.7 ms for both on a machine busy with ingestion).
 */
export const ONE_PERSON_READ = 'optimize_use_projections = 0, max_threads = 1';

/**
 * The whole visible history as stored, in no particular order. Sealed events are filtered
 * in ClickHouse; restricted ones are blanked by toSubjectEvent before anything else sees
 * them. No ORDER BY: a sort in ClickHouse costs more than sorting a thousand rows here.
 */
/** historyRow's columns, as stored (restricted ones are blanked by toSubjectEvent). */
export const HISTORY_COLUMNS = `event_id, logged_at, visibility, agency_code, system, action, purpose_code, legal_basis,
	data_categories, intermediary_code, bulk, actor_code = '' AS automated`;
export const historyRow = subjectEventRow.omit({ restricted: true }).extend({ visibility: z.enum(VISIBILITIES) });
export type HistoryRow = z.output<typeof historyRow>;

/** What the subject may see of a stored event: a restricted one shows its time only. */
export function toSubjectEvent(r: HistoryRow): SubjectEvent {
	if (r.visibility === 'restricted') {
		return {
			event_id: r.event_id,
			logged_at: r.logged_at,
			restricted: true,
			agency_code: '',
			system: '',
			action: '',
			purpose_code: '',
			legal_basis: '',
			data_categories: [],
			intermediary_code: '',
			bulk: r.bulk,
			automated: false
		};
	}
	const { visibility: _, ...rest } = r;
	return { ...rest, restricted: false };
}

/** Newest first; events of the same millisecond by event_id, as text, descending. */
export function newestFirst(a: Pick<SubjectEvent, 'logged_at' | 'event_id'>, b: Pick<SubjectEvent, 'logged_at' | 'event_id'>): number {
	if (a.logged_at !== b.logged_at) return a.logged_at < b.logged_at ? 1 : -1;
	return a.event_id < b.event_id ? 1 : a.event_id > b.event_id ? -1 : 0;
}

/** One page of a subject's events, the filtered total, and the agency list. */
export async function subjectEvents(q: SubjectQuery): Promise<SubjectEvents> {
	const history = await wholeHistory(q.subject);
	if (history === null) return pageByQueries(q);
	return pageOfHistory(history, q);
}

/**
 * A subject's whole visible history, newest first, restricted events blanked; null when it
 * is longer than WHOLE_HISTORY_LIMIT (then ask ClickHouse for a page at a time).
 */
export async function wholeHistory(subject: string): Promise<SubjectEvent[] | null> {
	const rows = await queryRows(
		`SELECT ${HISTORY_COLUMNS}
		 FROM usage_event PREWHERE subject_code = {subject:String} WHERE ${VISIBLE_TO_SUBJECT}
		 LIMIT {cap:UInt32}
		 SETTINGS ${ONE_PERSON_READ}`,
		{ subject, cap: WHOLE_HISTORY_LIMIT + 1 },
		historyRow
	);
	if (rows.length > WHOLE_HISTORY_LIMIT) return null;
	return rows.map(toSubjectEvent).sort(newestFirst);
}

/**
 * The same answer as pageByQueries, from the whole visible history (newest first): the
 * period and agency filters as MATCHES has them, restricted events under no agency.
 */
export function pageOfHistory(history: readonly SubjectEvent[], q: SubjectQuery): SubjectEvents {
	const from = q.from === null ? -Infinity : Date.parse(q.from);
	const to = q.to === null ? Infinity : Date.parse(q.to);
	const matching = history.filter((e) => {
		const t = Date.parse(e.logged_at);
		return t >= from && t < to && (q.agency === null || (!e.restricted && e.agency_code === q.agency));
	});
	const counts = new Map<string, number>();
	for (const e of history) if (!e.restricted) counts.set(e.agency_code, (counts.get(e.agency_code) ?? 0) + 1);
	const agencies = [...counts]
		.map(([agency_code, events]) => ({ agency_code, events }))
		.sort((x, y) => y.events - x.events || (x.agency_code < y.agency_code ? -1 : x.agency_code > y.agency_code ? 1 : 0));
	return { total: matching.length, events: matching.slice(q.offset, q.offset + q.limit), agencies };
}

/**
 * A long history, in two queries: the page reads in sort order and stops at the limit; one
 * aggregation gives both the filtered total and the agency list.
 */
export async function pageByQueries(q: SubjectQuery): Promise<SubjectEvents> {
	const params = { ...filterParams(q), offset: q.offset, limit: q.limit };
	const [events, totals] = await Promise.all([
		queryRows(
			`SELECT ${SUBJECT_COLUMNS} FROM usage_event WHERE ${FILTER}
			 ORDER BY ${NEWEST_FIRST}
			 LIMIT {limit:UInt32} OFFSET {offset:UInt64}`,
			params,
			subjectEventRow
		),
		subjectTotals(q)
	]);
	return { ...totals, events };
}

/** The filtered total and the agency list of a subject's visible history, in one aggregation. */
export async function subjectTotals(q: SubjectFilter): Promise<Omit<SubjectEvents, 'events'>> {
	// Restricted events count towards the total but are grouped under no agency.
	const totals = await queryRows(
		`SELECT if(visibility = 'restricted', '', agency_code) AS agency_code, count() AS events, countIf(${MATCHES}) AS matching
		 FROM usage_event WHERE subject_code = {subject:String} AND ${VISIBLE_TO_SUBJECT}
		 GROUP BY agency_code ORDER BY events DESC, agency_code`,
		filterParams(q),
		totalsRow
	);
	return {
		total: totals.reduce((sum, t) => sum + t.matching, 0),
		agencies: totals.filter((t) => t.agency_code !== '').map(({ agency_code, events }) => ({ agency_code, events }))
	};
}

const periodRow = z.object({ first: utcDateTime.nullable(), last: utcDateTime.nullable(), n: int64 });

/** The span of time the log holds events for (the portal's usagePeriod). */
export async function logPeriod(): Promise<{ first: string | null; last: string | null }> {
	const row = await queryOne(
		'SELECT if(count() = 0, NULL, min(logged_at)) AS first, if(count() = 0, NULL, max(logged_at)) AS last, count() AS n FROM usage_event',
		{},
		periodRow
	);
	return { first: row?.first ?? null, last: row?.last ?? null };
}

/**
 * Some of the subject's events by id, as the subject may see them (the same rules as the
 * timeline): an id that is someone else's, sealed, or unknown is simply absent.
 */
export async function subjectEventsById(subject: string, eventIds: readonly string[]): Promise<Map<string, SubjectEvent>> {
	if (eventIds.length === 0) return new Map();
	const rows = await queryRows(
		`SELECT ${HISTORY_COLUMNS}
		 FROM usage_event PREWHERE subject_code = {subject:String}
		 WHERE event_id IN {ids:Array(UUID)} AND ${VISIBLE_TO_SUBJECT}`,
		{ subject, ids: eventIds },
		historyRow
	);
	return new Map(rows.map((r) => [r.event_id, toSubjectEvent(r)]));
}
