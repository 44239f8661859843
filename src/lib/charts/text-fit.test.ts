import { describe, expect, it } from 'vitest';
import { fitLabel, textWidth } from './text-fit';

describe('fitLabel', () => {
	it('keeps a label that fits', () => {
		expect(fitLabel('Tax and Customs Board', 400, 14)).toBe('Tax and Customs Board');
	});

	it('shortens a long label with an ellipsis, within the width', () => {
		const label = fitLabel('Centre of Registers and Information Systems (RIK)', 200, 14);
		expect(label.endsWith('…')).toBe(true);
		expect(textWidth([...label].length, 14)).toBeLessThanOrEqual(200);
		expect(label.startsWith('Centre of')).toBe(true);
	});

	it('counts characters, not UTF-16 units', () => {
		expect(fitLabel('Департамент', 1000, 14)).toBe('Департамент');
		expect(fitLabel('😀😀😀😀😀😀', 3 * 14 * 0.62, 14)).toBe('😀😀…');
	});

	it('falls back to an ellipsis when nothing fits', () => {
		expect(fitLabel('Tax', 5, 14)).toBe('…');
	});
});
