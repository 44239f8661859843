/**
 * The oversight search's parameters, as the form and /oversight/search.json take them:
 * the case reference the look-up is for (required), the filters (at least one that names
 * who or what: a period alone would list everyone's events), and the keyset cursor of the
 * "older" link. Each problem names its field; its key is a message of the oversightSearch
 * area (errors.<key>), so the page and the JSON say the same thing in the reader's language.
 */
import { z } from 'zod';
import { parseIsoDate } from '$lib/format';
import { subjectCodeError } from '$lib/personal-code';
import { caseReference } from './case-reference';

export const FILTER_FIELDS = ['person', 'official', 'agency', 'system', 'purpose', 'ref'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export const SEARCH_FIELDS = ['case', ...FILTER_FIELDS, 'from', 'to', 'before'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
/** Where a problem that is not one field's (no filter given) is reported. */
export type ProblemField = SearchField | 'filters';

export type SearchErrorKey =
	| 'caseMissing'
	| 'caseInvalid'
	| 'person'
	| 'official'
	| 'agency'
	| 'system'
	| 'purpose'
	| 'ref'
	| 'date'
	| 'toBeforeFrom'
	| 'before'
	| 'needOne';

export interface SearchFilters {
	/** Country-prefixed personal code (EE38001085718). */
	person: string | null;
	/** The official's code, country-prefixed like usage_event.actor_code. */
	official: string | null;
	agency: string | null;
	system: string | null;
	purpose: string | null;
	/** An exact case reference carried by the events. */
	ref: string | null;
	/** Tallinn calendar days, YYYY-MM-DD, both included. */
	from: string | null;
	to: string | null;
}

/** Where the next page starts: strictly older than this (time, person) pair. */
export interface SearchCursor {
	at: string;
	subject: string;
}

export interface SearchRequest {
	caseRef: string;
	filters: SearchFilters;
	before: SearchCursor | null;
}

export interface SearchProblem {
	field: ProblemField;
	key: SearchErrorKey;
}

export type ParsedSearch = { ok: true; request: SearchRequest } | { ok: false; problems: SearchProblem[] };

/** A personal code with or without the EE prefix (or another country's prefixed code), as stored. */
const code = (key: SearchErrorKey) =>
	z
		.string()
		.transform((v) => v.replace(/\s+/g, '').toUpperCase())
		.transform((v) => (/^\d{11}$/.test(v) ? `EE${v}` : v))
		.refine((v) => subjectCodeError(v) === null, key);

const SCHEMAS: Record<FilterField | 'from' | 'to', z.ZodType<string>> = {
	person: code('person'),
	official: code('official'),
	agency: z.string().trim().regex(/^\d{8}$/, 'agency'),
	system: z.string().trim().min(1, 'system').max(120, 'system'),
	purpose: z
		.string()
		.trim()
		.transform((v) => v.toUpperCase())
		.pipe(z.string().regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, 'purpose')),
	ref: z.string().trim().min(1, 'ref').max(200, 'ref'),
	from: z.string().trim().refine((v) => parseIsoDate(v) !== null, 'date'),
	to: z.string().trim().refine((v) => parseIsoDate(v) !== null, 'date')
};

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([A-Z]{2}[A-Z0-9-]{4,30})$/;

export function encodeCursor(c: SearchCursor): string {
	return `${c.at}~${c.subject}`;
}

function decodeCursor(v: string): SearchCursor | null {
	const m = CURSOR.exec(v.trim());
	if (!m || Number.isNaN(Date.parse(m[1]!))) return null;
	return { at: m[1]!, subject: m[2]! };
}

/** Whether the form was sent at all (a first visit shows it empty, without errors). */
export function searchSubmitted(params: URLSearchParams): boolean {
	return SEARCH_FIELDS.some((f) => params.has(f));
}

export function parseSearch(params: URLSearchParams): ParsedSearch {
	const problems: SearchProblem[] = [];
	const value = (f: SearchField) => (params.get(f) ?? '').trim();

	let caseRef = '';
	if (value('case') === '') problems.push({ field: 'case', key: 'caseMissing' });
	else {
		const parsed = caseReference.safeParse(value('case'));
		if (parsed.success) caseRef = parsed.data;
		else problems.push({ field: 'case', key: 'caseInvalid' });
	}

	const filters: SearchFilters = { person: null, official: null, agency: null, system: null, purpose: null, ref: null, from: null, to: null };
	for (const f of [...FILTER_FIELDS, 'from', 'to'] as const) {
		const raw = value(f);
		if (raw === '') continue;
		const parsed = SCHEMAS[f].safeParse(raw);
		if (parsed.success) filters[f] = parsed.data;
		else problems.push({ field: f, key: (parsed.error.issues[0]?.message ?? f) as SearchErrorKey });
	}
	if (filters.from && filters.to && filters.to < filters.from) problems.push({ field: 'to', key: 'toBeforeFrom' });
	// Counted on what was typed: a mistyped filter is reported as itself, not as "none given".
	if (FILTER_FIELDS.every((f) => value(f) === '')) problems.push({ field: 'filters', key: 'needOne' });

	let before: SearchCursor | null = null;
	if (value('before') !== '') {
		before = decodeCursor(value('before'));
		if (!before) problems.push({ field: 'before', key: 'before' });
	}
	return problems.length > 0 ? { ok: false, problems } : { ok: true, request: { caseRef, filters, before } };
}

/** The query string of a search (empty values left out), e.g. for the "older" link. */
export function searchQuery(r: SearchRequest, before: SearchCursor | null): string {
	const p = new URLSearchParams();
	p.set('case', r.caseRef);
	for (const f of [...FILTER_FIELDS, 'from', 'to'] as const) {
		const v = r.filters[f];
		if (v) p.set(f, v);
	}
	if (before) p.set('before', encodeCursor(before));
	return p.toString();
}
