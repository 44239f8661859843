/**
 * The hour × weekday heat map: where each of the 7 × 24 cells goes and its colour, for a
 * chart drawn at a given width (one viewBox unit is one CSS pixel). d3's sequential scale
 * colours the cells; every cell wide enough also shows its count as text, in a colour with
 * at least 4.5:1 contrast on its fill, so colour is never the only carrier (the table beside
 * the chart has every count too).
 */
import { color, interpolateBlues, scaleSequential } from 'd3';
import { contrastRatio } from './colours';
import { HOURS, WEEKDAYS, type HourWeekdayMatrix } from './hour-weekday';
import { textWidth } from './text-fit';

export const HEATMAP_FONT_SIZE = 12;
const CELL_FONT_SIZE = 11;
/** Cells with no events: the page's light surface, apart from the lightest colour. */
export const EMPTY_CELL = '#f4f6f9';
const DARK_TEXT = '#1a1f26';
const LIGHT_TEXT = '#ffffff';
/** Non-empty cells start a little into the scale, so one event never looks empty. */
const LOWEST = 0.18;

export interface HeatCell {
	weekday: number;
	hour: number;
	events: number;
	x: number;
	y: number;
	fill: string;
	/** The count as text in the cell, when it fits. */
	showCount: boolean;
	textFill: string;
}

export interface HeatmapLayout {
	width: number;
	height: number;
	cellWidth: number;
	cellHeight: number;
	plot: { left: number; top: number; right: number; bottom: number };
	cells: HeatCell[];
	/** Hours that get a label above their column. */
	hourTicks: { hour: number; x: number }[];
	weekdayRows: { weekday: number; y: number }[];
	/** The colour ramp under the map: its box and gradient stops (offset 0-1). */
	legend: { x: number; y: number; width: number; height: number; stops: { offset: number; colour: string }[] };
	max: number;
}

/**
 * The fill of a cell by its count, on d3's sequential scale over [0, max]: from a light blue
 * (LOWEST into the ramp, so one event never looks empty) to the darkest; no events: EMPTY_CELL.
 */
export function heatColour(max: number): (events: number) => string {
	const scale = scaleSequential((t: number) => interpolateBlues(LOWEST + (1 - LOWEST) * t)).domain([0, Math.max(1, max)]);
	return (events) => (events <= 0 ? EMPTY_CELL : color(scale(events))!.formatHex());
}

/** Dark or white text, whichever has the better contrast on a fill. */
export function textOn(fill: string): string {
	return contrastRatio(DARK_TEXT, fill) >= contrastRatio(LIGHT_TEXT, fill) ? DARK_TEXT : LIGHT_TEXT;
}

/**
 * @param weekdayChars the longest weekday label's length, in characters
 * @param countChars the longest formatted count's length, in characters
 */
export function heatmapLayout(m: HourWeekdayMatrix, width: number, weekdayChars: number, countChars: number): HeatmapLayout {
	const w = Math.max(200, Math.round(width));
	// One character to spare: short weekday names are often wide letters ("Wed", "Пн").
	const left = Math.ceil(textWidth(Math.max(1, weekdayChars) + 1, HEATMAP_FONT_SIZE)) + 8;
	const top = HEATMAP_FONT_SIZE + 10;
	const right = w - 4;
	const cellWidth = (right - left) / HOURS.length;
	const cellHeight = Math.max(20, Math.min(30, cellWidth));
	const bottom = top + cellHeight * WEEKDAYS.length;
	const max = Math.max(0, ...m.flat());
	const fits = textWidth(Math.max(1, countChars), CELL_FONT_SIZE) + 4 <= cellWidth;

	const fillOf = heatColour(max);

	const cells: HeatCell[] = [];
	WEEKDAYS.forEach((weekday, d) => {
		HOURS.forEach((hour) => {
			const events = m[d]?.[hour] ?? 0;
			const fill = fillOf(events);
			cells.push({ weekday, hour, events, x: left + hour * cellWidth, y: top + d * cellHeight, fill, showCount: fits && events > 0, textFill: textOn(fill) });
		});
	});

	// Hour labels ("00", "06") every k-th hour, k dividing 24, so they never touch.
	const labelWidth = textWidth(2, HEATMAP_FONT_SIZE) + 6;
	const every = [1, 2, 3, 4, 6, 12].find((k) => k * cellWidth >= labelWidth) ?? 12;
	const hourTicks = HOURS.filter((h) => h % every === 0).map((hour) => ({ hour, x: left + (hour + 0.5) * cellWidth }));

	const legendWidth = Math.min(240, right - left);
	// The ramp from one event's colour to the busiest cell's.
	const stops = [0, 0.25, 0.5, 0.75, 1].map((offset) => ({ offset, colour: fillOf(Math.max(1e-9, offset * Math.max(1, max))) }));
	return {
		width: w,
		height: bottom + 44,
		cellWidth,
		cellHeight,
		plot: { left, top, right, bottom },
		cells,
		hourTicks,
		weekdayRows: WEEKDAYS.map((weekday, d) => ({ weekday, y: top + (d + 0.5) * cellHeight })),
		legend: { x: left, y: bottom + 12, width: legendWidth, height: 10, stops },
		max
	};
}
