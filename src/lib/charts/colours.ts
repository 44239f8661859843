/**
 * Chart colours. Every bar colour has at least 3:1 contrast against the white card it is
 * drawn on (WCAG 1.4.11, non-text contrast); colour is never the only carrier of meaning
 * (each chart has a legend or labels, and a table).
 */

/** The agencies' colours in the stacked chart, most uses first. */
export const SERIES_COLOURS = ['#0b4f8a', '#b3541e', '#2f7a3b', '#7b3f98', '#a8326b'] as const;
/** "Other agencies": a neutral grey, still 3:1 on white. */
export const OTHER_COLOUR = '#6b7785';
/** Withheld details (restricted processing): a dark grey, apart from the others. */
export const WITHHELD_COLOUR = '#3d4450';
/** The single-colour bars of the ranking charts. */
export const BAR_COLOUR = '#0b4f8a';
/** The background the charts are drawn on (the card's). */
export const CHART_BACKGROUND = '#ffffff';

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
	const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
		const c = parseInt(h, 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio between two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}
