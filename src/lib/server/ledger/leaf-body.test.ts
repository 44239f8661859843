import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import type { UsageEvent } from '../../schemas/usage-event';
import { decodeLeaf, detailsDigest, encodeLeaf, oversightDigest, uuidBytes } from '../../ledger/leaf';
import { hashLeaf } from '../../ledger/merkle';
import { eventRowsOf, leafAt } from '../usage/event-rows';
import { LEAF_PREFIX_BYTES, LeafBodyWriter, writeLeafHeader } from './leaf-body';

const event: UsageEvent = {
	event_id: '0f8b6f1e-6a7e-4b5e-9a51-2f3c1d2e4b01',
	logged_at: '2026-11-20T09:15:00.123+02:00',
	subject_code: 'EE38001085718',
	agency_code: '70008440',
	system: 'RR',
	action: 'Päring § 41 — ж',
	purpose_code: 'ADDR-CHECK',
	legal_basis: 'Rahvastikuregistri seadus § 41',
	actor_code: 'EE47101010033',
	case_ref: 'K-2026/7',
	data_categories: ['identity', 'contact.address'],
	intermediary_code: '70000001',
	xroad_client: 'EE/GOV/70000001/sys',
	xroad_service: 'EE/GOV/70008440/rr/query/v1',
	xroad_message_id: 'm-1',
	visibility: 'restricted',
	disclose_after: null,
	bulk: true
};
const LOGGED_AT = Date.UTC(2026, 10, 20, 7, 15, 0, 123);

describe('LeafBodyWriter', () => {
	const writer = new LeafBodyWriter(new Uint8Array(32).fill(5));

	it('writes exactly the bytes of the reference encoder, header included', () => {
		const cases: [UsageEvent, number | null][] = [
			[event, 17],
			[{ ...event, visibility: 'sealed', disclose_after: '2031-01-01T00:00:00Z', data_categories: [], bulk: false }, null],
			[{ ...event, visibility: 'visible', action: 'x'.repeat(3000), case_ref: '' }, 0]
		];
		for (const [e, prev] of cases) {
			const rows = eventRowsOf([e], writer);
			const leaf = leafAt(rows, 0);
			writeLeafHeader(leaf, 0, 123_456_789_012, prev);
			const salts = writer.salts(uuidBytes(e.event_id));
			const reference = encodeLeaf({
				index: 123_456_789_012,
				prev,
				salt: salts.leaf,
				eventId: e.event_id,
				subjectCode: e.subject_code,
				loggedAt: LOGGED_AT,
				visibility: e.visibility,
				discloseAfter: e.disclose_after === null ? null : Date.parse(e.disclose_after),
				detailsDigest: detailsDigest(salts.details, e),
				oversightDigest: oversightDigest(salts.oversight, e)
			});
			expect(leaf[0]).toBe(0);
			expect(Buffer.from(leaf.subarray(1)).equals(Buffer.from(reference))).toBe(true);
			// The one-event path (recovery, the verifier, proofs) writes the same bytes.
			const single = Buffer.alloc(LeafBodyWriter.worstCase(e));
			const end = writer.write(single, 0, e, uuidBytes(e.event_id), LOGGED_AT, e.disclose_after === null ? null : Date.parse(e.disclose_after));
			writeLeafHeader(single, 0, 123_456_789_012, prev);
			expect(single.subarray(0, end).equals(Buffer.from(leaf))).toBe(true);
			// Hashing the prefixed leaf is RFC 6962's leaf hash of the leaf bytes.
			expect(Buffer.from(sha256(leaf))).toEqual(Buffer.from(hashLeaf(reference)));
			const decoded = decodeLeaf(reference);
			expect(decoded).toMatchObject({ index: 123_456_789_012, prev, eventId: e.event_id, subjectCode: e.subject_code, loggedAt: LOGGED_AT, visibility: e.visibility });
		}
	});

	it('derives different salts for different events and different keys', () => {
		const a = writer.salts(uuidBytes(event.event_id));
		const b = writer.salts(uuidBytes('0f8b6f1e-6a7e-4b5e-9a51-2f3c1d2e4b02'));
		const c = new LeafBodyWriter(new Uint8Array(32).fill(6)).salts(uuidBytes(event.event_id));
		expect(Buffer.from(a.leaf).equals(Buffer.from(b.leaf))).toBe(false);
		expect(Buffer.from(a.leaf).equals(Buffer.from(c.leaf))).toBe(false);
		expect(Buffer.from(a.details).equals(Buffer.from(a.oversight))).toBe(false);
		expect(LEAF_PREFIX_BYTES).toBe(18);
	});

	it('commits to every detail and every oversight field', () => {
		const salt = new Uint8Array(16);
		const d0 = Buffer.from(detailsDigest(salt, event));
		for (const change of [{ agency_code: '70000002' }, { system: 'RR2' }, { action: 'other' }, { data_categories: ['identity'] }, { bulk: false }, { intermediary_code: '' }]) {
			expect(Buffer.from(detailsDigest(salt, { ...event, ...change })).equals(d0)).toBe(false);
		}
		const o0 = Buffer.from(oversightDigest(salt, event));
		for (const change of [{ actor_code: '' }, { case_ref: 'K-2026/8' }, { xroad_message_id: 'm-2' }]) {
			expect(Buffer.from(oversightDigest(salt, { ...event, ...change })).equals(o0)).toBe(false);
		}
		// Field boundaries are unambiguous: moving text from one field to the next changes it.
		expect(Buffer.from(detailsDigest(salt, { ...event, system: 'R', action: 'R' + event.action })).equals(d0)).toBe(false);
	});
});

describe('decodeLeaf', () => {
	it('names what is wrong with a damaged leaf', () => {
		const leaf = encodeLeaf({
			index: 1,
			prev: null,
			salt: new Uint8Array(16),
			eventId: event.event_id,
			subjectCode: event.subject_code,
			loggedAt: LOGGED_AT,
			visibility: 'visible',
			discloseAfter: null,
			detailsDigest: new Uint8Array(32),
			oversightDigest: new Uint8Array(32)
		});
		expect(decodeLeaf(leaf).prev).toBeNull();
		expect(() => decodeLeaf(leaf.subarray(0, 40))).toThrow(/ends before/);
		expect(() => decodeLeaf(new Uint8Array([...leaf, 0]))).toThrow(/after its end/);
		const v2 = leaf.slice();
		v2[0] = 2;
		expect(() => decodeLeaf(v2)).toThrow(/version 2/);
	});
});
