import { describe, expect, it } from 'vitest';
import { monthsBetween } from './months';
import { MAX_WEEKS, volumeSlots, volumeUnit } from './volume-slots';

describe('volumeSlots', () => {
	const axis = monthsBetween({ year: 2026, month: 2 }, { year: 2026, month: 4 });

	it('lists every month of the axis with its count, empty months 0', () => {
		const v = volumeSlots('month', axis, '2026-11-28', [
			{ slot: '2026-02', events: 3 },
			{ slot: '2026-04', events: 1 },
			{ slot: '2025-12', events: 9 }
		]);
		expect(v).toEqual({ unit: 'month', fellBack: false, slots: ['2026-02', '2026-03', '2026-04'], counts: [3, 0, 1] });
	});

	it('lists every week touching the axis, by its Monday, up to today', () => {
		const v = volumeSlots('week', axis, '2026-11-28', [{ slot: '2026-03-30', events: 5 }]);
		expect(v.unit).toBe('week');
		expect(v.slots[0]).toBe('2026-01-26'); // the week holding 1 February
		expect(v.slots[v.slots.length - 1]).toBe('2026-04-27'); // the week holding 30 April
		expect(v.counts[v.slots.indexOf('2026-03-30')]).toBe(5);
		expect(v.counts.reduce((a, b) => a + b, 0)).toBe(5);
		// The current month's weeks stop at today's week.
		const now = volumeUnit('week', [{ year: 2026, month: 11 }], '2026-11-11');
		expect(now.slots[now.slots.length - 1]).toBe('2026-11-09');
	});

	it('counts a period too long for weeks per month, and says so', () => {
		const long = monthsBetween({ year: 2020, month: 1 }, { year: 2026, month: 11 });
		const v = volumeUnit('week', long, '2026-11-28');
		expect(v.unit).toBe('month');
		expect(v.fellBack).toBe(true);
		expect(v.slots).toHaveLength(long.length);
		const two = monthsBetween({ year: 2024, month: 12 }, { year: 2026, month: 11 });
		expect(volumeUnit('week', two, '2026-11-28').slots.length).toBeLessThanOrEqual(MAX_WEEKS);
		expect(volumeUnit('week', two, '2026-11-28').unit).toBe('week');
	});
});
