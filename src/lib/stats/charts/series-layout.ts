/**
 * Lines over periods, one per series, for a chart drawn at a given width (one viewBox unit
 * is one CSS pixel). d3 computes the scales and the lines; a withheld figure (null) breaks
 * its line, so the chart shows a gap there and never a guessed value.
 */
import { line, scalePoint, scaleLinear } from 'd3';
import { countTicks } from '$lib/charts/monthly-layout';
import { textWidth } from '$lib/charts/text-fit';

export const SERIES_HEIGHT = 240;
export const SERIES_FONT_SIZE = 12;

export interface SeriesInput {
	key: string;
	colour: string;
	/** One per period; null = withheld. */
	values: (number | null)[];
}

export interface SeriesLayout {
	width: number;
	height: number;
	plot: { left: number; right: number; top: number; bottom: number };
	lines: { key: string; colour: string; d: string; dots: { x: number; y: number }[] }[];
	yTicks: { value: number; y: number }[];
	xTicks: { index: number; x: number }[];
}

/**
 * @param labelChars the longest period label's length, in characters
 * @param formatCount how the axis writes a number (its labels' length sets the margin)
 */
export function seriesLayout(periods: number, series: readonly SeriesInput[], width: number, labelChars: number, formatCount: (n: number) => string): SeriesLayout {
	const w = Math.max(200, Math.round(width));
	const max = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
	const ticks = countTicks(max);
	const yMax = Math.max(ticks[ticks.length - 1] ?? 1, max, 1);
	const valueChars = Math.max(1, ...ticks.map((t) => [...formatCount(t)].length));
	const labelWidth = textWidth(labelChars, SERIES_FONT_SIZE);
	const left = Math.max(Math.ceil(textWidth(valueChars, SERIES_FONT_SIZE)) + 10, Math.ceil(labelWidth / 2) + 2);
	const plot = { left, right: w - Math.ceil(labelWidth / 2) - 4, top: 10, bottom: SERIES_HEIGHT - 26 };

	const x = scalePoint<number>()
		.domain(Array.from({ length: periods }, (_, i) => i))
		.range([plot.left, plot.right])
		.padding(periods === 1 ? 0.5 : 0);
	const y = scaleLinear().domain([0, yMax]).range([plot.bottom, plot.top]);
	const path = line<number | null>()
		.defined((v) => v !== null)
		.x((_, i) => x(i)!)
		.y((v) => y(v ?? 0));

	const lines = series.map((s) => ({
		key: s.key,
		colour: s.colour,
		d: path(s.values) ?? '',
		// A value with no neighbour to join is still seen: every released point gets a dot.
		dots: s.values.flatMap((v, i) => (v === null ? [] : [{ x: x(i)!, y: y(v) }]))
	}));

	// Label every k-th period, counting back from the newest so the latest is labelled.
	const step = periods > 1 ? x.step() : w;
	const every = Math.max(1, Math.ceil((labelWidth + 12) / Math.max(step, 1)));
	const xTicks: { index: number; x: number }[] = [];
	for (let i = periods - 1; i >= 0; i -= every) xTicks.unshift({ index: i, x: x(i)! });

	return { width: w, height: SERIES_HEIGHT, plot, lines, yTicks: ticks.map((value) => ({ value, y: y(value) })), xTicks };
}
