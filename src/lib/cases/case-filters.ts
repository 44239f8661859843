/**
 * The auditors' case list filters, read from the page's query string: state, outcome,
 * source, assignee (a personal code, "mine" or "nobody"), the period the case was opened
 * in (Tallinn days), and the keyset cursor of the next page. Shared by the server (which
 * queries with them) and the page (field names, links that keep them). Errors are message
 * keys under `oversightCases.filters.errors`, one per field.
 */
import { z } from 'zod';
import { parseIsoDate } from '../format';
import { subjectCodeError } from '../personal-code';
import { CASE_OUTCOMES, CASE_STATES, type CaseOutcome, type CaseState } from './workflow';

export const CASE_SOURCES = ['flag', 'alert'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const CASE_FILTER_FIELDS = ['state', 'outcome', 'source', 'assignee', 'from', 'to', 'after'] as const;
export type CaseFilterField = (typeof CASE_FILTER_FIELDS)[number];

/** Cases on one page of the list. */
export const CASE_PAGE_SIZE = 50;

/** Where the next page starts: after the case opened at `openedAt` (ms) with this id, newest first. */
export interface CaseCursor {
	openedAtMs: number;
	caseId: string;
}

export interface CaseFilters {
	state: CaseState | null;
	outcome: CaseOutcome | null;
	source: CaseSource | null;
	/** A country-prefixed personal code, 'mine' (the signed-in auditor) or 'nobody' (unassigned). */
	assignee: string | null;
	/** YYYY-MM-DD, Tallinn days, both inclusive. */
	from: string | null;
	to: string | null;
	after: CaseCursor | null;
}

export type CaseFilterError = { field: CaseFilterField; code: 'invalid' | 'assignee' | 'date' | 'period' | 'cursor' };

export const NO_FILTERS: CaseFilters = { state: null, outcome: null, source: null, assignee: null, from: null, to: null, after: null };

export function formatCursor(c: CaseCursor): string {
	return `${c.openedAtMs}_${c.caseId}`;
}

const cursor = z
	.string()
	.regex(/^\d{1,15}_[0-9a-fA-F-]{36}$/)
	.transform((s): CaseCursor => {
		const [ms, id] = s.split('_') as [string, string];
		return { openedAtMs: Number(ms), caseId: id.toLowerCase() };
	})
	.refine((c) => z.uuid().safeParse(c.caseId).success);

/**
 * The filters in a query string; each bad field is reported (and left out of the
 * filters), so the page can show the list with the good ones and the errors beside the bad.
 */
export function parseCaseFilters(params: URLSearchParams): { filters: CaseFilters; errors: CaseFilterError[] } {
	const value = (name: CaseFilterField) => (params.get(name) ?? '').trim();
	const errors: CaseFilterError[] = [];
	const filters: CaseFilters = { ...NO_FILTERS };
	const pick = <T extends string>(name: CaseFilterField, allowed: readonly T[]): T | null => {
		const v = value(name);
		if (v === '') return null;
		if ((allowed as readonly string[]).includes(v)) return v as T;
		errors.push({ field: name, code: 'invalid' });
		return null;
	};
	filters.state = pick('state', CASE_STATES);
	filters.outcome = pick('outcome', CASE_OUTCOMES);
	filters.source = pick('source', CASE_SOURCES);

	const assignee = value('assignee');
	if (assignee === 'mine' || assignee === 'nobody') filters.assignee = assignee;
	else if (assignee !== '') {
		const code = /^\d{11}$/.test(assignee) ? `EE${assignee}` : assignee.toUpperCase();
		if (subjectCodeError(code) === null) filters.assignee = code;
		else errors.push({ field: 'assignee', code: 'assignee' });
	}

	for (const name of ['from', 'to'] as const) {
		const v = value(name);
		if (v === '') continue;
		if (parseIsoDate(v)) filters[name] = v;
		else errors.push({ field: name, code: 'date' });
	}
	if (filters.from && filters.to && filters.from > filters.to) {
		errors.push({ field: 'to', code: 'period' });
		filters.to = null;
	}

	const after = value('after');
	if (after !== '') {
		const c = cursor.safeParse(after);
		if (c.success) filters.after = c.data;
		else errors.push({ field: 'after', code: 'cursor' });
	}
	return { filters, errors };
}

/** The query string of these filters (without the cursor unless given), for links and the next page. */
export function caseFilterQuery(f: CaseFilters, after: CaseCursor | null = null): string {
	const q = new URLSearchParams();
	for (const name of ['state', 'outcome', 'source', 'assignee', 'from', 'to'] as const) {
		const v = f[name];
		if (v) q.set(name, v);
	}
	if (after) q.set('after', formatCursor(after));
	const s = q.toString();
	return s === '' ? '' : `?${s}`;
}
