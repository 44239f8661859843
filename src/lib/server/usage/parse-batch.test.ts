import { describe, expect, it } from 'vitest';
import { decodeEventRows } from '../../../../tests/support/event-rows-decoder';
import { LeafBodyWriter } from '../ledger/leaf-body';
import { BatchFormatError, MAX_EVENTS_PER_BATCH, parseBody as parse, type BodyKind } from './parse-batch';

const leaves = new LeafBodyWriter(new Uint8Array(32).fill(3));
const parseBody = (bytes: Uint8Array, kind: BodyKind, agency: string) => parse(bytes, kind, agency, leaves);

const AGENCY = '70008440';
const event = (n: number, extra: Record<string, unknown> = {}) => ({
	event_id: `0f8b6f1e-6a7e-4b5e-9a51-${String(n).padStart(12, '0')}`,
	logged_at: '2026-11-20T09:15:00+02:00',
	subject_code: 'EE38001085718',
	agency_code: AGENCY,
	system: 'RR',
	action: 'Aadressi kontroll',
	legal_basis: 'Rahvastikuregistri seadus § 41',
	...extra
});
const bytes = (s: string) => new Uint8Array(Buffer.from(s));

describe('parseBody (NDJSON)', () => {
	it('validates line by line, counting blank lines, and keeps the valid ones with defaults filled in', () => {
		const body = [
			'\ufeff' + JSON.stringify(event(1)),
			'',
			'not json',
			JSON.stringify(event(2, { subject_code: 'EE38001085719' })),
			'  ' + JSON.stringify(event(3, { data_categories: ['identity'] })) + '\r',
			JSON.stringify(event(4, { agency_code: '70000001' })),
			''
		].join('\n');
		const r = parseBody(bytes(body), 'ndjson', AGENCY);
		expect(r.valid.ids).toEqual([event(1).event_id, event(3).event_id]);
		expect(r.rejected.map((x) => [x.line, x.field])).toEqual([
			[3, ''],
			[4, 'subject_code'],
			[6, 'agency_code']
		]);
		const [first, second] = decodeEventRows(r.valid);
		expect(first).toMatchObject({
			...event(1),
			logged_at: Date.UTC(2026, 10, 20, 7, 15),
			purpose_code: '',
			visibility: 'visible',
			bulk: false,
			disclose_after: null
		});
		expect(second!.data_categories).toEqual(['identity']);
		expect(second!.legal_basis).toBe('Rahvastikuregistri seadus § 41');
	});

	it('lowercases event ids in both the id list and the stored line', () => {
		const id = 'ABCDEF12-6A7E-4B5E-9A51-2F3C1D2E4B01';
		const r = parseBody(bytes(JSON.stringify(event(1, { event_id: id }))), 'ndjson', AGENCY);
		expect(r.valid.ids).toEqual([id.toLowerCase()]);
		expect(decodeEventRows(r.valid)[0]!.event_id).toBe(id.toLowerCase());
	});

	it('refuses more events than a request may carry, naming the line', () => {
		const line = JSON.stringify(event(1));
		const body = Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, () => line).join('\n');
		expect(() => parseBody(bytes(body), 'ndjson', AGENCY)).toThrow(new BatchFormatError(`at most ${MAX_EVENTS_PER_BATCH} events per request (line ${MAX_EVENTS_PER_BATCH + 1})`));
	});
});

describe('parseBody (JSON array)', () => {
	it('counts elements as lines', () => {
		const r = parseBody(bytes(JSON.stringify([event(1), 'x', event(2)])), 'json', AGENCY);
		expect(r.valid.ids).toEqual([event(1).event_id, event(2).event_id]);
		expect(r.rejected).toEqual([{ line: 2, field: '', message: 'must be a JSON object' }]);
	});

	it('refuses a body that is not an array', () => {
		expect(() => parseBody(bytes('{}'), 'json', AGENCY)).toThrow(BatchFormatError);
	});
});
