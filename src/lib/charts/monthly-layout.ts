/**
 * Where the stacked monthly bars, the axes and their labels go, for a chart drawn at a
 * given width (the SVG's viewBox is that width, so one unit is one CSS pixel). d3 computes
 * the scales; the month labels are thinned so they never overlap, and kept inside the chart.
 */
import { scaleBand, scaleLinear, type ScaleBand } from 'd3';
import type { MonthlyStack } from './monthly-stack';
import { textWidth } from './text-fit';

export const MONTHLY_HEIGHT = 240;
export const AXIS_FONT_SIZE = 12;

export interface MonthlyRect {
	key: string;
	month: number;
	x: number;
	y: number;
	width: number;
	height: number;
	colour: string;
}

export interface MonthlyLayout {
	width: number;
	height: number;
	plot: { left: number; right: number; top: number; bottom: number };
	rects: MonthlyRect[];
	/** Whole numbers only: uses are counted, never fractional. */
	yTicks: { value: number; y: number }[];
	/** Months that get a label, and where its centre goes (kept inside the chart). */
	xTicks: { month: number; x: number; labelX: number }[];
}

/** Integer ticks for a count axis from 0 to max (at most `count` of them, 0 included). */
export function countTicks(max: number, count = 4): number[] {
	const top = Math.max(1, max);
	return scaleLinear().domain([0, top]).nice(Math.min(count, top)).ticks(Math.min(count, top)).filter((t) => Number.isInteger(t));
}

/**
 * @param labelChars the longest month label's length, in characters
 * @param formatCount how the count axis writes a number (its labels' length sets the margin)
 */
export function monthlyLayout(st: MonthlyStack, width: number, labelChars: number, formatCount: (n: number) => string): MonthlyLayout {
	const w = Math.max(200, Math.round(width));
	const ticks = countTicks(st.max);
	const yMax = ticks[ticks.length - 1] ?? 1;
	const valueChars = Math.max(1, ...ticks.map((t) => [...formatCount(t)].length));
	const left = Math.ceil(textWidth(valueChars, AXIS_FONT_SIZE)) + 10;
	const plot = { left, right: w - 8, top: 10, bottom: MONTHLY_HEIGHT - 26 };

	const n = st.months.length;
	const x = scaleBand<number>()
		.domain(st.months.map((_, i) => i))
		.range([plot.left, plot.right])
		.paddingInner(n > 36 ? 0.1 : 0.25)
		.paddingOuter(0.1);
	const y = scaleLinear().domain([0, Math.max(yMax, st.max, 1)]).range([plot.bottom, plot.top]);

	const rects: MonthlyRect[] = [];
	st.layers.forEach((layer, li) => {
		const colour = st.series[li]!.colour;
		layer.points.forEach(([y0, y1], month) => {
			if (y1 <= y0) return;
			rects.push({ key: layer.key, month, x: x(month)!, y: y(y1), width: x.bandwidth(), height: y(y0) - y(y1), colour });
		});
	});

	return {
		width: w,
		height: MONTHLY_HEIGHT,
		plot,
		rects,
		yTicks: ticks.map((value) => ({ value, y: y(value) })),
		// Label every k-th month, counting back from the newest so the latest month is labelled.
		xTicks: slotTicks(x, n, labelChars, w).map((t) => ({ month: t.slot, x: t.x, labelX: t.labelX }))
	};
}

/**
 * Which of n slots of a band scale get a label on a time axis, and where each label's centre
 * goes: every k-th slot, counting back from the newest so the latest is labelled, none
 * overlapping, all inside a chart of width w. Shared by the time-bar charts.
 * @param labelChars the longest label's length, in characters
 */
export function slotTicks(x: ScaleBand<number>, n: number, labelChars: number, w: number): { slot: number; x: number; labelX: number }[] {
	const labelWidth = textWidth(labelChars, AXIS_FONT_SIZE);
	const every = Math.max(1, Math.ceil((labelWidth + 12) / Math.max(x.step(), 1)));
	const half = labelWidth / 2;
	const ticks: { slot: number; x: number; labelX: number }[] = [];
	for (let i = n - 1; i >= 0; i -= every) {
		const centre = x(i)! + x.bandwidth() / 2;
		const labelX = Math.min(Math.max(centre, half + 2), w - half - 2);
		// A label pushed in from the left edge may come too close to its neighbour: skip it.
		if (ticks.length > 0 && ticks[0]!.labelX - labelX < labelWidth + 4) continue;
		ticks.unshift({ slot: i, x: centre, labelX });
	}
	return ticks;
}
