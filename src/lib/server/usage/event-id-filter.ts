/**
 * An in-memory set of 64-bit fingerprints of every stored event_id, so the ingestion path
 * can tell new events from retries without reading ClickHouse: 8 bytes per event (80 MB
 * for 10 M events). A fingerprint hit is only a candidate duplicate; the writer confirms
 * candidates against ClickHouse, so a fingerprint collision can never drop an event.
 */

const EMPTY = 0;

/** Hex digit value of a char code (0-9, a-f, A-F). */
function hexAt(s: string, i: number): number {
	const c = s.charCodeAt(i);
	return c <= 57 ? c - 48 : (c | 32) - 87;
}

/** 32 bits from 8 hex digits starting at i, skipping dashes (hot path: no allocation). */
function word(s: string, i: number): number {
	let v = 0;
	for (let n = 0; n < 8; i++) {
		if (s.charCodeAt(i) === 45) continue;
		v = (v << 4) | hexAt(s, i);
		n++;
	}
	return v >>> 0;
}

/** Fold a UUID's 128 bits into a 64-bit fingerprint (hi, lo), as 2 × uint32. */
export function fingerprint(uuid: string): [number, number] {
	// Offsets of the 1st, 9th, 17th and 25th hex digit in the dashed form 8-4-4-4-12.
	const dashed = uuid.length === 36;
	const a = word(uuid, 0);
	const b = word(uuid, dashed ? 9 : 8);
	const c = word(uuid, dashed ? 19 : 16);
	const d = word(uuid, dashed ? 28 : 24);
	return [(a ^ c) >>> 0, (b ^ d) >>> 0];
}

export class EventIdFilter {
	private slots: Uint32Array;
	private mask: number;
	size = 0;

	constructor(expected = 1 << 16) {
		let cap = 1 << 16;
		while (cap < expected * 2) cap *= 2;
		this.slots = new Uint32Array(cap * 2);
		this.mask = cap - 1;
	}

	private static normalise(hi: number, lo: number): [number, number] {
		// (0,0) marks an empty slot; the fingerprint (0,0) is stored as (0,1). A collision
		// this creates is caught by the ClickHouse check like any other.
		return hi === EMPTY && lo === EMPTY ? [0, 1] : [hi, lo];
	}

	private slotOf(hi: number, lo: number): number {
		return (Math.imul(lo ^ (hi >>> 7), 0x9e3779b1) ^ hi) & this.mask;
	}

	has(hi0: number, lo0: number): boolean {
		const [hi, lo] = EventIdFilter.normalise(hi0, lo0);
		let i = this.slotOf(hi, lo);
		for (;;) {
			const sh = this.slots[i * 2]!;
			const sl = this.slots[i * 2 + 1]!;
			if (sh === EMPTY && sl === EMPTY) return false;
			if (sh === hi && sl === lo) return true;
			i = (i + 1) & this.mask;
		}
	}

	add(hi0: number, lo0: number): void {
		if ((this.size + 1) * 2 > this.mask + 1) this.grow();
		const [hi, lo] = EventIdFilter.normalise(hi0, lo0);
		let i = this.slotOf(hi, lo);
		for (;;) {
			const sh = this.slots[i * 2]!;
			const sl = this.slots[i * 2 + 1]!;
			if (sh === EMPTY && sl === EMPTY) {
				this.slots[i * 2] = hi;
				this.slots[i * 2 + 1] = lo;
				this.size++;
				return;
			}
			if (sh === hi && sl === lo) return;
			i = (i + 1) & this.mask;
		}
	}

	/** Add fingerprints packed as little-endian (hi, lo) uint32 pairs, as ClickHouse's RowBinary sends them. */
	addPacked(bytes: Uint8Array): void {
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		for (let off = 0; off + 8 <= bytes.byteLength; off += 8) {
			this.add(view.getUint32(off, true), view.getUint32(off + 4, true));
		}
	}

	private grow(): void {
		const old = this.slots;
		this.slots = new Uint32Array(old.length * 2);
		this.mask = (this.mask + 1) * 2 - 1;
		this.size = 0;
		for (let i = 0; i < old.length; i += 2) {
			const hi = old[i]!;
			const lo = old[i + 1]!;
			if (hi !== EMPTY || lo !== EMPTY) this.add(hi, lo);
		}
	}
}
