import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, filterQuery, parseAlertFilters } from './alert-filters';
import { RULE_IDS } from './rules';

const parse = (q: string) => parseAlertFilters(new URLSearchParams(q));

describe('parseAlertFilters', () => {
	it('reads nothing as no filter, newest first by detection time', () => {
		expect(parse('')).toEqual({
			filters: { rule: null, severity: null, state: null, from: null, to: null, by: 'detected', after: null },
			errors: []
		});
	});

	it('accepts every rule id, severity and triage state', () => {
		for (const rule of RULE_IDS) expect(parse(`rule=${rule}`).filters.rule).toBe(rule);
		expect(parse('severity=high&state=untriaged').filters).toMatchObject({ severity: 'high', state: 'untriaged' });
		expect(parse('state=false_positive&by=evidence').filters).toMatchObject({ state: 'false_positive', by: 'evidence' });
	});

	it('names each bad parameter and leaves it out', () => {
		const r = parse('rule=peeking&severity=extreme&state=done&by=whenever&from=2026-02-30&after=nope');
		expect(r.errors.map((e) => [e.param, e.code])).toEqual([
			['rule', 'rule'],
			['severity', 'severity'],
			['state', 'state'],
			['by', 'by'],
			['from', 'date'],
			['after', 'after']
		]);
		expect(r.filters).toEqual({ rule: null, severity: null, state: null, from: null, to: null, by: 'detected', after: null });
		for (const e of r.errors.filter((x) => x.param !== 'after')) expect(e.message).toContain(e.param);
	});

	it('reads days as whole Tallinn days and RFC 3339 times as they are', () => {
		// Winter: Tallinn is UTC+2; the day of 15 January runs from 22:00 UTC the day before.
		expect(parse('from=2026-01-15&to=2026-01-15').filters).toMatchObject({ from: '2026-01-14T22:00:00.000Z', to: '2026-01-15T22:00:00.000Z' });
		// Summer: UTC+3.
		expect(parse('from=2026-07-01').filters.from).toBe('2026-06-30T21:00:00.000Z');
		expect(parse('from=2026-03-01T10:00:00%2B02:00&to=2026-03-01T12:00:00Z').filters).toMatchObject({
			from: '2026-03-01T08:00:00.000Z',
			to: '2026-03-01T12:00:00.000Z'
		});
	});

	it('refuses a period that ends before it starts', () => {
		const r = parse('from=2026-03-05&to=2026-03-01');
		expect(r.errors).toEqual([{ param: 'to', code: 'toBeforeFrom', message: 'to must be after from' }]);
		expect(r.filters.from).not.toBeNull();
		expect(r.filters.to).toBeNull();
	});
});

describe('the keyset cursor', () => {
	it('round-trips the last alert of a page', () => {
		const c = { detectedAt: '2026-03-01T10:00:00.123Z', alertId: '0b0e7f8a-1c2d-4e5f-8a9b-0c1d2e3f4a5b' };
		const s = encodeCursor(c);
		expect(decodeCursor(s)).toEqual(c);
		expect(parse(`after=${s}`).filters.after).toEqual(c);
	});

	it('refuses anything else', () => {
		for (const s of ['', '123', 'abc-0b0e7f8a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', '1-not-a-uuid-at-all-xxxxxxxxxxxxxxxxxxx', '99999999999999999-0b0e7f8a-1c2d-4e5f-8a9b-0c1d2e3f4a5b']) {
			expect(decodeCursor(s), s).toBeNull();
		}
	});
});

describe('filterQuery', () => {
	it('keeps the given values in the parameters’ order, leaving out empty ones', () => {
		expect(filterQuery({ after: 'x', rule: 'off-hours', severity: '', state: null, by: 'evidence' })).toBe('rule=off-hours&by=evidence&after=x');
		expect(filterQuery({})).toBe('');
	});
});
