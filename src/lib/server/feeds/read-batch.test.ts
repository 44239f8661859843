import { describe, expect, it } from 'vitest';
import { fail } from '../../schemas/feed-common';
import { BatchFormatError, readFeedBatch } from './read-batch';

/** A validator that wants { n: number }. */
const check = (v: unknown) => {
	const n = (v as { n?: unknown }).n;
	return typeof n === 'number' ? { ok: true as const, value: n } : fail('n', 'must be a number');
};
const bytes = (s: string) => new TextEncoder().encode(s);

describe('readFeedBatch', () => {
	it('NDJSON: numbers lines from 1, counts blank lines, names each bad line and field', () => {
		const r = readFeedBatch(bytes('{"n":1}\n\n{"n":"x"}\n{oops\n[1]\n{"n":2}'), 'ndjson', check);
		expect(r.valid).toEqual([1, 2]);
		expect(r.rejected).toEqual([
			{ line: 3, field: 'n', message: 'must be a number' },
			{ line: 4, field: '', message: expect.stringMatching(/^not valid JSON/) },
			{ line: 5, field: '', message: 'must be a JSON object' }
		]);
	});

	it('JSON: an array, each element a line; anything else is a format error', () => {
		expect(readFeedBatch(bytes('[{"n":1},null]'), 'json', check)).toEqual({ valid: [1], rejected: [{ line: 2, field: '', message: 'must be a JSON object' }] });
		expect(() => readFeedBatch(bytes('{"n":1}'), 'json', check)).toThrow(BatchFormatError);
		expect(() => readFeedBatch(bytes('[1,'), 'json', check)).toThrow(/not valid JSON/);
	});

	it('refuses more records than the limit', () => {
		expect(() => readFeedBatch(bytes('{"n":1}\n{"n":2}\n{"n":3}'), 'ndjson', check, 2)).toThrow(/at most 2 records/);
		expect(() => readFeedBatch(bytes('[{"n":1},{"n":2},{"n":3}]'), 'json', check, 2)).toThrow(/at most 2/);
	});
});
