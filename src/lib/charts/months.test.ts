import { describe, expect, it } from 'vitest';
import { addMonths, compareMonths, monthKey, monthsBetween, parseMonthKey, tallinnMonth } from './months';

describe('months', () => {
	it('reads and writes YYYY-MM', () => {
		expect(parseMonthKey('2026-05')).toEqual({ year: 2026, month: 5 });
		expect(monthKey({ year: 2026, month: 5 })).toBe('2026-05');
		for (const bad of ['2026-13', '2026-00', '2026-5', '26-05', '2026-05-01', '1899-12', '2300-01', '', 'May']) expect(parseMonthKey(bad), bad).toBeNull();
	});

	it('adds months across years, both ways', () => {
		expect(addMonths({ year: 2026, month: 5 }, -11)).toEqual({ year: 2025, month: 6 });
		expect(addMonths({ year: 2025, month: 12 }, 1)).toEqual({ year: 2026, month: 1 });
		expect(addMonths({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
		expect(compareMonths({ year: 2025, month: 12 }, { year: 2026, month: 1 })).toBeLessThan(0);
	});

	it('lists every month of a range, ends included', () => {
		expect(monthsBetween({ year: 2025, month: 11 }, { year: 2026, month: 2 }).map(monthKey)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
		expect(monthsBetween({ year: 2026, month: 2 }, { year: 2026, month: 2 })).toHaveLength(1);
		expect(monthsBetween({ year: 2026, month: 3 }, { year: 2026, month: 2 })).toEqual([]);
	});

	it('counts an instant in the month it is in Estonia', () => {
		// 22:30 UTC on 31 January is 00:30 on 1 February in Tallinn (UTC+2).
		expect(tallinnMonth(new Date('2026-01-31T22:30:00Z'))).toEqual({ year: 2026, month: 2 });
		expect(tallinnMonth(new Date('2026-01-31T21:59:59Z'))).toEqual({ year: 2026, month: 1 });
		// Summer time (UTC+3): 21:00 UTC on 30 June is midnight on 1 July.
		expect(tallinnMonth(new Date('2026-06-30T21:00:00Z'))).toEqual({ year: 2026, month: 7 });
	});
});
