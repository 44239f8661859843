import { describe, expect, it } from 'vitest';
import { earlierDay, lastDayOf, mondayOf, tallinnDay, weeksBetween } from './weeks';

describe('weeks', () => {
	it('finds the Monday of any day of the week', () => {
		expect(mondayOf('2026-03-30')).toBe('2026-03-30'); // a Monday
		expect(mondayOf('2026-03-29')).toBe('2026-03-23'); // Sunday, the day clocks go forward
		expect(mondayOf('2026-01-01')).toBe('2025-12-29'); // across a year's end
		expect(mondayOf('1970-01-01')).toBe('1969-12-29');
	});

	it('lists every week between two days, both ends included', () => {
		expect(weeksBetween('2026-03-25', '2026-04-06')).toEqual(['2026-03-23', '2026-03-30', '2026-04-06']);
		expect(weeksBetween('2026-04-06', '2026-03-25')).toEqual([]);
		expect(weeksBetween('2026-03-23', '2026-03-29')).toEqual(['2026-03-23']);
	});

	it('knows the last day of a month, leap years included', () => {
		expect(lastDayOf({ year: 2024, month: 2 })).toBe('2024-02-29');
		expect(lastDayOf({ year: 2026, month: 2 })).toBe('2026-02-28');
		expect(lastDayOf({ year: 2026, month: 12 })).toBe('2026-12-31');
	});

	it('reads an instant’s day in Estonian time', () => {
		expect(tallinnDay(new Date('2026-03-28T22:30:00Z'))).toBe('2026-03-29'); // 00:30 EET
		expect(tallinnDay(new Date('2026-06-30T20:59:00Z'))).toBe('2026-06-30'); // 23:59 EEST
		expect(tallinnDay(new Date('2026-06-30T21:00:00Z'))).toBe('2026-07-01');
		expect(earlierDay('2026-01-02', '2025-12-31')).toBe('2025-12-31');
	});
});
