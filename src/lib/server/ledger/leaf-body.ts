/**
 * The server's fast writer of leaf bodies (leaf.ts has the layout and the reference
 * encoder, which tests hold this to). The validator threads write each event's body
 * beside its RowBinary row, so the writer only adds the header (index, previous position)
 * and hashes: the two digests and the salts cost the validators, not the commit path.
 *
 * Salts are derived, not stored: SHA-512("peegel-ledger-salts/1" || salt key || event_id)
 * gives the leaf salt, the details salt and the oversight salt (16 bytes each). They are as
 * unpredictable as random ones to anyone without the salt key, which lives beside the
 * signing key, and storing three random salts would cost 48 bytes an event.
 */
import { hash } from 'node:crypto';
import type { UsageEvent } from '../../schemas/usage-event';
import { LEAF_HEADER_BYTES, LEAF_VERSION, SALT_BYTES, VISIBILITY_CODES } from '../../ledger/leaf';

const SALT_DOMAIN = Buffer.from('peegel-ledger-salts/1', 'ascii');
/** 0x00 (the RFC 6962 leaf prefix) and the header, written by the sequencer. */
export const LEAF_PREFIX_BYTES = 1 + LEAF_HEADER_BYTES;

export interface EventSalts {
	leaf: Uint8Array;
	details: Uint8Array;
	oversight: Uint8Array;
}

export class LeafBodyWriter {
	private saltInput: Buffer;
	private scratch = Buffer.allocUnsafeSlow(16 * 1024);

	constructor(saltKey: Uint8Array) {
		if (saltKey.length !== 32) throw new Error('the ledger salt key is 32 bytes');
		this.saltInput = Buffer.concat([SALT_DOMAIN, Buffer.from(saltKey), Buffer.alloc(16)]);
	}

	/** The three salts of an event, from its 16 UUID bytes. */
	salts(uuid: Uint8Array): EventSalts {
		const s = this.saltBytes(uuid);
		return { leaf: s.subarray(0, 16), details: s.subarray(16, 32), oversight: s.subarray(32, 48) };
	}

	private saltBytes(uuid: Uint8Array): Buffer {
		this.saltInput.set(uuid, this.saltInput.length - 16);
		return hash('sha512', this.saltInput, 'buffer');
	}

	/** An upper bound of the bytes write() needs for this event (prefix included). */
	static worstCase(e: UsageEvent): number {
		return LEAF_PREFIX_BYTES + 16 + 16 + 1 + e.subject_code.length + 8 + 1 + 8 + 64;
	}

	/**
	 * Write LEAF_PREFIX_BYTES of room for the prefix and header, then the body; returns the
	 * position after it. `uuid` is event_id's 16 bytes; times are milliseconds.
	 */
	write(buf: Buffer, pos: number, e: UsageEvent, uuid: Uint8Array, loggedAt: number, discloseAfter: number | null): number {
		buf[pos] = 0;
		buf[pos + 1] = LEAF_VERSION;
		let p = pos + LEAF_PREFIX_BYTES;
		const salts = this.saltBytes(uuid);
		salts.copy(buf, p, 0, SALT_BYTES);
		p += SALT_BYTES;
		buf.set(uuid, p);
		p += 16;
		const n = buf.write(e.subject_code, p + 1, 'latin1');
		buf[p] = n;
		p += 1 + n;
		p = writeU64(buf, p, loggedAt);
		buf[p++] = VISIBILITY_CODES[e.visibility];
		p = discloseAfter === null ? writeNone(buf, p) : writeU64(buf, p, discloseAfter);
		p = this.digest(buf, p, 1, salts, 16, [e.agency_code, e.intermediary_code, e.system, e.action, e.purpose_code, e.legal_basis], e.data_categories, e.bulk);
		p = this.digest(buf, p, 2, salts, 32, [e.actor_code, e.case_ref, e.xroad_client, e.xroad_service, e.xroad_message_id], null, false);
		return p;
	}

	/** SHA-256(tag || salt || texts [|| u16 count, categories, u8 bulk]) written at p. */
	private digest(out: Buffer, p: number, tag: number, salts: Buffer, saltAt: number, texts: string[], categories: readonly string[] | null, bulk: boolean): number {
		let worst = 1 + SALT_BYTES + 3;
		for (const t of texts) worst += 2 + t.length * 3;
		if (categories) for (const c of categories) worst += 2 + c.length * 3;
		if (worst > this.scratch.length) this.scratch = Buffer.allocUnsafeSlow(worst * 2);
		const s = this.scratch;
		s[0] = tag;
		salts.copy(s, 1, saltAt, saltAt + SALT_BYTES);
		let q = 1 + SALT_BYTES;
		for (const t of texts) q = writeText(s, q, t);
		if (categories) {
			s.writeUInt16BE(categories.length, q);
			q += 2;
			for (const c of categories) q = writeText(s, q, c);
			s[q++] = bulk ? 1 : 0;
		}
		hash('sha256', s.subarray(0, q), 'buffer').copy(out, p);
		return p + 32;
	}
}

function writeText(buf: Buffer, p: number, t: string): number {
	const n = t.length === 0 ? 0 : buf.write(t, p + 2, 'utf8');
	buf.writeUInt16BE(n, p);
	return p + 2 + n;
}

function writeU64(buf: Buffer, p: number, n: number): number {
	buf.writeUInt32BE(Math.floor(n / 0x1_0000_0000), p);
	buf.writeUInt32BE(n % 0x1_0000_0000, p + 4);
	return p + 8;
}

function writeNone(buf: Buffer, p: number): number {
	buf.fill(0xff, p, p + 8);
	return p + 8;
}

/** Fill in a leaf's header (index and previous position) in front of its body. */
export function writeLeafHeader(buf: Uint8Array, prefixAt: number, index: number, prev: number | null): void {
	const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
	buf[prefixAt] = 0;
	buf[prefixAt + 1] = LEAF_VERSION;
	view.setUint32(prefixAt + 2, Math.floor(index / 0x1_0000_0000));
	view.setUint32(prefixAt + 6, index % 0x1_0000_0000);
	if (prev === null) {
		buf.fill(0xff, prefixAt + 10, prefixAt + 18);
	} else {
		view.setUint32(prefixAt + 10, Math.floor(prev / 0x1_0000_0000));
		view.setUint32(prefixAt + 14, prev % 0x1_0000_0000);
	}
}
