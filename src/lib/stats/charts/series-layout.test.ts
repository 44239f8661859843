import { describe, expect, it } from 'vitest';
import { seriesLayout } from './series-layout';

describe('seriesLayout', () => {
	it('breaks a line where a figure is withheld and puts no dot there', () => {
		const l = seriesLayout(4, [{ key: 'a', colour: '#000000', values: [10, null, 30, 40] }], 400, 8, String);
		const line = l.lines[0]!;
		// Two segments: a lone point, then a line of two.
		expect(line.d.split('M')).toHaveLength(3);
		expect(line.dots).toHaveLength(3);
		expect(line.dots.every((d) => d.y >= l.plot.top && d.y <= l.plot.bottom)).toBe(true);
	});

	it('keeps the labels apart and the newest labelled at 320 px', () => {
		const l = seriesLayout(24, [{ key: 'a', colour: '#000000', values: Array.from({ length: 24 }, (_, i) => i) }], 320, 9, String);
		expect(l.xTicks[l.xTicks.length - 1]!.index).toBe(23);
		for (let i = 1; i < l.xTicks.length; i++) expect(l.xTicks[i]!.x - l.xTicks[i - 1]!.x).toBeGreaterThan(9 * 12 * 0.62);
		expect(l.plot.right).toBeLessThanOrEqual(320);
	});

	it('scales to the largest value with whole-number ticks', () => {
		const l = seriesLayout(2, [{ key: 'a', colour: '#000000', values: [0, 7] }], 300, 4, String);
		expect(l.yTicks.every((t) => Number.isInteger(t.value))).toBe(true);
		expect(l.yTicks[0]!.value).toBe(0);
	});
});
