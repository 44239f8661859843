import { describe, expect, it } from 'vitest';
import type { UsageEvent } from '../../schemas/usage-event';
import { decodeLeaf } from '../../ledger/leaf';
import { eventRowsOf, leafAt, rowAt } from '../usage/event-rows';
import { LeafBodyWriter } from './leaf-body';
import { Ledger } from './ledger';

const writer = new LeafBodyWriter(new Uint8Array(32).fill(4));
const event = (i: number, subject: string, visibility: UsageEvent['visibility'] = 'visible'): UsageEvent => ({
	event_id: `0f8b6f1e-6a7e-4b5e-9a51-${String(i).padStart(12, '0')}`,
	logged_at: '2026-11-20T09:15:00.123+02:00',
	subject_code: subject,
	agency_code: '70008440',
	system: 'RR',
	action: 'Lookup',
	purpose_code: '',
	legal_basis: '',
	actor_code: '',
	case_ref: '',
	data_categories: [],
	intermediary_code: '',
	xroad_client: '',
	xroad_service: '',
	xroad_message_id: '',
	visibility,
	disclose_after: visibility === 'sealed' ? '2030-01-01T00:00:00Z' : null,
	bulk: false
});

function entries(events: UsageEvent[]) {
	const rows = eventRowsOf(events, writer);
	return events.map((_, i) => ({ leaf: leafAt(rows, i), row: rowAt(rows, i) }));
}

const leafOf = (e: { leaf: Uint8Array }) => decodeLeaf(e.leaf.subarray(1));

describe('Ledger sequencing', () => {
	it('numbers in order and links each person’s events, skipping sealed ones and foreign codes alike', () => {
		const ledger = new Ledger();
		const es = entries([event(1, 'EE38001085718'), event(2, 'FI-131052-308T'), event(3, 'EE38001085718', 'sealed'), event(4, 'EE38001085718'), event(5, 'FI-131052-308T')]);
		const a = ledger.assign(es);
		expect(a.first).toBe(0);
		expect(es.map((e) => leafOf(e).prev)).toEqual([null, null, null, 0, 1]);
		expect(es.map((e) => leafOf(e).index)).toEqual([0, 1, 2, 3, 4]);
		// The row's last 8 bytes are its position, little-endian.
		expect(Buffer.from(es[4]!.row.subarray(-8)).readBigUInt64LE()).toBe(4n);
		ledger.apply(a);
		const next = entries([event(6, 'EE38001085718')]);
		ledger.assign(next);
		expect(leafOf(next[0]!)).toMatchObject({ index: 5, prev: 3 });
	});

	it('forgets a group whose insert failed: the same positions and links are given again', () => {
		const ledger = new Ledger();
		ledger.apply(ledger.assign(entries([event(1, 'EE38001085718')])));
		const failed = entries([event(2, 'EE38001085718'), event(3, 'EE47101010033')]);
		const a = ledger.assign(failed);
		expect(() => ledger.assign(entries([event(9, 'EE38001085718')]))).toThrow(/already numbered/);
		ledger.rollback(a);
		const again = entries([event(2, 'EE38001085718'), event(3, 'EE47101010033')]);
		ledger.assign(again);
		expect(again.map((e) => [leafOf(e).index, leafOf(e).prev])).toEqual([
			[1, 0],
			[2, null]
		]);
	});
});
