/**
 * An official's events per time slot (week or month) as bars, for a chart drawn at a given
 * width (one viewBox unit is one CSS pixel). d3 computes the scales; the count axis and the
 * thinned time labels are the citizen overview's (countTicks, slotTicks).
 */
import { scaleBand, scaleLinear } from 'd3';
import { AXIS_FONT_SIZE, MONTHLY_HEIGHT, countTicks, slotTicks } from './monthly-layout';
import { textWidth } from './text-fit';

export const VOLUME_HEIGHT = MONTHLY_HEIGHT;

export interface VolumeBar {
	slot: number;
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface VolumeLayout {
	width: number;
	height: number;
	plot: { left: number; right: number; top: number; bottom: number };
	/** Slots with at least one event (empty slots draw nothing). */
	bars: VolumeBar[];
	yTicks: { value: number; y: number }[];
	/** Slots that get a label, and where its centre goes. */
	xTicks: { slot: number; x: number; labelX: number }[];
}

/**
 * @param counts events per slot, oldest first
 * @param labelChars the longest slot label's length, in characters
 * @param formatCount how the count axis writes a number (its labels' length sets the margin)
 */
export function volumeLayout(counts: readonly number[], width: number, labelChars: number, formatCount: (n: number) => string): VolumeLayout {
	const w = Math.max(200, Math.round(width));
	const max = Math.max(0, ...counts);
	const ticks = countTicks(max);
	const yMax = Math.max(ticks[ticks.length - 1] ?? 1, max, 1);
	const valueChars = Math.max(1, ...ticks.map((t) => [...formatCount(t)].length));
	const left = Math.ceil(textWidth(valueChars, AXIS_FONT_SIZE)) + 10;
	const plot = { left, right: w - 8, top: 10, bottom: VOLUME_HEIGHT - 26 };
	const n = counts.length;
	const x = scaleBand<number>()
		.domain(counts.map((_, i) => i))
		.range([plot.left, plot.right])
		.paddingInner(n > 36 ? 0.1 : 0.25)
		.paddingOuter(0.1);
	const y = scaleLinear().domain([0, yMax]).range([plot.bottom, plot.top]);
	const bars: VolumeBar[] = [];
	counts.forEach((c, slot) => {
		if (c <= 0) return;
		// A single event still shows: at least one pixel tall.
		const top = Math.min(y(c), plot.bottom - 1);
		bars.push({ slot, x: x(slot)!, y: top, width: x.bandwidth(), height: plot.bottom - top });
	});
	return {
		width: w,
		height: VOLUME_HEIGHT,
		plot,
		bars,
		yTicks: ticks.map((value) => ({ value, y: y(value) })),
		xTicks: slotTicks(x, n, labelChars, w)
	};
}
