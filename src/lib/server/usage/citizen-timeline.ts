/**
 * The citizen's timeline as lines to read: each use on its own line, except that automated
 * and bulk processing by one agency's system in one (Tallinn) month is one line with its
 * count ("Population Register: 14 automated checks in May") that opens to the list. Same
 * visibility rules and filters as citizen-view (restricted events are never grouped: they
 * show no agency). Paging counts lines; `total` counts uses.
 */
import { z } from 'zod';
import { tallinnIsoDate } from '$lib/format';
import { int64, utcDateTime } from '../db/columns';
import { queryOne, queryRows } from '../db/query';
import {
	FILTER,
	SUBJECT_COLUMNS,
	filterParams,
	subjectEventRow,
	pageByQueries,
	pageOfHistory,
	subjectTotals,
	wholeHistory,
	type SubjectEvent,
	type SubjectEvents,
	type SubjectQuery
} from './citizen-view';

export type TimelineItem =
	| { kind: 'event'; event: SubjectEvent }
	| {
			kind: 'group';
			/** agency|system|YYYY-MM */
			key: string;
			agency_code: string;
			system: string;
			/** Tallinn month, YYYY-MM. */
			month: string;
			count: number;
			/** Newest first; at most GROUP_LIST_LIMIT of them. */
			events: SubjectEvent[];
	  };

export interface Timeline extends Omit<SubjectEvents, 'events'> {
	/** Lines matching the filters, on every page. */
	lines: number;
	items: TimelineItem[];
}

export interface TimelineQuery extends SubjectQuery {
	/** False: every use on its own line. */
	group: boolean;
}

/** A group's list shows this many uses; the rest are a filtered timeline away. */
export const GROUP_LIST_LIMIT = 25;

/** The line an event belongs to, or null for a line of its own. */
export function groupKey(e: SubjectEvent): string | null {
	if (e.restricted || !(e.bulk || e.automated)) return null;
	return `${e.agency_code}|${e.system}|${tallinnIsoDate(e.logged_at).slice(0, 7)}`;
}

/** The timeline's lines from a whole history, newest first (the short-history path). */
export function timelineOfHistory(history: readonly SubjectEvent[], q: TimelineQuery): Timeline {
	const all = pageOfHistory(history, { ...q, offset: 0, limit: history.length });
	const lines: TimelineItem[] = [];
	if (!q.group) {
		for (const event of all.events) lines.push({ kind: 'event', event });
	} else {
		// A group stands where its newest use is.
		const groups = new Map<string, Extract<TimelineItem, { kind: 'group' }>>();
		for (const event of all.events) {
			const key = groupKey(event);
			if (key === null) {
				lines.push({ kind: 'event', event });
				continue;
			}
			let g = groups.get(key);
			if (!g) {
				g = { kind: 'group', key, agency_code: event.agency_code, system: event.system, month: key.slice(-7), count: 0, events: [] };
				groups.set(key, g);
				lines.push(g);
			}
			g.count++;
			if (g.events.length < GROUP_LIST_LIMIT) g.events.push(event);
		}
	}
	const items = lines.map((l) => (l.kind === 'group' && l.count === 1 ? { kind: 'event' as const, event: l.events[0]! } : l));
	return { total: all.total, agencies: all.agencies, lines: items.length, items: items.slice(q.offset, q.offset + q.limit) };
}

/** The line key in SQL, as groupKey has it (restricted rows never group). */
const LINE = `if(visibility != 'restricted' AND (bulk OR actor_code = ''),
	concat(agency_code, '|', system, '|', formatDateTime(logged_at, '%Y-%m', 'Europe/Tallinn')),
	toString(event_id))`;

const lineRow = z.object({ line: z.string(), n: int64, at: utcDateTime });
const countRow = z.object({ lines: int64 });

/** A long history's page of lines: the lines in order, then their uses. */
async function timelineByQueries(q: TimelineQuery): Promise<Timeline> {
	if (!q.group) {
		const page = await pageByQueries(q);
		return { total: page.total, agencies: page.agencies, lines: page.total, items: page.events.map((event) => ({ kind: 'event', event })) };
	}
	const params = { ...filterParams(q), offset: q.offset, limit: q.limit };
	const [lines, count, totals] = await Promise.all([
		queryRows(
			`SELECT ${LINE} AS line, count() AS n, max(logged_at) AS at FROM usage_event WHERE ${FILTER}
			 GROUP BY line ORDER BY at DESC, line DESC LIMIT {limit:UInt32} OFFSET {offset:UInt64}`,
			params,
			lineRow
		),
		queryOne(`SELECT uniqExact(${LINE}) AS lines FROM usage_event WHERE ${FILTER}`, params, countRow),
		// The filtered total and the agency list, as the ungrouped timeline has them.
		subjectTotals(q)
	]);
	const members = new Map<string, SubjectEvent[]>();
	if (lines.length > 0) {
		const rows = await queryRows(
			`SELECT ${SUBJECT_COLUMNS}, ${LINE} AS line FROM usage_event WHERE ${FILTER} AND line IN {lines:Array(String)}
			 ORDER BY logged_at DESC, event_id DESC LIMIT {per:UInt32} BY line`,
			{ ...params, lines: lines.map((l) => l.line), per: GROUP_LIST_LIMIT },
			lineEventRow
		);
		for (const { line, ...event } of rows) {
			const list = members.get(line) ?? [];
			list.push(event);
			members.set(line, list);
		}
	}
	const items: TimelineItem[] = [];
	for (const l of lines) {
		const list = members.get(l.line);
		if (!list || list.length === 0) continue; // gone between the two reads
		if (l.n === 1 || !l.line.includes('|')) {
			items.push({ kind: 'event', event: list[0]! });
			continue;
		}
		const [agency_code = '', system = '', month = ''] = l.line.split('|');
		items.push({ kind: 'group', key: l.line, agency_code, system, month, count: l.n, events: list });
	}
	return { total: totals.total, agencies: totals.agencies, lines: count?.lines ?? 0, items };
}

const lineEventRow = subjectEventRow.extend({ line: z.string() });

/** One page of a subject's timeline lines, the filtered totals, and the agency list. */
export async function subjectTimeline(q: TimelineQuery): Promise<Timeline> {
	const history = await wholeHistory(q.subject);
	if (history === null) return timelineByQueries(q);
	return timelineOfHistory(history, q);
}
