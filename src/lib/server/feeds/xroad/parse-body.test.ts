import { describe, expect, it } from 'vitest';
import { record } from '../../../schemas/xroad-opmonitoring.fixture';
import { BodyFormatError, MAX_RECORDS_PER_BATCH, parseOpmonBody } from './parse-body';

const bytes = (s: string) => new Uint8Array(Buffer.from(s));
const r = (n: number, extra: Record<string, unknown> = {}) => record({ messageId: `m-${n}`, ...extra });

describe('parseOpmonBody', () => {
	it('reads {"records": [...]}, a bare array and NDJSON alike, numbering records from 1', () => {
		const recs = [r(1), r(2, { succeeded: 'no' }), r(3)];
		const wrapped = parseOpmonBody(bytes(JSON.stringify({ records: recs, nextRecordsFrom: 1_700_000_100 })), 'json');
		const array = parseOpmonBody(bytes('\ufeff' + JSON.stringify(recs)), 'json');
		const ndjson = parseOpmonBody(bytes(recs.map((x) => JSON.stringify(x)).join('\n') + '\n'), 'ndjson');
		for (const p of [wrapped, array, ndjson]) {
			expect(p.valid.map((v) => [v.line, v.record.messageId])).toEqual([
				[1, 'm-1'],
				[3, 'm-3']
			]);
			expect(p.rejected).toEqual([{ line: 2, field: 'succeeded', message: expect.any(String) }]);
		}
	});

	it('counts blank NDJSON lines and reports bad JSON by position, never quoting it', () => {
		const body = [JSON.stringify(r(1)), '', '{"messageUserId": "EE-SECRET-1", oops}', JSON.stringify(r(2))].join('\n');
		const p = parseOpmonBody(bytes(body), 'ndjson');
		expect(p.valid.map((v) => v.line)).toEqual([1, 4]);
		expect(p.rejected).toEqual([{ line: 3, field: '', message: expect.stringMatching(/^not valid JSON/) }]);
		expect(JSON.stringify(p)).not.toContain('SECRET');
	});

	it('refuses a body that is not records, or not JSON, without quoting it', () => {
		for (const body of ['{"messageUserId": "EE-SECRET-2"}', '42', '{"records": 1}']) {
			expect(() => parseOpmonBody(bytes(body), 'json')).toThrow(/records/);
		}
		try {
			parseOpmonBody(bytes('{"records": [{"messageUserId": "EE-SECRET-3" ]}'), 'json');
			expect.unreachable();
		} catch (err) {
			expect(err).toBeInstanceOf(BodyFormatError);
			expect((err as Error).message).toMatch(/not valid JSON/);
			expect((err as Error).message).not.toContain('SECRET');
		}
	});

	it('refuses more than the batch limit', () => {
		expect(() => parseOpmonBody(bytes(JSON.stringify({ records: Array(MAX_RECORDS_PER_BATCH + 1).fill({}) })), 'json')).toThrow(/at most/);
		expect(() => parseOpmonBody(bytes('{}\n'.repeat(MAX_RECORDS_PER_BATCH + 1)), 'ndjson')).toThrow(/at most/);
	});
});
