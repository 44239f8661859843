import { describe, expect, it } from 'vitest';
import { volumeLayout } from './volume-layout';
import { textWidth } from './text-fit';

const weeks = Array.from({ length: 53 }, (_, i) => (i * 37) % 11);

describe('volumeLayout', () => {
	for (const width of [320, 640, 1100]) {
		it(`keeps bars and labels inside a ${width} px chart, labels apart, the newest labelled`, () => {
			const l = volumeLayout(weeks, width, 11, String);
			expect(l.width).toBe(width);
			for (const b of l.bars) {
				expect(b.x).toBeGreaterThanOrEqual(l.plot.left);
				expect(b.x + b.width).toBeLessThanOrEqual(l.plot.right + 1e-9);
				expect(b.y).toBeGreaterThanOrEqual(l.plot.top - 1e-9);
				expect(b.y + b.height).toBeCloseTo(l.plot.bottom, 9);
			}
			const half = textWidth(11, 12) / 2;
			for (const t of l.xTicks) {
				expect(t.labelX - half).toBeGreaterThanOrEqual(0);
				expect(t.labelX + half).toBeLessThanOrEqual(width);
			}
			for (let i = 1; i < l.xTicks.length; i++) expect(l.xTicks[i]!.labelX - l.xTicks[i - 1]!.labelX).toBeGreaterThanOrEqual(2 * half);
			expect(l.xTicks[l.xTicks.length - 1]!.slot).toBe(weeks.length - 1);
		});
	}

	it('draws each slot as tall as its count on the count scale, empty slots not at all', () => {
		const counts = [0, 4, 2, 0, 7];
		const l = volumeLayout(counts, 640, 8, String);
		expect(l.bars.map((b) => b.slot)).toEqual([1, 2, 4]);
		const top = l.yTicks[l.yTicks.length - 1]!;
		const unit = (l.plot.bottom - top.y) / top.value;
		for (const b of l.bars) expect(b.height).toBeCloseTo(counts[b.slot]! * unit, 6);
		expect(l.yTicks.every((t) => Number.isInteger(t.value))).toBe(true);
	});

	it('shows one event among thousands as a visible bar', () => {
		const l = volumeLayout([10_000, 1], 640, 8, String);
		expect(l.bars[1]!.height).toBeGreaterThanOrEqual(1);
	});

	it('lays out a period without events', () => {
		const l = volumeLayout([0, 0, 0], 320, 8, String);
		expect(l.bars).toEqual([]);
		expect(l.yTicks.map((t) => t.value)).toEqual([0, 1]);
	});
});
