import { describe, expect, it } from 'vitest';
import { monthKey } from '../charts/months';
import { monthAxis, parsePeriod, periodBounds } from './period';

const current = { year: 2026, month: 5 };
const parse = (q: string) => parsePeriod(new URLSearchParams(q), current);
const keys = (ms: { year: number; month: number }[]) => ms.map(monthKey);

describe('parsePeriod', () => {
	it('defaults to the last 12 months, this month included', () => {
		const p = parse('');
		expect(p.choice).toBe('12m');
		expect(p.errors).toEqual([]);
		expect([p.from, p.to].map((m) => m && monthKey(m))).toEqual(['2025-06', '2026-05']);
	});

	it('knows the last 2 years and all time', () => {
		const two = parse('period=24m');
		expect(monthKey(two.from!)).toBe('2024-06');
		const all = parse('period=all');
		expect([all.from, all.to]).toEqual([null, null]);
	});

	it('takes chosen months, and months without a choice mean chosen months', () => {
		for (const q of ['period=custom&from=2025-01&to=2025-03', 'from=2025-01&to=2025-03']) {
			const p = parse(q);
			expect(p.choice).toBe('custom');
			expect(keys([p.from!, p.to!])).toEqual(['2025-01', '2025-03']);
			expect(p.errors).toEqual([]);
		}
		const open = parse('period=custom&from=2025-01');
		expect(open.to).toBeNull();
	});

	it('lets the choice win over months left in the form', () => {
		const p = parse('period=24m&from=2025-01&to=2025-03');
		expect(p.choice).toBe('24m');
		expect(monthKey(p.from!)).toBe('2024-06');
	});

	it('reports each bad value naming its field, and leaves it out', () => {
		expect(parse('period=5y').errors).toEqual([{ field: 'period', problem: 'choice' }]);
		expect(parse('period=5y').choice).toBe('12m');
		const bad = parse('period=custom&from=2025-13&to=May');
		expect(bad.errors).toEqual([
			{ field: 'from', problem: 'month' },
			{ field: 'to', problem: 'month' }
		]);
		expect([bad.from, bad.to]).toEqual([null, null]);
		expect(parse('period=custom&from=2026-06').errors).toEqual([{ field: 'from', problem: 'future' }]);
		const reversed = parse('period=custom&from=2025-06&to=2025-01');
		expect(reversed.errors).toEqual([{ field: 'to', problem: 'order' }]);
		expect(monthKey(reversed.from!)).toBe('2025-06');
		expect(reversed.to).toBeNull();
	});

	it('keeps the values as sent, for the form', () => {
		expect(parse('period=custom&from=%202025-1x&to=').form).toEqual({ period: 'custom', from: '2025-1x', to: '' });
	});
});

describe('periodBounds', () => {
	it('runs from the first moment of the first month to the first moment after the last, in Estonian time', () => {
		expect(periodBounds(parse('from=2025-01&to=2025-03'))).toEqual({ from: '2024-12-31T22:00:00.000Z', to: '2025-03-31T21:00:00.000Z' });
		expect(periodBounds(parse('period=all'))).toEqual({ from: null, to: null });
	});
});

describe('monthAxis', () => {
	const m = (k: string) => ({ year: Number(k.slice(0, 4)), month: Number(k.slice(5)) });

	it('is the period’s months for a fixed period', () => {
		expect(monthAxis(parse(''), [], current)).toHaveLength(12);
		expect(keys(monthAxis(parse('from=2025-01&to=2025-03'), [], current))).toEqual(['2025-01', '2025-02', '2025-03']);
	});

	it('runs from the first month with uses to this month for all time', () => {
		expect(keys(monthAxis(parse('period=all'), [m('2026-02'), m('2025-12')], current))).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
		expect(keys(monthAxis(parse('period=all'), [], current))).toEqual(['2026-05']);
	});

	it('reaches a month with uses after this one (a fast clock), but never a later To month without uses', () => {
		expect(keys(monthAxis(parse('period=all'), [m('2026-06')], current))).toEqual(['2026-06']);
		expect(keys(monthAxis(parse('from=2026-03&to=2030-01'), [], current))).toEqual(['2026-03', '2026-04', '2026-05']);
	});

	it('starts no earlier than January 2000, when events begin', () => {
		const axis = monthAxis(parse('from=1900-01&to=2000-03'), [], current);
		expect(keys(axis)).toEqual(['2000-01', '2000-02', '2000-03']);
	});
});
