/**
 * A ranked list as horizontal bars: each item's name on a line of its own above its bar
 * (so long agency and system names fit at 320 px), the count after the bar's end. d3's
 * linear scale maps counts to lengths.
 */
import { scaleLinear } from 'd3';
import { fitLabel, textWidth } from './text-fit';

export const BAR_LABEL_FONT_SIZE = 14;
const LABEL_LINE = 20;
const BAR_HEIGHT = 16;
const ROW_GAP = 12;
/** Labels start a little in: a glyph's side bearing can reach left of its x. */
export const LABEL_INSET = 2;

export interface BarRow {
	label: string;
	labelY: number;
	barY: number;
	barWidth: number;
	barHeight: number;
	valueX: number;
	valueY: number;
}

export interface BarListLayout {
	width: number;
	height: number;
	rows: BarRow[];
}

/**
 * @param items names and counts, in the order to draw them
 * @param valueChars the longest formatted count's length, in characters
 */
export function barListLayout(items: readonly { label: string; value: number }[], width: number, valueChars: number): BarListLayout {
	const w = Math.max(200, Math.round(width));
	const valueSpace = Math.ceil(textWidth(Math.max(1, valueChars), BAR_LABEL_FONT_SIZE)) + 8;
	const max = Math.max(1, ...items.map((i) => i.value));
	const length = scaleLinear().domain([0, max]).range([0, w - valueSpace - 2]);
	const rowHeight = LABEL_LINE + BAR_HEIGHT + ROW_GAP;
	const rows = items.map((item, i): BarRow => {
		const top = i * rowHeight;
		// A non-zero count always shows as a visible bar.
		const barWidth = item.value > 0 ? Math.max(2, length(item.value)) : 0;
		return {
			label: fitLabel(item.label, w - 2 * LABEL_INSET, BAR_LABEL_FONT_SIZE),
			labelY: top + LABEL_LINE - 6,
			barY: top + LABEL_LINE,
			barWidth,
			barHeight: BAR_HEIGHT,
			valueX: barWidth + 6,
			valueY: top + LABEL_LINE + BAR_HEIGHT / 2
		};
	});
	return { width: w, height: Math.max(rowHeight, items.length * rowHeight - ROW_GAP + 2), rows };
}
