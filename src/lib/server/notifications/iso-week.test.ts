import { describe, expect, it } from 'vitest';
import { dueWeeks, isoWeekAt, isoWeekOfDate, lastCompletedWeek, nextWeek, weekBounds } from './iso-week';

describe('ISO weeks on the Tallinn calendar', () => {
	it('numbers weeks as ISO 8601 does, the Thursday deciding the year', () => {
		expect(isoWeekOfDate({ year: 2026, month: 1, day: 1 })).toBe('2026-W01'); // a Thursday
		expect(isoWeekOfDate({ year: 2027, month: 1, day: 1 })).toBe('2026-W53'); // a Friday
		expect(isoWeekOfDate({ year: 2024, month: 12, day: 30 })).toBe('2025-W01'); // a Monday
		expect(isoWeekOfDate({ year: 2026, month: 6, day: 15 })).toBe('2026-W25');
	});

	it('reads the week of an instant in Tallinn time, not UTC', () => {
		// Sunday 2026-01-11 23:30 UTC is Monday 01:30 in Tallinn: the next week.
		expect(isoWeekAt(new Date('2026-01-11T21:59:59Z'))).toBe('2026-W02');
		expect(isoWeekAt(new Date('2026-01-11T22:00:00Z'))).toBe('2026-W03');
	});

	it('bounds a week by Tallinn midnights, in winter and summer time', () => {
		const winter = weekBounds('2026-W03');
		expect(winter).toEqual({
			firstDay: '2026-01-12',
			lastDay: '2026-01-18',
			start: new Date('2026-01-11T22:00:00Z'),
			end: new Date('2026-01-18T22:00:00Z')
		});
		// The week daylight saving time starts in (29 March 2026) is an hour shorter.
		const spring = weekBounds('2026-W13');
		expect(spring.start).toEqual(new Date('2026-03-22T22:00:00Z'));
		expect(spring.end).toEqual(new Date('2026-03-29T21:00:00Z'));
		expect(nextWeek('2026-W53')).toBe('2027-W01');
		expect(nextWeek('2026-W52')).toBe('2026-W53');
	});

	it('makes a digest due only after its week is over in Tallinn', () => {
		// Sunday 23:59 Tallinn: week 3 is not over yet.
		expect(lastCompletedWeek(new Date('2026-01-18T21:59:00Z'))).toBe('2026-W02');
		// Monday 00:00 Tallinn: it is.
		expect(lastCompletedWeek(new Date('2026-01-18T22:00:00Z'))).toBe('2026-W03');
		expect(dueWeeks('2026-W02', new Date('2026-01-18T21:59:00Z'))).toEqual([]);
		expect(dueWeeks('2026-W02', new Date('2026-01-18T22:00:00Z'))).toEqual(['2026-W03']);
	});

	it('catches up on missed weeks, oldest first, at most four', () => {
		const now = new Date('2026-03-02T10:00:00Z'); // week 10; week 9 is the last one over
		expect(dueWeeks('2026-W07', now)).toEqual(['2026-W08', '2026-W09']);
		expect(dueWeeks('2025-W40', now)).toEqual(['2026-W06', '2026-W07', '2026-W08', '2026-W09']);
		expect(dueWeeks('2026-W09', now)).toEqual([]);
		// Across a year boundary.
		expect(dueWeeks('2026-W52', new Date('2027-01-12T10:00:00Z'))).toEqual(['2026-W53', '2027-W01']);
	});
});
