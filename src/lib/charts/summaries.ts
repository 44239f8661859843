/**
 * The numbers each chart's text summary states: totals, the largest item, the busiest
 * month. Ties go to the earlier month and to the item listed first, so the text is stable.
 */
import type { Month } from './months';
import type { MonthlyStack } from './monthly-stack';

export interface MonthlySummary {
	total: number;
	/** The agency with the most uses (never "other agencies" or withheld), or null. */
	topAgency: { key: string; uses: number } | null;
	busiest: { month: Month; uses: number } | null;
}

export function monthlySummary(st: MonthlyStack): MonthlySummary {
	const total = st.totals.reduce((sum, n) => sum + n, 0);
	const top = st.series.find((s) => s.kind === 'agency');
	let busiest: MonthlySummary['busiest'] = null;
	st.totals.forEach((uses, i) => {
		if (uses > 0 && (busiest === null || uses > busiest.uses)) busiest = { month: st.months[i]!, uses };
	});
	return { total, topAgency: top ? { key: top.key, uses: top.total } : null, busiest };
}

export interface RankedItem {
	key: string;
	uses: number;
	/** Restricted events' details: counted, never named as the top item. */
	withheld: boolean;
}

export interface RankingSummary {
	/** Named items (withheld not counted), all of them, not only those listed. */
	count: number;
	top: RankedItem | null;
}

/** @param count how many named items there are in all (the list may show only the first few) */
export function rankingSummary(items: readonly RankedItem[], count: number): RankingSummary {
	let top: RankedItem | null = null;
	for (const item of items) if (!item.withheld && item.uses > 0 && (top === null || item.uses > top.uses)) top = item;
	return { count, top };
}
