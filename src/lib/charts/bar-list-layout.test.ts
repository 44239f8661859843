import { describe, expect, it } from 'vitest';
import { barListLayout, BAR_LABEL_FONT_SIZE } from './bar-list-layout';
import { textWidth } from './text-fit';

const items = [
	{ label: 'Centre of Registers and Information Systems (RIK)', value: 120 },
	{ label: 'Tax and Customs Board', value: 60 },
	{ label: 'Health Insurance Fund', value: 1 }
];

describe('barListLayout', () => {
	it('draws bars in proportion to their counts, the largest leaving room for its count', () => {
		const l = barListLayout(items, 640, 3);
		const [a, b] = l.rows;
		expect(b!.barWidth / a!.barWidth).toBeCloseTo(0.5, 6);
		expect(a!.valueX + textWidth(3, BAR_LABEL_FONT_SIZE)).toBeLessThanOrEqual(640);
	});

	it('keeps every label and count inside a 320 px chart', () => {
		const l = barListLayout(items, 320, 3);
		for (const row of l.rows) {
			expect(textWidth([...row.label].length, BAR_LABEL_FONT_SIZE)).toBeLessThanOrEqual(320);
			expect(row.valueX + textWidth(3, BAR_LABEL_FONT_SIZE)).toBeLessThanOrEqual(320);
		}
		expect(l.rows[0]!.label.endsWith('…')).toBe(true);
	});

	it('shows a small count as a visible bar, stacks rows without overlap', () => {
		const l = barListLayout(items, 640, 3);
		expect(l.rows[2]!.barWidth).toBeGreaterThanOrEqual(2);
		for (let i = 1; i < l.rows.length; i++) expect(l.rows[i]!.labelY - BAR_LABEL_FONT_SIZE).toBeGreaterThan(l.rows[i - 1]!.barY + l.rows[i - 1]!.barHeight);
		expect(l.height).toBeGreaterThan(l.rows[2]!.barY + l.rows[2]!.barHeight);
	});
});
