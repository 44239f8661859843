import { describe, expect, it } from 'vitest';
import { hourWeekdayMatrix, hourWeekdaySummary, isOfficeHour } from './hour-weekday';

describe('hourWeekdayMatrix', () => {
	it('puts each count in its weekday row and hour column, empty cells 0', () => {
		const m = hourWeekdayMatrix([
			{ weekday: 1, hour: 9, events: 3 },
			{ weekday: 7, hour: 23, events: 2 },
			{ weekday: 1, hour: 9, events: 1 }
		]);
		expect(m).toHaveLength(7);
		expect(m.every((row) => row.length === 24)).toBe(true);
		expect(m[0]![9]).toBe(4);
		expect(m[6]![23]).toBe(2);
		expect(m.flat().reduce((a, b) => a + b, 0)).toBe(6);
	});

	it('ignores cells off the grid', () => {
		const m = hourWeekdayMatrix([
			{ weekday: 0, hour: 1, events: 5 },
			{ weekday: 8, hour: 1, events: 5 },
			{ weekday: 2, hour: 24, events: 5 }
		]);
		expect(m.flat().every((n) => n === 0)).toBe(true);
	});
});

describe('hourWeekdaySummary', () => {
	it('counts the total, the busiest cell and what falls outside office hours', () => {
		const m = hourWeekdayMatrix([
			{ weekday: 2, hour: 10, events: 6 },
			{ weekday: 3, hour: 7, events: 2 }, // before 08:00
			{ weekday: 5, hour: 18, events: 1 }, // 18:00 is after office hours
			{ weekday: 6, hour: 11, events: 6 }, // Saturday; ties go to the earlier weekday
			{ weekday: 5, hour: 17, events: 4 }
		]);
		expect(hourWeekdaySummary(m)).toEqual({ total: 19, max: 6, busiest: { weekday: 2, hour: 10, events: 6 }, outsideOffice: 9 });
	});

	it('has no busiest cell without events', () => {
		expect(hourWeekdaySummary(hourWeekdayMatrix([]))).toEqual({ total: 0, max: 0, busiest: null, outsideOffice: 0 });
	});

	it('knows office hours: Monday to Friday, 08:00 to 18:00', () => {
		expect(isOfficeHour(1, 8)).toBe(true);
		expect(isOfficeHour(5, 17)).toBe(true);
		expect(isOfficeHour(5, 18)).toBe(false);
		expect(isOfficeHour(6, 12)).toBe(false);
		expect(isOfficeHour(3, 7)).toBe(false);
	});
});
