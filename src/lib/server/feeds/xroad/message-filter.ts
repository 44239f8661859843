/**
 * A Bloom filter of the stored message keys, so a record of a message never seen before
 * (most records) needs no look-up in ClickHouse: random SHA-256 keys spread over every
 * granule, so looking up a batch's keys reads the whole key column, and doing that for
 * every batch grows with the square of the table. Only records whose message may be
 * stored are looked up (through the primary key); a false positive costs a look-up, never
 * a wrong answer. About 12 bits per message (2 MB a million), at most 1 % false positives.
 *
 * Only message keys are needed: a record is stored only after its message (writer.ts), so
 * a record whose message is not stored cannot be stored either.
 */
import { z } from 'zod';
import { db } from '../../db/client';
import { int64 } from '../../db/columns';
import { queryOne } from '../../db/query';

const BITS_PER_KEY = 12;
const HASHES = 7;
const MIN_CAPACITY = 1 << 20;

export class MessageFilter {
	private bits: Uint32Array;
	private count = 0;

	constructor(readonly capacity: number) {
		this.bits = new Uint32Array(Math.ceil((capacity * BITS_PER_KEY) / 32));
	}

	/** Bit i of the key: its i-th 32-bit word (a SHA-256 digest is uniform already). */
	private position(key: Uint8Array, i: number): number {
		const o = 4 * i;
		return ((key[o]! << 24) | (key[o + 1]! << 16) | (key[o + 2]! << 8) | key[o + 3]!) >>> 0;
	}

	mayHave(key: Uint8Array): boolean {
		const m = this.bits.length * 32;
		for (let i = 0; i < HASHES; i++) {
			const p = this.position(key, i) % m;
			if ((this.bits[p >>> 5]! & (1 << (p & 31))) === 0) return false;
		}
		return true;
	}

	add(key: Uint8Array): void {
		const m = this.bits.length * 32;
		for (let i = 0; i < HASHES; i++) {
			const p = this.position(key, i) % m;
			this.bits[p >>> 5]! |= 1 << (p & 31);
		}
		this.count++;
	}

	/** Past its capacity the false-positive rate climbs: time to load a larger one. */
	get full(): boolean {
		return this.count > this.capacity;
	}
}

/** A filter of every message key stored, with room to double (keys streamed: never all in memory at once). */
export async function loadMessageFilter(): Promise<MessageFilter> {
	const stored = (await queryOne('SELECT count() AS n FROM xroad_message', {}, z.object({ n: int64 })))?.n ?? 0;
	const filter = new MessageFilter(Math.max(MIN_CAPACITY, 2 * stored));
	const result = await db().exec({ query: 'SELECT message_key FROM xroad_message FORMAT RowBinary' });
	let carry = Buffer.alloc(0);
	for await (const chunk of result.stream) {
		const bytes = carry.byteLength > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
		const whole = bytes.byteLength - (bytes.byteLength % 32);
		for (let off = 0; off < whole; off += 32) filter.add(bytes.subarray(off, off + 32));
		carry = Buffer.from(bytes.subarray(whole));
	}
	return filter;
}
