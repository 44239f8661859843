import { describe, expect, it } from 'vitest';
import { monthsBetween } from './months';
import { stackMonthly } from './monthly-stack';
import { monthlySummary, rankingSummary } from './summaries';

const months = monthsBetween({ year: 2025, month: 6 }, { year: 2026, month: 5 });

describe('monthlySummary', () => {
	it('totals the period, names the top agency and the busiest month', () => {
		const st = stackMonthly(
			[
				{ month: '2025-07', agency: 'TAX', uses: 30 },
				{ month: '2026-05', agency: 'TAX', uses: 25 },
				{ month: '2026-05', agency: 'POL', uses: 15 },
				{ month: '2026-01', agency: '', uses: 50 }
			],
			months
		);
		expect(monthlySummary(st)).toEqual({
			total: 120,
			topAgency: { key: 'TAX', uses: 55 },
			busiest: { month: { year: 2026, month: 1 }, uses: 50 }
		});
	});

	it('gives the earlier month on a tie, and never names withheld as the top agency', () => {
		const st = stackMonthly(
			[
				{ month: '2025-08', agency: '', uses: 40 },
				{ month: '2025-09', agency: '', uses: 40 }
			],
			months
		);
		const s = monthlySummary(st);
		expect(s.topAgency).toBeNull();
		expect(s.busiest).toEqual({ month: { year: 2025, month: 8 }, uses: 40 });
	});

	it('has nothing to name without uses', () => {
		expect(monthlySummary(stackMonthly([], months))).toEqual({ total: 0, topAgency: null, busiest: null });
	});
});

describe('rankingSummary', () => {
	it('names the named item with the most uses', () => {
		const s = rankingSummary(
			[
				{ key: '', uses: 90, withheld: true },
				{ key: 'TAX', uses: 50, withheld: false },
				{ key: 'POL', uses: 50, withheld: false }
			],
			7
		);
		expect(s).toEqual({ count: 7, top: { key: 'TAX', uses: 50, withheld: false } });
	});

	it('has no top item when everything is withheld', () => {
		expect(rankingSummary([{ key: '', uses: 3, withheld: true }], 0)).toEqual({ count: 0, top: null });
	});
});
