import { describe, expect, it } from 'vitest';
import { encodeCursor, parseSearch, searchQuery, searchSubmitted } from './search-filters';

const parse = (q: Record<string, string>) => parseSearch(new URLSearchParams(q));
const problems = (q: Record<string, string>) => {
	const r = parse(q);
	return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.key}`);
};

describe('parseSearch', () => {
	it('accepts a person with or without EE and normalises to the stored form', () => {
		for (const person of ['38001085718', 'EE38001085718', ' ee 38001085718 ']) {
			const r = parse({ case: 'AKI-2026-1', person });
			expect(r.ok && r.request.filters.person).toBe('EE38001085718');
		}
	});

	it('reads every filter and the period', () => {
		const r = parse({ case: ' AKI-2026-1 ', official: '47101010033', agency: '70008747', system: 'POLIS', purpose: 'ppa-criminal', ref: 'PPA-2025-1', from: '2026-01-01', to: '2026-01-31' });
		expect(r).toEqual({
			ok: true,
			request: {
				caseRef: 'AKI-2026-1',
				filters: { person: null, official: 'EE47101010033', agency: '70008747', system: 'POLIS', purpose: 'PPA-CRIMINAL', ref: 'PPA-2025-1', from: '2026-01-01', to: '2026-01-31' },
				before: null
			}
		});
	});

	it('requires the case reference, and says whether it is missing or malformed', () => {
		expect(problems({ agency: '70008747' })).toEqual(['case:caseMissing']);
		expect(problems({ case: 'x', agency: '70008747' })).toEqual(['case:caseInvalid']);
		expect(problems({ case: 'AKI;DROP', agency: '70008747' })).toEqual(['case:caseInvalid']);
	});

	it('requires a filter that names who or what: a period alone is too broad', () => {
		expect(problems({ case: 'AKI-1', from: '2026-01-01', to: '2026-02-01' })).toEqual(['filters:needOne']);
		expect(problems({ case: 'AKI-1' })).toEqual(['filters:needOne']);
	});

	it('names each malformed field, and does not also call a mistyped filter missing', () => {
		expect(problems({ case: 'AKI-1', person: '38001085719' })).toEqual(['person:person']);
		expect(problems({ case: 'AKI-1', official: '123' })).toEqual(['official:official']);
		expect(problems({ case: 'AKI-1', agency: '7000874' })).toEqual(['agency:agency']);
		expect(problems({ case: 'AKI-1', purpose: 'no spaces allowed' })).toEqual(['purpose:purpose']);
		expect(problems({ case: 'AKI-1', system: 'x'.repeat(121) })).toEqual(['system:system']);
		expect(problems({ case: 'AKI-1', ref: 'r'.repeat(201) })).toEqual(['ref:ref']);
		expect(problems({ case: 'AKI-1', agency: '70008747', from: '2026-02-30' })).toEqual(['from:date']);
		expect(problems({ case: '', person: 'abc', to: 'soon' })).toEqual(['case:caseMissing', 'person:person', 'to:date']);
	});

	it('rejects a period that ends before it starts', () => {
		expect(problems({ case: 'AKI-1', agency: '70008747', from: '2026-02-01', to: '2026-01-31' })).toEqual(['to:toBeforeFrom']);
	});

	it('round-trips the cursor and rejects a damaged one', () => {
		const cursor = { at: '2026-01-02T03:04:05.678Z', subject: 'EE38001085718' };
		const r = parse({ case: 'AKI-1', agency: '70008747', before: encodeCursor(cursor) });
		expect(r.ok && r.request.before).toEqual(cursor);
		expect(problems({ case: 'AKI-1', agency: '70008747', before: '2026-01-02~EE1' })).toEqual(['before:before']);
		expect(problems({ case: 'AKI-1', agency: '70008747', before: "2026-13-45T00:00:00.000Z~EE38001085718'" })).toEqual(['before:before']);
	});

	it('writes the query of a search back, without empty values', () => {
		const r = parse({ case: 'AKI 1', official: '38001085718', from: '2026-01-01' });
		if (!r.ok) throw new Error('expected a valid search');
		const q = new URLSearchParams(searchQuery(r.request, { at: '2026-01-02T03:04:05.678Z', subject: 'EE38001085718' }));
		expect([...q.keys()]).toEqual(['case', 'official', 'from', 'before']);
		expect(parse(Object.fromEntries(q))).toEqual({ ok: true, request: { ...r.request, before: { at: '2026-01-02T03:04:05.678Z', subject: 'EE38001085718' } } });
	});

	it('tells a first visit from a sent form', () => {
		expect(searchSubmitted(new URLSearchParams(''))).toBe(false);
		expect(searchSubmitted(new URLSearchParams('lang=et'))).toBe(false);
		expect(searchSubmitted(new URLSearchParams('case='))).toBe(true);
	});
});
