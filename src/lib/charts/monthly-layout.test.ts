import { describe, expect, it } from 'vitest';
import { formatMonth } from '../format';
import { monthsBetween } from './months';
import { countTicks, monthlyLayout } from './monthly-layout';
import { stackMonthly } from './monthly-stack';
import { textWidth } from './text-fit';

const months = monthsBetween({ year: 2024, month: 6 }, { year: 2026, month: 5 });
const rows = months.map((m, i) => ({ month: `${m.year}-${String(m.month).padStart(2, '0')}`, agency: i % 2 ? 'A' : 'B', uses: 1 + ((i * 7) % 13) }));
const st = stackMonthly(rows, months);
const labelChars = Math.max(...months.map((m) => formatMonth(m.year, m.month, 'en').length));

describe('countTicks', () => {
	it('gives whole numbers from 0, covering the maximum', () => {
		expect(countTicks(0)).toEqual([0, 1]);
		expect(countTicks(3)).toEqual([0, 1, 2, 3]);
		const t = countTicks(37);
		expect(t[0]).toBe(0);
		expect(t.every(Number.isInteger)).toBe(true);
		expect(t[t.length - 1]).toBeGreaterThanOrEqual(37);
		expect(t.length).toBeLessThanOrEqual(6);
	});
});

describe('monthlyLayout', () => {
	for (const width of [320, 640, 1100]) {
		it(`keeps bars and labels inside a ${width} px chart, month labels apart`, () => {
			const l = monthlyLayout(st, width, labelChars, String);
			expect(l.width).toBe(width);
			for (const r of l.rects) {
				expect(r.x).toBeGreaterThanOrEqual(l.plot.left);
				expect(r.x + r.width).toBeLessThanOrEqual(l.plot.right + 1e-9);
				expect(r.y).toBeGreaterThanOrEqual(l.plot.top - 1e-9);
				expect(r.y + r.height).toBeLessThanOrEqual(l.plot.bottom + 1e-9);
			}
			const ticksWidth = Math.max(...l.yTicks.map((t) => textWidth(String(t.value).length, 12)));
			expect(l.plot.left - 6 - ticksWidth).toBeGreaterThanOrEqual(0);
			const half = textWidth(labelChars, 12) / 2;
			for (const t of l.xTicks) {
				expect(t.labelX - half).toBeGreaterThanOrEqual(0);
				expect(t.labelX + half).toBeLessThanOrEqual(width);
			}
			for (let i = 1; i < l.xTicks.length; i++) expect(l.xTicks[i]!.labelX - l.xTicks[i - 1]!.labelX).toBeGreaterThanOrEqual(2 * half);
			// The newest month always has its label.
			expect(l.xTicks[l.xTicks.length - 1]!.month).toBe(months.length - 1);
		});
	}

	it('draws each month’s stack as tall as its total, on the count scale', () => {
		const l = monthlyLayout(st, 640, labelChars, String);
		const top = l.yTicks[l.yTicks.length - 1]!;
		const unit = (l.plot.bottom - top.y) / top.value;
		months.forEach((_, i) => {
			const height = l.rects.filter((r) => r.month === i).reduce((sum, r) => sum + r.height, 0);
			expect(height).toBeCloseTo(st.totals[i]! * unit, 6);
		});
	});

	it('lays out an empty period without bars', () => {
		const l = monthlyLayout(stackMonthly([], months.slice(0, 1)), 320, labelChars, String);
		expect(l.rects).toEqual([]);
		expect(l.xTicks).toHaveLength(1);
	});
});
