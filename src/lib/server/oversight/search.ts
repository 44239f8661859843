/**
 * The auditors' search over every usage event, newest first, a page of 50 at a time. Each
 * question reads the order made for it (migrations 0013, 0019):
 *   - a person: usage_event's own key (subject, time);
 *   - a case reference: the bloom filter on case_ref skips the granules without it;
 *   - an official: the by_official projection (actor, time, person);
 *   - an agency, information system or purpose: the by_agency projection (agency, time,
 *     person).
 * The projections hold a results table's columns, so the page reads its rows there in one
 * step. Every field (the JSON) takes two: the page's pairs, then their rows by person.
 * Pages are keyset pages of (time, person) pairs: a pair's events (the same person in the
 * same millisecond) are never split between pages, so "older" continues strictly below the
 * last pair shown and nothing is skipped or repeated while new events arrive.
 */
import { z } from 'zod';
import type { SearchCursor, SearchFilters } from '$lib/oversight/search-filters';
import { zoneDayEnd, zoneDayStart } from '$lib/format';
import { utcDateTime } from '../db/columns';
import { queryRows, type Params } from '../db/query';
import { OVERSIGHT_COLUMNS, oversightEventRow, type OversightEvent } from './events';

export const SEARCH_PAGE_SIZE = 50;

export type SearchShape = 'person' | 'caseRef' | 'official' | 'agency';

/**
 * The fields a results table shows: the columns of the by_official and by_agency
 * projections (migration 0019), so a page of them never leaves the projection.
 */
const tableRow = oversightEventRow.pick({
	event_id: true,
	logged_at: true,
	subject_code: true,
	agency_code: true,
	system: true,
	action: true,
	purpose_code: true,
	actor_code: true,
	case_ref: true,
	intermediary_code: true,
	visibility: true,
	disclose_after: true,
	ledger_index: true
});
export type SearchTableEvent = z.output<typeof tableRow>;

/** Every field (the JSON), or the table's fields (the page). */
const DETAIL = {
	full: { columns: OVERSIGHT_COLUMNS, row: oversightEventRow },
	table: { columns: Object.keys(tableRow.shape).join(', '), row: tableRow }
} as const;
export type SearchDetail = keyof typeof DETAIL;
export type SearchEventOf<D extends SearchDetail> = D extends 'full' ? OversightEvent : SearchTableEvent;

export interface SearchPage<E extends SearchTableEvent = OversightEvent> {
	shape: SearchShape;
	/** Newest first: time, then person, then event id, all descending. */
	events: E[];
	/** Where the next (older) page starts, or null on the last page. */
	older: SearchCursor | null;
}

/** Which order answers a search: the most selective filter given decides. */
export function shapeOf(f: SearchFilters): SearchShape {
	if (f.person) return 'person';
	if (f.ref) return 'caseRef';
	if (f.official) return 'official';
	return 'agency';
}

const at = (name: string) => `parseDateTime64BestEffort({${name}:String}, 3, 'UTC')`;

/**
 * The filters as SQL over usage_event's columns (fixed text, values as parameters). `keyset`
 * `before` adds "older than the cursor", with a plain bound on logged_at that a sort key
 * can use.
 */
function conditions(f: SearchFilters, before: SearchCursor | null): { sql: string; params: Params } {
	const parts: string[] = [];
	const params: Params = {};
	const eq = (column: string, name: string, value: string | null) => {
		if (value === null) return;
		parts.push(`${column} = {${name}:String}`);
		params[name] = value;
	};
	eq('subject_code', 'person', f.person);
	eq('actor_code', 'official', f.official);
	eq('agency_code', 'agency', f.agency);
	eq('system', 'system', f.system);
	eq('purpose_code', 'purpose', f.purpose);
	eq('case_ref', 'ref', f.ref);
	if (f.from) {
		parts.push(`logged_at >= ${at('from')}`);
		params.from = zoneDayStart(f.from).toISOString();
	}
	if (f.to) {
		parts.push(`logged_at < ${at('to')}`);
		params.to = zoneDayEnd(f.to).toISOString();
	}
	if (before) {
		parts.push(`logged_at <= ${at('beforeAt')} AND (logged_at < ${at('beforeAt')} OR subject_code < {beforeSubject:String})`);
		params.beforeAt = before.at;
		params.beforeSubject = before.subject;
	}
	return { sql: parts.length > 0 ? parts.join(' AND ') : '1', params };
}

interface Pair {
	logged_at: string;
	subject_code: string;
}
const pairKey = (p: Pair) => `${p.logged_at}|${p.subject_code}`;

/** The first page's worth of distinct pairs (rows arrive newest first) and whether more follow. */
function pagePairs(rows: readonly Pair[]): { pairs: Pair[]; older: SearchCursor | null } {
	const pairs: Pair[] = [];
	const seen = new Set<string>();
	for (const r of rows) {
		const k = pairKey(r);
		if (seen.has(k)) continue;
		seen.add(k);
		pairs.push({ logged_at: r.logged_at, subject_code: r.subject_code });
	}
	const page = pairs.slice(0, SEARCH_PAGE_SIZE);
	const last = page.at(-1);
	return { pairs: page, older: pairs.length > SEARCH_PAGE_SIZE && last ? { at: last.logged_at, subject: last.subject_code } : null };
}

const ORDER = 'ORDER BY logged_at DESC, subject_code DESC';
/** One pair more than a page (pairs, not rows: a pair may hold several events): whether an older page exists. */
const PAIRS = `LIMIT 1 BY logged_at, subject_code LIMIT ${SEARCH_PAGE_SIZE + 1}`;

function sortEvents<E extends SearchTableEvent>(events: E[]): E[] {
	const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
	return events.sort((a, b) => desc(a.logged_at, b.logged_at) || desc(a.subject_code, b.subject_code) || desc(a.event_id, b.event_id));
}

const pairRow = z.object({ logged_at: utcDateTime, subject_code: z.string() });

/**
 * Rows read for a page in one step: a page of pairs is a page of rows unless one person has
 * several events in one millisecond; a page with more than this many rows takes two steps.
 */
const ONE_STEP_ROWS = 4 * SEARCH_PAGE_SIZE;

/**
 * One step: the newest rows matching the filters, cut after the page's last whole pair.
 * Null when the rows read end inside the page (too many events share its pairs).
 */
async function pageInOneRead(shape: SearchShape, f: SearchFilters, before: SearchCursor | null): Promise<SearchPage<SearchTableEvent> | null> {
	const c = conditions(f, before);
	// Sorted by the projections' own order only, so ClickHouse reads their newest granules
	// and stops (with event_id as a third key it reads all of an agency's rows: 246 k events,
	// 69 ms instead of 11); a pair's events are put in order here.
	const rows = await queryRows(`SELECT ${DETAIL.table.columns} FROM usage_event WHERE ${c.sql} ${ORDER} LIMIT ${ONE_STEP_ROWS}`, c.params, tableRow);
	const page = cutAfterPairs(rows, SEARCH_PAGE_SIZE);
	if (page === null && rows.length === ONE_STEP_ROWS) return null;
	return page ? { shape, events: sortEvents(page.events), older: page.older } : { shape, events: sortEvents(rows), older: null };
}

/**
 * Rows sorted newest pair first, cut after `pairs` whole pairs when a further pair shows
 * they are whole (and that an older page exists); null when the rows hold no more pairs.
 */
export function cutAfterPairs<E extends Pair>(rows: readonly E[], pairs: number): { events: E[]; older: SearchCursor } | null {
	let seen = 0;
	let last = '';
	for (let i = 0; i < rows.length; i++) {
		const k = pairKey(rows[i]!);
		if (k === last) continue;
		if (seen === pairs) {
			const end = rows[i - 1]!;
			return { events: rows.slice(0, i), older: { at: end.logged_at, subject: end.subject_code } };
		}
		seen++;
		last = k;
	}
	return null;
}

/**
 * A results table's page in one read when it fits (pageInOneRead); otherwise, and for
 * every field, two steps: the page's pairs (for an official or an agency from a
 * projection, in its order), then those people's events in the page's time span, by
 * usage_event's own key, with the same filters.
 */
async function pageThroughPairs<D extends SearchDetail>(shape: SearchShape, f: SearchFilters, before: SearchCursor | null, detail: D): Promise<SearchPage<SearchEventOf<D>>> {
	if (detail === 'table') {
		const page = await pageInOneRead(shape, f, before);
		if (page) return page as SearchPage<SearchEventOf<D>>;
	}
	const c = conditions(f, before);
	const rows = await queryRows(`SELECT logged_at, subject_code FROM usage_event WHERE ${c.sql} ${ORDER} ${PAIRS}`, c.params, pairRow);
	const { pairs, older } = pagePairs(rows);
	if (pairs.length === 0) return { shape, events: [], older: null };
	const w = conditions(f, null);
	const events = (await queryRows(
		`SELECT ${DETAIL[detail].columns} FROM usage_event
		 PREWHERE subject_code IN {pageSubjects:Array(String)}
		 WHERE logged_at >= ${at('pageOldest')} AND logged_at <= ${at('pageNewest')} AND ${w.sql}`,
		{ ...w.params, pageSubjects: [...new Set(pairs.map((p) => p.subject_code))], pageOldest: pairs.at(-1)!.logged_at, pageNewest: pairs[0]!.logged_at },
		DETAIL[detail].row
	)) as SearchEventOf<D>[];
	const keep = new Set(pairs.map(pairKey));
	return { shape, events: sortEvents(events.filter((e) => keep.has(pairKey(e)))), older };
}

/** A person's events: usage_event's own key, in both steps. */
export function eventsOfPerson<D extends SearchDetail>(f: SearchFilters & { person: string }, before: SearchCursor | null, detail: D): Promise<SearchPage<SearchEventOf<D>>> {
	return pageThroughPairs('person', f, before, detail);
}

/** Events carrying a case reference: the first step skips granules with the bloom filter on case_ref. */
export function eventsByCaseRef<D extends SearchDetail>(f: SearchFilters & { ref: string }, before: SearchCursor | null, detail: D): Promise<SearchPage<SearchEventOf<D>>> {
	return pageThroughPairs('caseRef', f, before, detail);
}

/** An official's events (with any other filters): the by_official projection. */
export function eventsByOfficial<D extends SearchDetail>(f: SearchFilters & { official: string }, before: SearchCursor | null, detail: D): Promise<SearchPage<SearchEventOf<D>>> {
	return pageThroughPairs('official', f, before, detail);
}

/**
 * Events of an agency, or of an information system or purpose (with any other filters):
 * the by_agency projection. Without an agency it is read whole (systems and purposes are
 * free text in events, not tied to one agency), which is slower but still reads only the
 * projection's narrow columns.
 */
export function eventsByAgency<D extends SearchDetail>(f: SearchFilters, before: SearchCursor | null, detail: D): Promise<SearchPage<SearchEventOf<D>>> {
	return pageThroughPairs('agency', f, before, detail);
}

/** A page of events matching the filters, through the order made for them. */
export function searchEvents<D extends SearchDetail>(f: SearchFilters, before: SearchCursor | null, detail: D): Promise<SearchPage<SearchEventOf<D>>> {
	switch (shapeOf(f)) {
		case 'person':
			return eventsOfPerson({ ...f, person: f.person! }, before, detail);
		case 'caseRef':
			return eventsByCaseRef({ ...f, ref: f.ref! }, before, detail);
		case 'official':
			return eventsByOfficial({ ...f, official: f.official! }, before, detail);
		case 'agency':
			return eventsByAgency(f, before, detail);
	}
}
