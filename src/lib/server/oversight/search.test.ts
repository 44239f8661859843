import { describe, expect, it } from 'vitest';
import { cutAfterPairs } from './search';

/** Rows newest pair first: [second, person, id] → a row at that second of 2026-01-01. */
const rows = (spec: [number, string, string][]) =>
	spec.map(([s, subject_code, id]) => ({ logged_at: new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString(), subject_code, id }));

describe('cutAfterPairs', () => {
	it('keeps whole pairs and points "older" at the last one kept', () => {
		const r = rows([
			[9, 'EE2', 'a'],
			[9, 'EE1', 'b'],
			[9, 'EE1', 'c'],
			[8, 'EE1', 'd'],
			[7, 'EE3', 'e']
		]);
		const page = cutAfterPairs(r, 2)!;
		expect(page.events.map((e) => e.id)).toEqual(['a', 'b', 'c']);
		expect(page.older).toEqual({ at: r[2]!.logged_at, subject: 'EE1' });
		expect(cutAfterPairs(r, 3)!.events.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
	});

	it('is null when no further pair shows the last one whole', () => {
		const r = rows([
			[9, 'EE2', 'a'],
			[9, 'EE1', 'b'],
			[9, 'EE1', 'c']
		]);
		expect(cutAfterPairs(r, 2)).toBeNull();
		expect(cutAfterPairs(r, 5)).toBeNull();
		expect(cutAfterPairs([], 1)).toBeNull();
	});
});
