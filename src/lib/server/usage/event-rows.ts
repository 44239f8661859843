/**
 * Validated usage events on their way to the writer: each event's id and the event as one
 * row of ClickHouse's RowBinary format in a shared buffer. One buffer (not ten thousand
 * strings) crosses from a validator thread without copying and goes to ClickHouse as it
 * is; ClickHouse reads RowBinary for less than half what it spends parsing the same rows
 * as JSON, and writing it costs no more than JSON.stringify.
 *
 * The row layout is EVENT_ROW_STRUCTURE, defined here beside the encoder so the two
 * cannot drift apart. Times are milliseconds since the epoch (DateTime64(3)); the UUID is
 * its two 64-bit halves, each little-endian; strings and arrays are LEB128-length-prefixed.
 * The last 8 bytes of a row, ledger_index, are left zero for the sequencer to fill in.
 * The columns a leaf's details digest covers come one after the other, and so do those of
 * its oversight digest: the digests are taken over those bytes of the row as they are
 * (ledger/leaf.ts defines the same encoding), not over the texts encoded a second time.
 *
 * Beside each row goes the event's ledger leaf (ledger/leaf-body.ts): room for the header
 * that the sequencer writes, then the body with its digests, so the commit path only
 * numbers and hashes.
 */
import type { UsageEvent } from '../../schemas/usage-event';
import { parseRfc3339 } from '../../rfc3339';
import type { LeafBodyWriter } from '../ledger/leaf-body';

export interface EventRows {
	/** event_id of each row, index by index. */
	ids: string[];
	/** RowBinary rows in EVENT_ROW_STRUCTURE, back to back. */
	body: Uint8Array;
	/** Byte offset where row i starts; offsets[ids.length] is the end of the last row. */
	offsets: Uint32Array;
	/** The 64-bit fingerprint of each event_id (event-id-filter.ts) as (hi, lo) pairs, read while encoding it. */
	fingerprints: Uint32Array;
	/** Each event's leaf: LEAF_PREFIX_BYTES of room (0x00 and the header), then its body. */
	leaves: Uint8Array;
	/** Byte offset where leaf i (its prefix) starts; leafOffsets[ids.length] is the end. */
	leafOffsets: Uint32Array;
}

/** The ClickHouse structure of one row, column by column, in the order add() writes them. */
export const EVENT_ROW_STRUCTURE =
	"event_id UUID, logged_at DateTime64(3, 'UTC'), subject_code String, " +
	// The details block (leaf details digest).
	'agency_code String, intermediary_code String, system String, action String, purpose_code String, legal_basis String, ' +
	'data_categories Array(String), bulk Bool, ' +
	// The oversight block (leaf oversight digest).
	'actor_code String, case_ref String, xroad_client String, xroad_service String, xroad_message_id String, ' +
	"visibility Enum8('visible' = 1, 'restricted' = 2, 'sealed' = 3), disclose_after Nullable(DateTime64(3, 'UTC')), " +
	'ledger_index UInt64';

/** Bytes of ledger_index at the end of each row. */
export const LEDGER_INDEX_BYTES = 8;

const VISIBILITY_CODE = { visible: 1, restricted: 2, sealed: 3 } as const;

/** The text columns of the details block before data_categories, and of the oversight block, in row order. */
export const DETAIL_TEXTS = ['agency_code', 'intermediary_code', 'system', 'action', 'purpose_code', 'legal_basis'] as const;
export const OVERSIGHT_TEXTS = ['actor_code', 'case_ref', 'xroad_client', 'xroad_service', 'xroad_message_id'] as const;

/** Hex digit value of a char code (0-9, a-f, A-F), or -1. */
function hexValue(c: number): number {
	if (c >= 48 && c <= 57) return c - 48;
	const l = c | 32;
	return l >= 97 && l <= 102 ? l - 87 : -1;
}

function millis(rfc3339: string, field: string): number {
	const t = parseRfc3339(rfc3339);
	if (t === null) throw new Error(`event row: ${field} is not an RFC 3339 date-time: ${rfc3339}`);
	return t;
}

/** Appends RowBinary rows to a growing buffer. */
export class EventRowsBuilder {
	private ids: string[] = [];
	private buf: Buffer;
	private pos = 0;
	private starts: number[] = [];
	private fingerprints: number[] = [];
	/** The four 32-bit words of the UUID being encoded. */
	private words = new Uint32Array(4);
	/** Per row: where its details block, its oversight block and what follows begin (for the leaves). */
	private blocks: number[] = [];

	/** `leafWriter` null: rows only, no leaves (the benchmark's run without the ledger). */
	constructor(
		private readonly leafWriter: LeafBodyWriter | null,
		expectedBytes = 64 * 1024
	) {
		// Never from Node's shared pool: the buffers may be transferred to another thread.
		this.buf = Buffer.allocUnsafeSlow(Math.max(1024, expectedBytes));
	}

	/** Add one validated event (every field present, times valid RFC 3339). */
	add(e: UsageEvent): void {
		// Room for the worst case: 3 bytes per UTF-16 unit and a 4-byte length prefix per
		// text, and the fixed-width fields.
		let worst = 64 + LEDGER_INDEX_BYTES + e.subject_code.length * 3 + 4;
		for (const f of DETAIL_TEXTS) worst += e[f].length * 3 + 4;
		for (const f of OVERSIGHT_TEXTS) worst += e[f].length * 3 + 4;
		for (const c of e.data_categories) worst += c.length * 3 + 4;
		this.reserve(worst);

		// What can fail comes first, so a refused event leaves the builder as it was.
		const loggedAt = millis(e.logged_at, 'logged_at');
		const discloseAfter = e.disclose_after === null ? null : millis(e.disclose_after, 'disclose_after');
		const start = this.pos;
		this.uuid(e.event_id);
		this.ids.push(e.event_id);
		this.starts.push(start);
		const w = this.words;
		this.fingerprints.push((w[0]! ^ w[2]!) >>> 0, (w[1]! ^ w[3]!) >>> 0);
		this.int64(loggedAt);
		this.text(e.subject_code);
		const details = this.pos;
		for (const f of DETAIL_TEXTS) this.text(e[f]);
		this.varint(e.data_categories.length);
		for (const c of e.data_categories) this.text(c);
		this.buf[this.pos++] = e.bulk ? 1 : 0;
		const oversight = this.pos;
		for (const f of OVERSIGHT_TEXTS) this.text(e[f]);
		const oversightEnd = this.pos;
		this.buf[this.pos++] = VISIBILITY_CODE[e.visibility];
		if (discloseAfter === null) {
			this.buf[this.pos++] = 1;
		} else {
			this.buf[this.pos++] = 0;
			this.int64(discloseAfter);
		}
		this.buf.fill(0, this.pos, this.pos + LEDGER_INDEX_BYTES);
		this.pos += LEDGER_INDEX_BYTES;

		this.blocks.push(details, oversight, oversightEnd);
	}

	finish(): EventRows {
		const offsets = new Uint32Array(this.starts.length + 1);
		offsets.set(this.starts);
		offsets[this.starts.length] = this.pos;
		const n = this.ids.length;
		let leafOffsets: Uint32Array = new Uint32Array(n + 1);
		let leaves: Buffer = Buffer.allocUnsafeSlow(0);
		if (this.leafWriter && n > 0) ({ leaves, offsets: leafOffsets } = this.leafWriter.leavesOfRows(this.buf, this.starts, this.blocks));
		return {
			ids: this.ids,
			body: this.buf.subarray(0, this.pos),
			offsets,
			fingerprints: Uint32Array.from(this.fingerprints),
			leaves,
			leafOffsets
		};
	}

	private reserve(bytes: number): void {
		if (this.pos + bytes <= this.buf.byteLength) return;
		const grown = Buffer.allocUnsafeSlow(Math.max(this.buf.byteLength * 2, this.pos + bytes));
		this.buf.copy(grown, 0, 0, this.pos);
		this.buf = grown;
	}

	private varint(n: number): void {
		while (n >= 0x80) {
			this.buf[this.pos++] = (n & 0x7f) | 0x80;
			n >>>= 7;
		}
		this.buf[this.pos++] = n;
	}

	/** LEB128 byte length, then the UTF-8 bytes: written first, then moved to fit the prefix. */
	private text(s: string): void {
		const at = this.pos;
		const n = s.length === 0 ? 0 : this.buf.write(s, at + 1, 'utf8');
		if (n < 0x80) {
			this.buf[at] = n;
			this.pos = at + 1 + n;
			return;
		}
		const prefix = n < 0x4000 ? 2 : n < 0x20_0000 ? 3 : 4;
		this.buf.copyWithin(at + prefix, at + 1, at + 1 + n);
		this.pos = at;
		this.varint(n);
		this.pos = at + prefix + n;
	}

	/** A non-negative integer below 2^53 as Int64, little-endian. */
	private int64(n: number): void {
		this.buf.writeUInt32LE(n % 0x1_0000_0000, this.pos);
		this.buf.writeUInt32LE(Math.floor(n / 0x1_0000_0000), this.pos + 4);
		this.pos += 8;
	}

	/**
	 * A UUID as ClickHouse's RowBinary has it: the high 8 bytes, then the low 8, each
	 * reversed. Its four 32-bit words are kept for the fingerprint.
	 */
	private uuid(id: string): void {
		const words = this.words;
		words.fill(0);
		let nibble = 0;
		for (let i = 0; i < id.length; i++) {
			const v = hexValue(id.charCodeAt(i));
			if (v < 0) continue; // the dashes
			if (nibble === 32) break; // too many digits: refused below
			const byte = nibble >> 1;
			// Byte k of the canonical form goes to 7 - k (high half) or 23 - k (low half).
			const to = this.pos + (byte < 8 ? 7 - byte : 23 - byte);
			this.buf[to] = nibble & 1 ? this.buf[to]! | v : v << 4;
			words[nibble >> 3] = (words[nibble >> 3]! << 4) | v;
			nibble++;
		}
		if (nibble !== 32 || id.length !== 36) throw new Error(`event row: event_id is not a UUID: ${id}`);
		this.pos += 16;
	}
}

/** The rows of validated events (the seed's way in). */
export function eventRowsOf(events: readonly UsageEvent[], leafWriter: LeafBodyWriter | null): EventRows {
	const b = new EventRowsBuilder(leafWriter, events.length * 400);
	for (const e of events) b.add(e);
	return b.finish();
}

/** The bytes of row i. */
export function rowAt(rows: EventRows, i: number): Uint8Array {
	return rows.body.subarray(rows.offsets[i]!, rows.offsets[i + 1]!);
}

/** Leaf i with its prefix: 0x00, the header, the body (hash it whole once the header is in). */
export function leafAt(rows: EventRows, i: number): Uint8Array {
	return rows.leaves.subarray(rows.leafOffsets[i]!, rows.leafOffsets[i + 1]!);
}
