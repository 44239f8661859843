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
import { createCipheriv, createHmac, hash } from 'node:crypto';
import type { UsageEvent } from '../../schemas/usage-event';
import { LEAF_HEADER_BYTES, LEAF_VERSION, SALT_BYTES, VISIBILITY_CODES } from '../../ledger/leaf';

const SALT_PURPOSES = ['leaf', 'details', 'oversight'] as const;
/** 0x00 (the RFC 6962 leaf prefix) and the header, written by the sequencer. */
export const LEAF_PREFIX_BYTES = 1 + LEAF_HEADER_BYTES;

export interface EventSalts {
	leaf: Uint8Array;
	details: Uint8Array;
	oversight: Uint8Array;
}

/** An event to write a leaf body for: the validated event, its UUID bytes and times in ms. */
export interface LeafSource {
	event: UsageEvent;
	uuid: Uint8Array;
	loggedAt: number;
	discloseAfter: number | null;
	/**
	 * Where the event's RowBinary row holds the details block and the oversight block
	 * (details start, oversight start, oversight end): the digests' input, already encoded.
	 */
	blocks?: [number, number, number];
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
	 * Write the leaves of a batch into `buf` from `pos`, each as write() does; returns each
	 * leaf's start and the end. The salts of the whole batch are derived at once.
	 */
	writeAll(buf: Buffer, pos: number, sources: readonly LeafSource[], rows?: Buffer): { starts: number[]; end: number } {
		const ids = Buffer.allocUnsafe(sources.length * 16);
		sources.forEach((s, i) => ids.set(s.uuid, i * 16));
		const [leaf, details, oversight] = this.keys.map((k) => this.encrypt(k, ids));
		const starts: number[] = [];
		let p = pos;
		sources.forEach((s, i) => {
			starts.push(p);
			const at = i * 16;
			p = this.writeWith(buf, p, s, leaf!.subarray(at, at + 16), details!.subarray(at, at + 16), oversight!.subarray(at, at + 16), rows);
		});
		return { starts, end: p };
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
		const s = this.salts(uuid);
		return this.writeWith(buf, pos, { event: e, uuid, loggedAt, discloseAfter }, s.leaf, s.details, s.oversight);
	}

	private writeWith(
		buf: Buffer,
		pos: number,
		src: LeafSource,
		leafSalt: Uint8Array,
		detailsSalt: Uint8Array,
		oversightSalt: Uint8Array,
		rows?: Buffer
	): number {
		const { event: e, uuid, loggedAt, discloseAfter } = src;
		buf[pos] = 0;
		buf[pos + 1] = LEAF_VERSION;
		let p = pos + LEAF_PREFIX_BYTES;
		buf.set(leafSalt, p);
		p += SALT_BYTES;
		buf.set(uuid, p);
		p += 16;
		const n = buf.write(e.subject_code, p + 1, 'latin1');
		buf[p] = n;
		p += 1 + n;
		p = writeU64(buf, p, loggedAt);
		buf[p++] = VISIBILITY_CODES[e.visibility];
		p = discloseAfter === null ? writeNone(buf, p) : writeU64(buf, p, discloseAfter);
		const [details, oversight] = src.blocks && rows
			? [rows.subarray(src.blocks[0], src.blocks[1]), rows.subarray(src.blocks[1], src.blocks[2])]
			: [encodeDetails(e), encodeOversight(e)];
		p = this.digest(buf, p, 1, detailsSalt, details);
		p = this.digest(buf, p, 2, oversightSalt, oversight);
		return p;
	}

	/** SHA-256(tag || salt || block) written at p. */
	private digest(out: Buffer, p: number, tag: number, salt: Uint8Array, block: Uint8Array): number {
		const n = 1 + SALT_BYTES + block.length;
		if (n > this.scratch.length) this.scratch = Buffer.allocUnsafeSlow(n * 2);
		const s = this.scratch;
		s[0] = tag;
		s.set(salt, 1);
		s.set(block, 1 + SALT_BYTES);
		hash('sha256', s.subarray(0, n), 'buffer').copy(out, p);
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
