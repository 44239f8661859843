/**
 * Uses per month by agency, stacked: the agencies with the most uses in the period get a
 * colour each, the rest are grouped as "other agencies", and restricted events (whose
 * agency is withheld) are a series of their own. d3 computes the stack; Svelte draws it.
 */
import { stack } from 'd3';
import { OTHER_COLOUR, SERIES_COLOURS, WITHHELD_COLOUR } from './colours';
import { monthKey, type Month } from './months';

/** One cell of the query's answer: uses in a month by an agency ('' = details withheld). */
export interface MonthAgencyUses {
	/** YYYY-MM, Estonian time */
	month: string;
	agency: string;
	uses: number;
}

export const OTHER_KEY = 'other';
export const WITHHELD_KEY = 'withheld';

export interface StackSeries {
	/** An agency's registry code, OTHER_KEY or WITHHELD_KEY. */
	key: string;
	kind: 'agency' | 'other' | 'withheld';
	/** Uses in the whole period. */
	total: number;
	colour: string;
}

export interface MonthlyStack {
	months: Month[];
	/** Bottom to top: the coloured agencies (most uses first), other agencies, withheld. */
	series: StackSeries[];
	/** Per month (same order as months): uses per series key. */
	values: Record<string, number>[];
	/** Per month: all uses. */
	totals: number[];
	/** Per series (same order as series): [bottom, top] per month. */
	layers: { key: string; points: [number, number][] }[];
	/** The largest month total (0 when there are no uses). */
	max: number;
	/** Agencies in the period (withheld not counted), coloured or grouped. */
	agencyCount: number;
}

function byUsesThenCode(a: [string, number], b: [string, number]): number {
	return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/**
 * Stack the counts over the given months (every month of the axis, empty ones included).
 * Counts for months off the axis are left out: the page asks for the axis's months only.
 */
export function stackMonthly(rows: readonly MonthAgencyUses[], months: readonly Month[], colouredAgencies: number = SERIES_COLOURS.length): MonthlyStack {
	const position = new Map(months.map((m, i) => [monthKey(m), i]));
	const inAxis = rows.filter((r) => position.has(r.month) && r.uses > 0);

	const agencyTotals = new Map<string, number>();
	let withheld = 0;
	for (const r of inAxis) {
		if (r.agency === '') withheld += r.uses;
		else agencyTotals.set(r.agency, (agencyTotals.get(r.agency) ?? 0) + r.uses);
	}
	const ranked = [...agencyTotals].sort(byUsesThenCode);
	const coloured = ranked.slice(0, Math.min(colouredAgencies, SERIES_COLOURS.length));
	const colouredKeys = new Set(coloured.map(([code]) => code));
	const otherTotal = ranked.slice(coloured.length).reduce((sum, [, n]) => sum + n, 0);

	const series: StackSeries[] = coloured.map(([key, total], i) => ({ key, kind: 'agency', total, colour: SERIES_COLOURS[i]! }));
	if (otherTotal > 0) series.push({ key: OTHER_KEY, kind: 'other', total: otherTotal, colour: OTHER_COLOUR });
	if (withheld > 0) series.push({ key: WITHHELD_KEY, kind: 'withheld', total: withheld, colour: WITHHELD_COLOUR });

	const values: Record<string, number>[] = months.map(() => Object.fromEntries(series.map((s) => [s.key, 0])));
	for (const r of inAxis) {
		const key = r.agency === '' ? WITHHELD_KEY : colouredKeys.has(r.agency) ? r.agency : OTHER_KEY;
		values[position.get(r.month)!]![key]! += r.uses;
	}
	const totals = values.map((v) => Object.values(v).reduce((sum, n) => sum + n, 0));

	const stacked = stack<Record<string, number>>().keys(series.map((s) => s.key))(values);
	const layers = stacked.map((layer) => ({ key: layer.key, points: layer.map((p) => [p[0], p[1]] as [number, number]) }));

	return { months: [...months], series, values, totals, layers, max: Math.max(0, ...totals), agencyCount: agencyTotals.size };
}

