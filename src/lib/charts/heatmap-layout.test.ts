import { describe, expect, it } from 'vitest';
import { CHART_BACKGROUND, contrastRatio, relativeLuminance } from './colours';
import { EMPTY_CELL, HEATMAP_FONT_SIZE, heatColour, heatmapLayout, textOn } from './heatmap-layout';
import { hourWeekdayMatrix } from './hour-weekday';
import { textWidth } from './text-fit';

const m = hourWeekdayMatrix([
	{ weekday: 1, hour: 9, events: 40 },
	{ weekday: 1, hour: 10, events: 12 },
	{ weekday: 3, hour: 14, events: 1 },
	{ weekday: 7, hour: 23, events: 120 }
]);

describe('heatmapLayout', () => {
	for (const width of [320, 640, 1100]) {
		it(`places 7 × 24 cells inside a ${width} px chart, in rows by weekday and columns by hour`, () => {
			const l = heatmapLayout(m, width, 3, 3);
			expect(l.cells).toHaveLength(168);
			for (const c of l.cells) {
				expect(c.x).toBeCloseTo(l.plot.left + c.hour * l.cellWidth, 9);
				expect(c.y).toBeCloseTo(l.plot.top + (c.weekday - 1) * l.cellHeight, 9);
				expect(c.x + l.cellWidth).toBeLessThanOrEqual(width + 1e-9);
			}
			expect(l.cells.find((c) => c.weekday === 7 && c.hour === 23)!.events).toBe(120);
			expect(l.legend.x + l.legend.width).toBeLessThanOrEqual(width);
			expect(l.height).toBeGreaterThan(l.legend.y + l.legend.height);
			// Weekday labels (drawn ending 6 px left of the cells) fit, with a character to spare.
			expect(l.plot.left - 6 - textWidth(4, HEATMAP_FONT_SIZE)).toBeGreaterThanOrEqual(0);
			// Hour labels never touch, and midnight is labelled.
			expect(l.hourTicks[0]!.hour).toBe(0);
			for (let i = 1; i < l.hourTicks.length; i++) expect(l.hourTicks[i]!.x - l.hourTicks[i - 1]!.x).toBeGreaterThanOrEqual(textWidth(2, HEATMAP_FONT_SIZE));
			expect(24 % l.hourTicks.length).toBe(0);
		});
	}

	it('shows counts in the cells only where they fit, in a readable colour', () => {
		const narrow = heatmapLayout(m, 320, 3, 3);
		expect(narrow.cells.some((c) => c.showCount)).toBe(false);
		const wide = heatmapLayout(m, 1100, 3, 3);
		const shown = wide.cells.filter((c) => c.showCount);
		expect(shown.map((c) => c.events).sort((a, b) => a - b)).toEqual([1, 12, 40, 120]);
		for (const c of shown) expect(contrastRatio(c.textFill, c.fill)).toBeGreaterThanOrEqual(4.5);
	});

	it('colours on a sequential scale: more events, darker; empty cells apart; the busiest the darkest', () => {
		const colour = heatColour(120);
		expect(colour(0)).toBe(EMPTY_CELL);
		const lum = [1, 12, 40, 120].map((n) => relativeLuminance(colour(n)));
		for (let i = 1; i < lum.length; i++) expect(lum[i]!).toBeLessThan(lum[i - 1]!);
		expect(colour(1)).not.toBe(EMPTY_CELL);
		expect(colour(1)).not.toBe(CHART_BACKGROUND);
		const l = heatmapLayout(m, 640, 3, 3);
		expect(l.legend.stops[0]!.colour).toBe(colour(1e-9));
		expect(l.legend.stops[l.legend.stops.length - 1]!.colour).toBe(colour(120));
	});

	it('picks dark text on light fills and white on dark ones', () => {
		expect(textOn('#ffffff')).toBe('#1a1f26');
		expect(textOn('#08306b')).toBe('#ffffff');
	});

	it('lays out a map without events: every cell empty, a ramp still drawn', () => {
		const l = heatmapLayout(hourWeekdayMatrix([]), 320, 3, 1);
		expect(l.max).toBe(0);
		expect(l.cells.every((c) => c.fill === EMPTY_CELL && !c.showCount)).toBe(true);
	});
});
