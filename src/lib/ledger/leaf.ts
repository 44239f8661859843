/**
 * The leaf of a usage event in the ledger, version 1: a canonical byte encoding that the
 * server writes, the browser and the CLI verifier decode and recompute. Integers are
 * big-endian; text is UTF-8 with a length prefix.
 *
 *   u8   version (1)
 *   u64  index: the event's position in the log
 *   u64  prev: the position of the same person's previous event (NO_PREV: none). Sealed
 *        events are not linked into the chain and do not count as anyone's previous
 *        event, so the chain never reveals one before its disclosure.
 *   16   salt: makes the leaf hash impossible to guess from a personal code
 *   16   event_id (UUID bytes)
 *   u8   length, then subject_code (ASCII)
 *   u64  logged_at, milliseconds since 1970
 *   u8   visibility: 1 visible, 2 restricted, 3 sealed
 *   u64  disclose_after in milliseconds, or NO_TIME
 *   32   details digest   = SHA-256(0x01 || details salt || details)
 *   32   oversight digest = SHA-256(0x02 || oversight salt || oversight fields)
 *
 * details:   agency_code, intermediary_code, system, action, purpose_code, legal_basis,
 *            then the data categories (count, then each), then bulk (one byte, 0 or 1).
 * oversight: actor_code, case_ref, xroad_client, xroad_service, xroad_message_id.
 * In both, a text is its UTF-8 byte length as an unsigned LEB128 varint, then the bytes,
 * and the count of categories is such a varint too: the encoding of ClickHouse's RowBinary,
 * so the server hashes the bytes of the row it stores.
 *
 * The two digests let one leaf serve everyone: a citizen is given the details and their
 * salt for a visible event and checks the details digest; for a restricted event they get
 * neither, and for no event the oversight fields (the official), whose salt they never see.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { HASH_BYTES } from './merkle';

export const LEAF_VERSION = 1;
/** "No previous event" and "no disclosure date": all 64 bits set. */
export const NONE_U64 = 0xffff_ffff_ffff_ffffn;
export const SALT_BYTES = 16;
/** version, index, prev: what the sequencer writes in front of the body. */
export const LEAF_HEADER_BYTES = 17;

export const VISIBILITY_CODES = { visible: 1, restricted: 2, sealed: 3 } as const;
export type LeafVisibility = keyof typeof VISIBILITY_CODES;
const VISIBILITY_OF = ['', 'visible', 'restricted', 'sealed'] as const;

export interface LeafDetails {
	agency_code: string;
	intermediary_code: string;
	system: string;
	action: string;
	purpose_code: string;
	legal_basis: string;
	data_categories: readonly string[];
	bulk: boolean;
}

export interface LeafOversight {
	actor_code: string;
	case_ref: string;
	xroad_client: string;
	xroad_service: string;
	xroad_message_id: string;
}

export interface Leaf {
	version: number;
	index: number;
	/** null: the first event of the person's chain (or a sealed event). */
	prev: number | null;
	salt: Uint8Array;
	/** Lower-case canonical UUID text. */
	eventId: string;
	subjectCode: string;
	loggedAt: number;
	visibility: LeafVisibility;
	discloseAfter: number | null;
	detailsDigest: Uint8Array;
	oversightDigest: Uint8Array;
}

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

class ByteWriter {
	private parts: number[] = [];
	u8(n: number) {
		this.parts.push(n & 0xff);
	}
	/** Unsigned LEB128. */
	varint(n: number) {
		while (n >= 0x80) {
			this.parts.push((n & 0x7f) | 0x80);
			n = Math.floor(n / 128);
		}
		this.parts.push(n);
	}
	u64(n: bigint) {
		for (let s = 56n; s >= 0n; s -= 8n) this.parts.push(Number((n >> s) & 0xffn));
	}
	bytes(b: Uint8Array) {
		for (const x of b) this.parts.push(x);
	}
	text(s: string) {
		const b = enc.encode(s);
		this.varint(b.length);
		this.bytes(b);
	}
	done(): Uint8Array {
		return Uint8Array.from(this.parts);
	}
}

/** The bytes the details digest is taken over (0x01, salt, fields). */
export function detailsPreimage(salt: Uint8Array, d: LeafDetails): Uint8Array {
	const w = new ByteWriter();
	w.u8(1);
	w.bytes(salt);
	for (const t of [d.agency_code, d.intermediary_code, d.system, d.action, d.purpose_code, d.legal_basis]) w.text(t);
	w.varint(d.data_categories.length);
	for (const c of d.data_categories) w.text(c);
	w.u8(d.bulk ? 1 : 0);
	return w.done();
}

/** The bytes the oversight digest is taken over (0x02, salt, fields). */
export function oversightPreimage(salt: Uint8Array, o: LeafOversight): Uint8Array {
	const w = new ByteWriter();
	w.u8(2);
	w.bytes(salt);
	for (const t of [o.actor_code, o.case_ref, o.xroad_client, o.xroad_service, o.xroad_message_id]) w.text(t);
	return w.done();
}

export const detailsDigest = (salt: Uint8Array, d: LeafDetails) => sha256(detailsPreimage(salt, d));
export const oversightDigest = (salt: Uint8Array, o: LeafOversight) => sha256(oversightPreimage(salt, o));

export function uuidBytes(id: string): Uint8Array {
	const hex = id.replaceAll('-', '');
	if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`not a UUID: ${id}`);
	return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}

function uuidText(b: Uint8Array): string {
	const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Encode a leaf (the reference encoder; the server's hot path writes the same bytes). */
export function encodeLeaf(l: Omit<Leaf, 'version'>): Uint8Array {
	if (l.salt.length !== SALT_BYTES) throw new RangeError('the salt is 16 bytes');
	if (l.detailsDigest.length !== HASH_BYTES || l.oversightDigest.length !== HASH_BYTES) throw new RangeError('digests are 32 bytes');
	const w = new ByteWriter();
	w.u8(LEAF_VERSION);
	w.u64(BigInt(l.index));
	w.u64(l.prev === null ? NONE_U64 : BigInt(l.prev));
	w.bytes(l.salt);
	w.bytes(uuidBytes(l.eventId));
	const subject = enc.encode(l.subjectCode);
	if (subject.length > 255) throw new RangeError('subject_code is at most 255 bytes');
	w.u8(subject.length);
	w.bytes(subject);
	w.u64(BigInt(l.loggedAt));
	w.u8(VISIBILITY_CODES[l.visibility]);
	w.u64(l.discloseAfter === null ? NONE_U64 : BigInt(l.discloseAfter));
	w.bytes(l.detailsDigest);
	w.bytes(l.oversightDigest);
	return w.done();
}

/** Decode a version-1 leaf; throws naming what is wrong. */
export function decodeLeaf(bytes: Uint8Array): Leaf {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let pos = 0;
	const need = (n: number, what: string) => {
		if (pos + n > bytes.length) throw new Error(`leaf ends before its ${what}`);
	};
	const u64 = (what: string): bigint => {
		need(8, what);
		const v = view.getBigUint64(pos);
		pos += 8;
		return v;
	};
	const take = (n: number, what: string) => {
		need(n, what);
		const b = bytes.slice(pos, pos + n);
		pos += n;
		return b;
	};
	const num = (v: bigint, what: string) => {
		if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`leaf ${what} is out of range`);
		return Number(v);
	};
	need(1, 'version');
	const version = bytes[pos++]!;
	if (version !== LEAF_VERSION) throw new Error(`leaf version ${version} is not known (expected ${LEAF_VERSION})`);
	const index = num(u64('index'), 'index');
	const prevRaw = u64('previous position');
	const salt = take(SALT_BYTES, 'salt');
	const eventId = uuidText(take(16, 'event id'));
	need(1, 'subject');
	const subjectLength = bytes[pos++]!;
	const subjectCode = dec.decode(take(subjectLength, 'subject'));
	const loggedAt = num(u64('time'), 'time');
	need(1, 'visibility');
	const visibility = VISIBILITY_OF[bytes[pos++]!];
	if (!visibility) throw new Error('leaf visibility is not 1, 2 or 3');
	const discloseRaw = u64('disclosure date');
	const detailsDigestBytes = take(HASH_BYTES, 'details digest');
	const oversightDigestBytes = take(HASH_BYTES, 'oversight digest');
	if (pos !== bytes.length) throw new Error(`leaf has ${bytes.length - pos} bytes after its end`);
	return {
		version,
		index,
		prev: prevRaw === NONE_U64 ? null : num(prevRaw, 'previous position'),
		salt,
		eventId,
		subjectCode,
		loggedAt,
		visibility,
		discloseAfter: discloseRaw === NONE_U64 ? null : num(discloseRaw, 'disclosure date'),
		detailsDigest: detailsDigestBytes,
		oversightDigest: oversightDigestBytes
	};
}
