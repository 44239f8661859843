import { describe, expect, it } from 'vitest';
import { defaultRange, latestFullPeriod, wholeYears } from './periods';

const months = ['2024-11', '2024-12', '2025-01', '2025-02', '2025-03'];

describe('periods', () => {
	it('the latest full month is the one before the release month', () => {
		expect(latestFullPeriod(months, '2025-03', 'month')).toBe('2025-02');
		expect(latestFullPeriod(months, '2024-11', 'month')).toBe('2025-03');
		expect(latestFullPeriod(['2024', '2025'], '2025-06', 'year')).toBe('2024');
		expect(latestFullPeriod([], '2025-06', 'year')).toBeNull();
	});

	it('the default range ends at the given period', () => {
		expect(defaultRange(months, '2025-02', 3)).toEqual({ from: '2024-12', to: '2025-02' });
		expect(defaultRange(months, '2025-02', 12)).toEqual({ from: '2024-11', to: '2025-02' });
		expect(defaultRange(months, null, 12)).toBeNull();
	});

	it('whole years have twelve months', () => {
		const y = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
		expect(wholeYears([...months, ...y.slice(3)])).toEqual(['2025']);
		expect(wholeYears(months)).toEqual([]);
	});
});
