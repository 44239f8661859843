/**
 * Feed rows in ClickHouse's RowBinary format, one buffer for a batch, with each row's
 * event id and where it starts, so the writer can leave out a duplicate without encoding
 * anything again. Each feed declares its structure beside the code that fills it.
 */

export interface FeedRows {
	/** event_id of each row, lower case. */
	ids: string[];
	/** RowBinary rows, back to back. */
	body: Uint8Array;
	/** Where row i starts; offsets[ids.length] is the end. */
	offsets: Uint32Array;
}

function hexValue(c: number): number {
	if (c >= 48 && c <= 57) return c - 48;
	const l = c | 32;
	return l >= 97 && l <= 102 ? l - 87 : -1;
}

export class FeedRowsBuilder {
	private buf: Buffer;
	private pos = 0;
	private readonly ids: string[] = [];
	private readonly starts: number[] = [];

	constructor(expectedBytes = 64 * 1024) {
		this.buf = Buffer.allocUnsafe(Math.max(1024, expectedBytes));
	}

	get rows(): number {
		return this.ids.length;
	}

	/** Start a row with its event id (a validated, lower-case UUID); room for `bytes` more. */
	row(eventId: string, bytes: number): this {
		this.reserve(16 + bytes);
		this.ids.push(eventId);
		this.starts.push(this.pos);
		// Two UInt64s, each little-endian: the UUID's high half, then its low half.
		let nibble = 0;
		for (let i = 0; i < eventId.length && nibble < 32; i++) {
			const v = hexValue(eventId.charCodeAt(i));
			if (v < 0) continue;
			const byte = nibble >> 1;
			const to = this.pos + (byte < 8 ? 7 - byte : 23 - byte);
			this.buf[to] = nibble & 1 ? this.buf[to]! | v : v << 4;
			nibble++;
		}
		if (nibble !== 32) throw new Error(`feed row: event_id is not a UUID: ${eventId}`);
		this.pos += 16;
		return this;
	}

	/** Epoch milliseconds (non-negative) as DateTime64(3): Int64, little-endian. */
	millis(ms: number): this {
		this.buf.writeUInt32LE(ms % 0x1_0000_0000, this.pos);
		this.buf.writeUInt32LE(Math.floor(ms / 0x1_0000_0000), this.pos + 4);
		this.pos += 8;
		return this;
	}

	uint16(n: number): this {
		this.buf.writeUInt16LE(n, this.pos);
		this.pos += 2;
		return this;
	}

	uint64(n: bigint): this {
		this.buf.writeBigUInt64LE(n, this.pos);
		this.pos += 8;
		return this;
	}

	/** A String column: LEB128 length, UTF-8 bytes. Short texts (codes, categories) only: at most 127 bytes. */
	string(s: string): this {
		const n = this.buf.write(s, this.pos + 1, 'utf8');
		if (n > 127) throw new Error(`feed row: text longer than 127 bytes: ${s.slice(0, 40)}...`);
		this.buf[this.pos] = n;
		this.pos += 1 + n;
		return this;
	}

	finish(): FeedRows {
		const offsets = new Uint32Array(this.starts.length + 1);
		offsets.set(this.starts);
		offsets[this.starts.length] = this.pos;
		return { ids: this.ids, body: this.buf.subarray(0, this.pos), offsets };
	}

	private reserve(bytes: number): void {
		if (this.pos + bytes <= this.buf.byteLength) return;
		const grown = Buffer.allocUnsafe(Math.max(this.buf.byteLength * 2, this.pos + bytes));
		this.buf.copy(grown, 0, 0, this.pos);
		this.buf = grown;
	}
}
