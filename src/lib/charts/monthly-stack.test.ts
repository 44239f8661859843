import { describe, expect, it } from 'vitest';
import { OTHER_COLOUR, SERIES_COLOURS, WITHHELD_COLOUR } from './colours';
import { monthsBetween } from './months';
import { OTHER_KEY, WITHHELD_KEY, stackMonthly, type MonthAgencyUses } from './monthly-stack';

const months = monthsBetween({ year: 2026, month: 1 }, { year: 2026, month: 4 });
const cell = (month: string, agency: string, uses: number): MonthAgencyUses => ({ month, agency, uses });

describe('stackMonthly', () => {
	it('colours the agencies with the most uses, groups the rest, keeps withheld apart', () => {
		const rows = [
			cell('2026-01', 'A', 5),
			cell('2026-01', 'B', 3),
			cell('2026-02', 'C', 2),
			cell('2026-03', 'D', 1),
			cell('2026-03', '', 4),
			cell('2026-04', 'B', 3)
		];
		const st = stackMonthly(rows, months, 2);
		expect(st.series.map((s) => [s.key, s.kind, s.total])).toEqual([
			['B', 'agency', 6],
			['A', 'agency', 5],
			[OTHER_KEY, 'other', 3],
			[WITHHELD_KEY, 'withheld', 4]
		]);
		expect(st.series.map((s) => s.colour)).toEqual([SERIES_COLOURS[0], SERIES_COLOURS[1], OTHER_COLOUR, WITHHELD_COLOUR]);
		expect(st.values).toEqual([
			{ B: 3, A: 5, [OTHER_KEY]: 0, [WITHHELD_KEY]: 0 },
			{ B: 0, A: 0, [OTHER_KEY]: 2, [WITHHELD_KEY]: 0 },
			{ B: 0, A: 0, [OTHER_KEY]: 1, [WITHHELD_KEY]: 4 },
			{ B: 3, A: 0, [OTHER_KEY]: 0, [WITHHELD_KEY]: 0 }
		]);
		expect(st.totals).toEqual([8, 2, 5, 3]);
		expect(st.max).toBe(8);
		expect(st.agencyCount).toBe(4);
	});

	it('stacks each month from zero, one series on top of the other', () => {
		const st = stackMonthly([cell('2026-01', 'A', 5), cell('2026-01', 'B', 3), cell('2026-01', '', 2)], months);
		const jan = st.layers.map((l) => l.points[0]);
		expect(jan).toEqual([
			[0, 5],
			[5, 8],
			[8, 10]
		]);
		// Empty months are on the axis with nothing stacked.
		for (const l of st.layers) expect(l.points[3]).toEqual([0, 0]);
	});

	it('breaks ties between agencies by code, and leaves out series with no uses', () => {
		const st = stackMonthly([cell('2026-02', 'Z', 2), cell('2026-02', 'M', 2)], months);
		expect(st.series.map((s) => s.key)).toEqual(['M', 'Z']);
	});

	it('ignores counts for months off the axis', () => {
		const st = stackMonthly([cell('2025-12', 'A', 9), cell('2026-02', 'A', 1)], months);
		expect(st.totals).toEqual([0, 1, 0, 0]);
		expect(st.series[0]!.total).toBe(1);
	});

	it('has no series and a zero maximum without uses', () => {
		const st = stackMonthly([], months);
		expect(st.series).toEqual([]);
		expect(st.max).toBe(0);
		expect(st.totals).toEqual([0, 0, 0, 0]);
	});
});
