/**
 * Whom processing concerns: the population sorted by birth date, with an activity weight
 * per person (some people meet the state often, some almost never). An age band is then
 * a contiguous slice of that order, so drawing a person of a given age is one binary
 * search, at any population size.
 */
import type { AgeBand } from './catalogue';
import { DAY_MS, parseIsoDate } from './dates';
import type { PersonRow } from './reference';
import { type Rng, searchCumulative as search_ } from './random';

// A module-local binding: the hot loops call it millions of times.
const searchCumulative = search_;

const YEAR = 365.2425;

export class People {
	readonly n: number;
	/** 'EE' + personal code, as events carry it. */
	readonly subject: string[];
	readonly birthDay: Int32Array;
	readonly county: string[];
	readonly household: Int32Array;

	constructor(readonly rows: readonly PersonRow[]) {
		this.n = rows.length;
		this.subject = new Array<string>(this.n);
		this.birthDay = new Int32Array(this.n);
		this.county = new Array<string>(this.n);
		this.household = new Int32Array(this.n);
		for (let i = 0; i < this.n; i++) {
			const p = rows[i]!;
			this.subject[i] = `EE${p.personal_code}`;
			this.birthDay[i] = parseIsoDate(p.birth_date);
			this.county[i] = p.county;
			this.household[i] = p.household_id;
		}
	}

	/**
	 * Index of a person by personal code. A scan, not a map: only the stories look people up
	 * (a dozen times, personas first in the list), and a million-entry map costs ~80 MB.
	 */
	find(code: string): number {
		const i = this.rows.findIndex((p) => p.personal_code === code);
		if (i < 0) throw new Error(`person ${code} is not in the reference data`);
		return i;
	}

	/** First instant the person can appear in a log: the day after their birth. */
	bornMs(i: number): number {
		return (this.birthDay[i]! + 1) * DAY_MS;
	}
}

/** People of one county and/or sex, oldest first, with cumulative activity weights. */
export class Pool {
	readonly order: Int32Array;
	readonly births: Int32Array;
	readonly cum: Float64Array;
	/**
	 * Guide table: guide[k] is the first index whose cumulative weight exceeds k/n of the
	 * total, so a draw is a step or two from there instead of a binary search that misses
	 * the cache twenty times over a million people.
	 */
	private readonly guide: Int32Array;
	private readonly scale: number;

	constructor(people: People, activity: Float64Array, sortedAll: Int32Array, keep: (i: number) => boolean) {
		const picked: number[] = [];
		for (let k = 0; k < sortedAll.length; k++) if (keep(sortedAll[k]!)) picked.push(sortedAll[k]!);
		this.order = Int32Array.from(picked);
		this.births = new Int32Array(picked.length);
		this.cum = new Float64Array(picked.length);
		let total = 0;
		for (let k = 0; k < picked.length; k++) {
			const i = picked[k]!;
			this.births[k] = people.birthDay[i]!;
			this.cum[k] = total += activity[i]!;
		}
		const n = picked.length;
		this.guide = new Int32Array(n + 1);
		this.scale = total > 0 ? n / total : 0;
		for (let g = 0, i = 0; g <= n; g++) {
			const x = (g * total) / n;
			while (i < n - 1 && this.cum[i]! <= x) i++;
			this.guide[g] = i;
		}
	}

	/** The index in [lo, hi) whose cumulative weight first exceeds x (x within that slice's mass). */
	locate(x: number, lo: number, hi: number): number {
		let i = this.guide[Math.floor(x * this.scale)]!;
		if (i < lo) i = lo;
		else if (i > hi - 1) i = hi - 1; // only by float rounding at the slice's very end
		while (i < hi - 1 && this.cum[i]! <= x) i++;
		return i;
	}

	/** Index of the first person born after day (births ascending). */
	bornAfter(day: number): number {
		let lo = 0;
		let hi = this.births.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.births[mid]! > day) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}

	mass(lo: number, hi: number): number {
		return hi <= lo ? 0 : this.cum[hi - 1]! - (lo > 0 ? this.cum[lo - 1]! : 0);
	}
}

interface Band {
	lo: number;
	hi: number;
	m0: number;
	m1: number;
}

/** Draws people of a purpose's age bands from a pool, weighted by band and activity. */
export class Audience {
	private readonly bands: Band[] = [];
	private readonly bandCum: Float64Array;
	/** The whole slice the bands cover: bulk runs walk it in order. */
	readonly lo: number;
	readonly hi: number;

	constructor(
		readonly pool: Pool,
		ages: readonly AgeBand[],
		today: number
	) {
		const weights: number[] = [];
		let lo = Infinity;
		let hi = -Infinity;
		for (const [from, to, w] of ages) {
			// Age >= from: born on or before today - from years; a day's margin keeps newborns' events after birth.
			const bLo = pool.bornAfter(Math.floor(today - (to + 1) * YEAR));
			const bHi = pool.bornAfter(Math.floor(today - Math.max(from * YEAR, 2)));
			const m = pool.mass(bLo, bHi);
			if (m <= 0) continue;
			this.bands.push({ lo: bLo, hi: bHi, m0: bLo > 0 ? pool.cum[bLo - 1]! : 0, m1: pool.cum[bHi - 1]! });
			weights.push(m * w);
			lo = Math.min(lo, bLo);
			hi = Math.max(hi, bHi);
		}
		this.bandCum = new Float64Array(weights.length);
		let total = 0;
		weights.forEach((w, i) => (this.bandCum[i] = total += w));
		this.lo = Number.isFinite(lo) ? lo : 0;
		this.hi = Number.isFinite(hi) ? hi : 0;
	}

	get empty(): boolean {
		return this.bands.length === 0;
	}

	/** A person index (into People). */
	draw(rng: Rng): number {
		const n = this.bands.length;
		const b = this.bands[n === 1 ? 0 : searchCumulative(this.bandCum, rng.float() * this.bandCum[n - 1]!, 0, n - 1)]!;
		return this.pool.order[this.pool.locate(b.m0 + rng.float() * (b.m1 - b.m0), b.lo, b.hi)]!;
	}
}

/**
 * Activity per person: exponential (many light users, a few heavy ones) times a life-stage
 * factor: working-age adults and the elderly meet agencies more than children do.
 */
export function activityWeights(people: People, rng: Rng, today: number): Float64Array {
	const w = new Float64Array(people.n);
	for (let i = 0; i < people.n; i++) {
		const age = (today - people.birthDay[i]!) / YEAR;
		const stage = age < 18 ? 0.7 : age < 65 ? 1.2 : 1.3;
		w[i] = stage * (0.02 - Math.log(1 - rng.float()));
	}
	return w;
}

/** All people, oldest first (counting sort on birth day: linear in the population). */
export function sortByBirth(people: People): Int32Array {
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < people.n; i++) {
		const b = people.birthDay[i]!;
		if (b < min) min = b;
		if (b > max) max = b;
	}
	const out = new Int32Array(people.n);
	if (people.n === 0) return out;
	const counts = new Int32Array(max - min + 2);
	for (let i = 0; i < people.n; i++) counts[people.birthDay[i]! - min + 1]!++;
	for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!;
	for (let i = 0; i < people.n; i++) out[counts[people.birthDay[i]! - min]!++] = i;
	return out;
}
