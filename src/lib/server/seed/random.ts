/**
 * A small seeded PRNG for demo data: the same seed gives the same people, events and
 * event ids on every machine, so docs and tests can name them. sfc32 (fast, 128-bit
 * state, passes PractRand for our purposes) seeded through splitmix32. Not for secrets.
 */

/** 32-bit mix of a number or string into a seed word (strings: FNV-1a, numbers: both halves). */
export function hashSeed(seed: number | string): number {
	if (typeof seed === 'string') {
		let h = 0x811c9dc5;
		for (let i = 0; i < seed.length; i++) {
			h ^= seed.charCodeAt(i);
			h = Math.imul(h, 0x01000193);
		}
		return h >>> 0;
	}
	if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
	const n = Math.trunc(seed);
	const lo = n >>> 0;
	const hi = Math.floor(n / 0x1_0000_0000) >>> 0;
	return (lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
}

function splitmix32(state: number): [next: number, out: number] {
	const s = (state + 0x9e3779b9) | 0;
	let z = s;
	z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
	z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
	z ^= z >>> 16;
	return [s, z >>> 0];
}

// Char codes of each byte's two hex digits. UUIDs are written into one reused array and
// turned into a string in a single call: concatenating 20 pieces would build rope strings
// that cost ten times more in garbage collection at millions of events.
const HEX_CODES = new Uint8Array(512);
for (let i = 0; i < 256; i++) {
	const h = i.toString(16).padStart(2, '0');
	HEX_CODES[2 * i] = h.charCodeAt(0);
	HEX_CODES[2 * i + 1] = h.charCodeAt(1);
}
const UUID_CHARS: number[] = new Array<number>(36).fill(45); // '-' stays at 8, 13, 18, 23

function putHex(at: number, byte: number): void {
	UUID_CHARS[at] = HEX_CODES[2 * byte]!;
	UUID_CHARS[at + 1] = HEX_CODES[2 * byte + 1]!;
}

export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number | string) {
		let s = hashSeed(seed);
		let out: number;
		[s, out] = splitmix32(s);
		this.a = out;
		[s, out] = splitmix32(s);
		this.b = out;
		[s, out] = splitmix32(s);
		this.c = out;
		[, out] = splitmix32(s);
		this.d = out;
		// Warm up so close seeds diverge fully.
		for (let i = 0; i < 12; i++) this.next32();
	}

	/** An independent stream named by label: adding draws to one stream never shifts another. */
	derive(label: string): Rng {
		return new Rng(`${this.next32()}:${label}`);
	}

	/** Uniform unsigned 32-bit integer. */
	next32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** Uniform in [0, 1), 32 bits of resolution (plenty for sampling). */
	float(): number {
		return this.next32() / 4294967296;
	}

	/** Uniform integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		if (max < min) throw new Error(`int(${min}, ${max}): max is below min`);
		return min + Math.floor(this.float() * (max - min + 1));
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick() from an empty list');
		return items[Math.floor(this.float() * items.length)]!;
	}

	chance(p: number): boolean {
		return this.float() < p;
	}

	/** One draw from items by weights (for repeated draws over the same list, use makeWeighted). */
	weighted<T>(items: readonly T[], weights: readonly number[]): T {
		return makeWeighted(items, weights)(this);
	}

	/** Standard normal (Box-Muller); used off the hot paths only. */
	normal(): number {
		const u = 1 - this.float();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
	}

	/** A version-4-shaped UUID (RFC 9562 variant), drawn from this stream so it is reproducible. */
	uuid(): string {
		const a = this.next32();
		const b = this.next32();
		const c = this.next32();
		const d = this.next32();
		putHex(0, a >>> 24);
		putHex(2, (a >>> 16) & 255);
		putHex(4, (a >>> 8) & 255);
		putHex(6, a & 255);
		putHex(9, b >>> 24);
		putHex(11, (b >>> 16) & 255);
		putHex(14, ((b >>> 8) & 0x0f) | 0x40); // version 4
		putHex(16, b & 255);
		putHex(19, ((c >>> 24) & 0x3f) | 0x80); // RFC 9562 variant
		putHex(21, (c >>> 16) & 255);
		putHex(24, (c >>> 8) & 255);
		putHex(26, c & 255);
		putHex(28, d >>> 24);
		putHex(30, (d >>> 16) & 255);
		putHex(32, (d >>> 8) & 255);
		putHex(34, d & 255);
		return String.fromCharCode.apply(null, UUID_CHARS);
	}
}

export type Sampler<T> = (rng: Rng) => T;

/**
 * A sampler over items by non-negative weights: cumulative sums computed once, each draw a
 * binary search, so drawing from hundreds of thousands of items stays cheap.
 */
export function makeWeighted<T>(items: readonly T[], weights: readonly number[]): Sampler<T> {
	if (items.length !== weights.length) throw new Error('makeWeighted: items and weights differ in length');
	const cum = new Float64Array(items.length);
	let total = 0;
	for (let i = 0; i < weights.length; i++) {
		const w = weights[i]!;
		if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`makeWeighted: weight ${i} is ${w}`);
		total += w;
		cum[i] = total;
	}
	if (total <= 0) throw new Error('makeWeighted: all weights are zero');
	const last = items.length - 1;
	return (rng) => items[searchCumulative(cum, rng.float() * total, 0, last)]!;
}

/** The first index in cum[lo..hi] whose cumulative weight exceeds x (cum ascending). */
export function searchCumulative(cum: Float64Array, x: number, lo: number, hi: number): number {
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (cum[mid]! > x) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}
