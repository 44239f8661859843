import { describe, expect, it } from 'vitest';
import { Calendar } from './calendar';
import { civilFromDays, tallinnDay } from './dates';

describe('Calendar', () => {
	it('starts on the first of the month the window reaches back to, so every month is whole, and ends today', () => {
		// 2026-11-29 01:10 in Tallinn (UTC+2): 730 days back is 2024-11-29.
		const now = Date.parse('2026-11-28T23:10:00Z');
		const cal = new Calendar(now, 730);
		expect(civilFromDays(cal.first)).toEqual({ year: 2024, month: 11, day: 1 });
		expect(new Date(cal.start[0]!).toISOString()).toBe('2024-10-31T22:00:00.000Z');
		expect(cal.first + cal.days - 1).toBe(tallinnDay(now));
		expect(civilFromDays(cal.first + cal.days - 1)).toEqual({ year: 2026, month: 11, day: 29 });
	});

	it('is unchanged when the window already starts on the first of a month', () => {
		const now = Date.parse('2026-03-01T10:00:00Z');
		const cal = new Calendar(now, 365);
		expect(civilFromDays(cal.first)).toEqual({ year: 2025, month: 3, day: 1 });
		expect(cal.days).toBe(366);
	});
});
