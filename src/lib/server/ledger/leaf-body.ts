/**
 * The server's fast writer of leaf bodies (leaf.ts has the layout and the reference
 * encoder, which tests hold this to). The validator threads write each event's body
 * beside its RowBinary row, so the writer only adds the header (index, previous position)
 * and hashes: the two digests and the salts cost the validators, not the commit path.
 *
 * Salts are derived, not stored: the leaf salt, the details salt and the oversight salt of
 * an event are its 16 UUID bytes encrypted with AES-256 under three keys derived from the
 * salt key (HMAC-SHA-256(salt key, "peegel-ledger-salts/1/" + purpose)). AES is a keyed
 * permutation, so the salts are as unpredictable as random ones to anyone without the salt
 * key, which lives beside the signing key; storing three random salts would cost 48 bytes
 * an event, and a batch's salts take one cipher call per purpose instead of a hash each.
 */
import { createCipheriv, createHmac } from 'node:crypto';
import type { UsageEvent } from '../../schemas/usage-event';
import { LEAF_HEADER_BYTES, LEAF_VERSION, SALT_BYTES, VISIBILITY_CODES } from '../../ledger/leaf';
import { sha256 } from './sha256';

const SALT_PURPOSES = ['leaf', 'details', 'oversight'] as const;
/** 0x00 (the RFC 6962 leaf prefix) and the header, written by the sequencer. */
export const LEAF_PREFIX_BYTES = 1 + LEAF_HEADER_BYTES;

export interface EventSalts {
	leaf: Uint8Array;
	details: Uint8Array;
	oversight: Uint8Array;
}

/** One event for the one-event path: the event, its UUID bytes and times in ms. */
interface LeafSource {
	event: UsageEvent;
	uuid: Uint8Array;
	loggedAt: number;
	discloseAfter: number | null;
}

export class LeafBodyWriter {
	private keys: Buffer[];
	private scratch = Buffer.allocUnsafeSlow(16 * 1024);

	constructor(saltKey: Uint8Array) {
		if (saltKey.length !== 32) throw new Error('the ledger salt key is 32 bytes');
		this.keys = SALT_PURPOSES.map((p) => createHmac('sha256', saltKey).update(`peegel-ledger-salts/1/${p}`).digest());
	}

	/** The three salts of an event, from its 16 UUID bytes. */
	salts(uuid: Uint8Array): EventSalts {
		const [leaf, details, oversight] = this.keys.map((k) => this.encrypt(k, uuid));
		return { leaf: leaf!, details: details!, oversight: oversight! };
	}

	/** AES-256 of each 16-byte block under one key: a batch's salts for one purpose in one call. */
	private encrypt(key: Buffer, blocks: Uint8Array): Buffer {
		const cipher = createCipheriv('aes-256-ecb', key, null);
		cipher.setAutoPadding(false);
		return Buffer.concat([cipher.update(blocks), cipher.final()]);
	}

	/**
	 * The leaves of a batch of RowBinary rows (event-rows.ts), from the rows' bytes alone:
	 * `starts[i]` is where row i begins, `blocks[3i..3i+2]` where its details block, its
	 * oversight block and what follows them begin. One pass reads the ids, three cipher
	 * calls make every salt, a second pass writes each leaf. Nothing per event is allocated
	 * but the two digests: this runs for every event ingested.
	 */
	leavesOfRows(rows: Buffer, starts: ArrayLike<number>, blocks: ArrayLike<number>): { leaves: Buffer; offsets: Uint32Array } {
		const n = starts.length;
		const ids = Buffer.allocUnsafe(n * 16);
		let size = 0;
		for (let i = 0; i < n; i++) {
			const r = starts[i]!;
			// ClickHouse's UUID halves are each reversed.
			for (let k = 0; k < 8; k++) {
				ids[i * 16 + k] = rows[r + 7 - k]!;
				ids[i * 16 + 8 + k] = rows[r + 15 - k]!;
			}
			size += LEAF_PREFIX_BYTES + 16 + 16 + 1 + rows[r + 24]! + 8 + 1 + 8 + 64;
		}
		const salts = this.keys.map((k) => this.encrypt(k, ids)) as [Buffer, Buffer, Buffer];
		// Its own memory, never Node's shared pool: it may be transferred to another thread.
		const out = Buffer.allocUnsafeSlow(size);
		const offsets = new Uint32Array(n + 1);
		let p = 0;
		for (let i = 0; i < n; i++) {
			offsets[i] = p;
			const r = starts[i]!;
			out[p] = 0;
			out[p + 1] = LEAF_VERSION;
			p += LEAF_PREFIX_BYTES;
			// Sixteen bytes each: a loop costs less than a copy call.
			const leafSalt = salts[0];
			for (let k = 0; k < 16; k++) {
				out[p + k] = leafSalt[i * 16 + k]!;
				out[p + 16 + k] = ids[i * 16 + k]!;
			}
			p += 32;
			// logged_at: 8 bytes little-endian after the id, big-endian in the leaf.
			for (let k = 0; k < 8; k++) out[p + 1 + rows[r + 24]! + k] = rows[r + 23 - k]!;
			const subjectLength = rows[r + 24]!;
			out[p] = subjectLength;
			for (let k = 0; k < subjectLength; k++) out[p + 1 + k] = rows[r + 25 + k]!;
			p += 1 + subjectLength + 8;
			const d = blocks[3 * i]!;
			const o = blocks[3 * i + 1]!;
			const e = blocks[3 * i + 2]!;
			out[p++] = rows[e]!;
			if (rows[e + 1] === 1) {
				out.fill(0xff, p, p + 8);
			} else {
				for (let k = 0; k < 8; k++) out[p + k] = rows[e + 9 - k]!;
			}
			p += 8;
			p = this.digest(out, p, 1, salts[1], i * 16, rows, d, o);
			p = this.digest(out, p, 2, salts[2], i * 16, rows, o, e);
		}
		offsets[n] = p;
		return { leaves: out, offsets };
	}

	/** An upper bound of the bytes write() needs for this event (prefix included). */
	static worstCase(e: UsageEvent): number {
		return LEAF_PREFIX_BYTES + 16 + 16 + 1 + e.subject_code.length + 8 + 1 + 8 + 64;
	}

	/**
	 * One event's leaf, from the event itself (recovery, the verifier, proofs): room for the
	 * prefix and header, then the body; returns the position after it. The same bytes as
	 * leavesOfRows writes. `uuid` is event_id's 16 bytes; times are milliseconds.
	 */
	write(buf: Buffer, pos: number, e: UsageEvent, uuid: Uint8Array, loggedAt: number, discloseAfter: number | null): number {
		const salts = this.keys.map((k) => this.encrypt(k, uuid)) as [Buffer, Buffer, Buffer];
		return this.writeWith(buf, pos, { event: e, uuid, loggedAt, discloseAfter }, salts, 0);
	}

	/** `salts`: the leaf, details and oversight salts; this event's are at `saltAt`. */
	private writeWith(buf: Buffer, pos: number, src: LeafSource, salts: [Buffer, Buffer, Buffer], saltAt: number): number {
		const { event: e, uuid, loggedAt, discloseAfter } = src;
		buf[pos] = 0;
		buf[pos + 1] = LEAF_VERSION;
		let p = pos + LEAF_PREFIX_BYTES;
		salts[0].copy(buf, p, saltAt, saltAt + SALT_BYTES);
		p += SALT_BYTES;
		buf.set(uuid, p);
		p += 16;
		const n = buf.write(e.subject_code, p + 1, 'latin1');
		buf[p] = n;
		p += 1 + n;
		p = writeU64(buf, p, loggedAt);
		buf[p++] = VISIBILITY_CODES[e.visibility];
		p = discloseAfter === null ? writeNone(buf, p) : writeU64(buf, p, discloseAfter);
		const details = encodeDetails(e);
		const oversight = encodeOversight(e);
		p = this.digest(buf, p, 1, salts[1], saltAt, details, 0, details.length);
		p = this.digest(buf, p, 2, salts[2], saltAt, oversight, 0, oversight.length);
		return p;
	}

	/** SHA-256(tag || salt || block[from, to)) written at p. */
	private digest(out: Buffer, p: number, tag: number, salts: Buffer, saltAt: number, block: Buffer, from: number, to: number): number {
		const n = 1 + SALT_BYTES + (to - from);
		if (n > this.scratch.length) this.scratch = Buffer.allocUnsafeSlow(n * 2);
		const s = this.scratch;
		s[0] = tag;
		for (let k = 0; k < SALT_BYTES; k++) s[1 + k] = salts[saltAt + k]!;
		block.copy(s, 1 + SALT_BYTES, from, to);
		out.set(sha256(s.subarray(0, n)), p);
		return p + 32;
	}
}

/** The details block as the row has it: texts LEB128-length-prefixed, the categories counted, bulk a byte. */
export function encodeDetails(e: UsageEvent): Buffer {
	const parts: Buffer[] = [e.agency_code, e.intermediary_code, e.system, e.action, e.purpose_code, e.legal_basis].map(text);
	parts.push(varint(e.data_categories.length), ...e.data_categories.map(text), Buffer.from([e.bulk ? 1 : 0]));
	return Buffer.concat(parts);
}

/** The oversight block as the row has it. */
export function encodeOversight(e: UsageEvent): Buffer {
	return Buffer.concat([e.actor_code, e.case_ref, e.xroad_client, e.xroad_service, e.xroad_message_id].map(text));
}

function varint(n: number): Buffer {
	const out: number[] = [];
	while (n >= 0x80) {
		out.push((n & 0x7f) | 0x80);
		n >>>= 7;
	}
	out.push(n);
	return Buffer.from(out);
}

function text(t: string): Buffer {
	const bytes = Buffer.from(t, 'utf8');
	return Buffer.concat([varint(bytes.length), bytes]);
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
	buf[prefixAt] = 0;
	buf[prefixAt + 1] = LEAF_VERSION;
	u64be(buf, prefixAt + 2, index);
	if (prev === null) buf.fill(0xff, prefixAt + 10, prefixAt + 18);
	else u64be(buf, prefixAt + 10, prev);
}

/** A whole number below 2^53 as 8 big-endian bytes, without a DataView (this runs per event). */
function u64be(buf: Uint8Array, at: number, n: number): void {
	const hi = Math.floor(n / 0x1_0000_0000);
	const lo = n % 0x1_0000_0000;
	buf[at] = hi >>> 24;
	buf[at + 1] = (hi >>> 16) & 0xff;
	buf[at + 2] = (hi >>> 8) & 0xff;
	buf[at + 3] = hi & 0xff;
	buf[at + 4] = lo >>> 24;
	buf[at + 5] = (lo >>> 16) & 0xff;
	buf[at + 6] = (lo >>> 8) & 0xff;
	buf[at + 7] = lo & 0xff;
}
