import { describe, expect, it } from 'vitest';
import { decodeEventRows } from '../../../../tests/support/event-rows-decoder';
import type { UsageEvent } from '../../schemas/usage-event';
import { fingerprint } from './event-id-filter';
import { LeafBodyWriter } from '../ledger/leaf-body';
import { EventRowsBuilder, eventRowsOf as rowsOf, rowAt } from './event-rows';

const leaves = new LeafBodyWriter(new Uint8Array(32).fill(9));
const eventRowsOf = (events: UsageEvent[]) => rowsOf(events, leaves);

const base: UsageEvent = {
	event_id: '0f8b6f1e-6a7e-4b5e-9a51-2f3c1d2e4b01',
	logged_at: '2026-11-20T09:15:00.123+02:00',
	subject_code: 'EE38001085718',
	agency_code: '70008440',
	system: 'RR',
	action: 'Aadressi kontroll',
	purpose_code: 'ADDR-CHECK',
	legal_basis: 'Rahvastikuregistri seadus § 41',
	actor_code: '',
	case_ref: '',
	data_categories: ['identity', 'contact.address'],
	intermediary_code: '',
	xroad_client: '',
	xroad_service: '',
	xroad_message_id: '',
	visibility: 'visible',
	disclose_after: null,
	bulk: false
};

describe('EventRowsBuilder', () => {
	it('writes each field in the row layout, times as milliseconds', () => {
		const sealed = {
			...base,
			event_id: 'ABCDEF01-2345-6789-ABCD-EF0123456789',
			visibility: 'sealed' as const,
			disclose_after: '2031-01-01T00:00:00Z',
			bulk: true,
			data_categories: []
		};
		const rows = eventRowsOf([base, sealed]);
		expect(rows.ids).toEqual([base.event_id, sealed.event_id]);
		const [a, b] = decodeEventRows(rows);
		expect(a).toEqual({ ...base, logged_at: Date.UTC(2026, 10, 20, 7, 15, 0, 123), ledger_index: 0 });
		expect(b).toEqual({
			...sealed,
			event_id: sealed.event_id.toLowerCase(),
			logged_at: Date.UTC(2026, 10, 20, 7, 15, 0, 123),
			disclose_after: Date.UTC(2031, 0, 1),
			ledger_index: 0
		});
	});

	it('prefixes long and non-ASCII texts with their byte length', () => {
		const long = { ...base, action: 'Päring § '.repeat(33), legal_basis: 'ж'.repeat(300), case_ref: 'x'.repeat(127) };
		const [d] = decodeEventRows(eventRowsOf([long]));
		expect(d!.action).toBe(long.action);
		expect(d!.legal_basis).toBe(long.legal_basis);
		expect(d!.case_ref).toBe(long.case_ref);
	});

	it('grows past its first buffer without losing a byte, with offsets for each row', () => {
		const b = new EventRowsBuilder(leaves, 1024);
		const events = Array.from({ length: 300 }, (_, i) => ({
			...base,
			event_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
			action: 'õ'.repeat(i % 200),
			data_categories: Array.from({ length: i % 5 }, (_, k) => `cat.${k}`)
		}));
		for (const e of events) b.add(e);
		const rows = b.finish();
		const decoded = decodeEventRows(rows);
		expect(decoded.map((d) => d.event_id)).toEqual(events.map((e) => e.event_id));
		expect(decoded.map((d) => d.action)).toEqual(events.map((e) => e.action));
		expect(decodeEventRows({ ids: [rows.ids[7]!], body: rowAt(rows, 7), offsets: new Uint32Array([0, rowAt(rows, 7).byteLength]), fingerprints: rows.fingerprints.slice(14, 16), leaves: rows.leaves, leafOffsets: rows.leafOffsets.slice(7, 9) })[0]!.action).toBe(events[7]!.action);
	});

	it('reads each event_id\'s fingerprint as it encodes it, as the duplicate filter computes it', () => {
		const ids = ['0f8b6f1e-6a7e-4b5e-9a51-2f3c1d2e4b01', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', '00000000-0000-4000-8000-000000000000', 'a1b2c3d4-e5f6-4789-9abc-def012345678'];
		const rows = eventRowsOf(ids.map((event_id) => ({ ...base, event_id })));
		expect([...rows.fingerprints]).toEqual(ids.flatMap((id) => fingerprint(id)));
	});

	it('gives an empty batch no rows', () => {
		const rows = new EventRowsBuilder(leaves).finish();
		expect(rows.ids).toEqual([]);
		expect(rows.fingerprints.length).toBe(0);
		expect(rows.body.byteLength).toBe(0);
		expect([...rows.offsets]).toEqual([0]);
	});

	it('never hands out a buffer from the shared pool (it may be transferred)', () => {
		const rows = eventRowsOf([base]);
		expect(rows.body.buffer.byteLength).toBeGreaterThanOrEqual(1024);
		expect(rows.body.byteOffset).toBe(0);
	});

	it('refuses an event that was not validated', () => {
		expect(() => eventRowsOf([{ ...base, event_id: 'not-a-uuid' }])).toThrow(/not a UUID/);
		expect(() => eventRowsOf([{ ...base, event_id: `${base.event_id}00` }])).toThrow(/not a UUID/);
		expect(() => eventRowsOf([{ ...base, logged_at: 'yesterday' }])).toThrow(/logged_at/);
	});

	it('is left as it was by an event it refuses', () => {
		const b = new EventRowsBuilder(leaves);
		b.add(base);
		expect(() => b.add({ ...base, event_id: 'x' })).toThrow();
		expect(() => b.add({ ...base, disclose_after: 'soon' })).toThrow(/disclose_after/);
		const rows = b.finish();
		expect(rows.ids).toEqual([base.event_id]);
		expect([...rows.fingerprints]).toEqual(fingerprint(base.event_id));
		expect(decodeEventRows(rows)).toHaveLength(1);
	});
});
