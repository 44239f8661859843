import { describe, expect, it } from 'vitest';
import { BAR_COLOUR, CHART_BACKGROUND, OTHER_COLOUR, SERIES_COLOURS, WITHHELD_COLOUR, contrastRatio } from './colours';

describe('chart colours', () => {
	it('computes WCAG contrast ratios', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
	});

	it('every bar colour has at least 3:1 against the chart background (WCAG 1.4.11)', () => {
		for (const c of [...SERIES_COLOURS, OTHER_COLOUR, WITHHELD_COLOUR, BAR_COLOUR]) {
			expect(contrastRatio(c, CHART_BACKGROUND), c).toBeGreaterThanOrEqual(3);
		}
	});

	it('gives every series its own colour', () => {
		const all = [...SERIES_COLOURS, OTHER_COLOUR, WITHHELD_COLOUR];
		expect(new Set(all).size).toBe(all.length);
	});

	it('refuses what is not #rrggbb', () => {
		expect(() => contrastRatio('red', '#ffffff')).toThrow(/rrggbb/);
	});
});
