/**
 * The event generator's clock: two years of Tallinn calendar days ending at `now`, with
 * per-day and per-hour weights (office rhythm, round-the-clock work, machines), and a
 * formatter that turns epoch milliseconds into RFC 3339 text without a Date per event.
 */
import { civilFromDays, daysFromCivil, DAY_MS as DAY_MS_, HOUR_MS as HOUR_MS_, tallinnDay, tallinnMidnightUtc, weekday } from './dates';
import { type Rng, searchCumulative as search_ } from './random';

// Module-local copies: hot loops read these millions of times.
const DAY_MS = DAY_MS_;
const HOUR_MS = HOUR_MS_;
const searchCumulative = search_;

/** Relative activity per local hour 0-23. Office: about 87% between 08:00 and 18:00. */
const OFFICE_HOURS = [0.03, 0.02, 0.02, 0.02, 0.02, 0.04, 0.12, 0.45, 0.9, 1.25, 1.3, 1.25, 0.95, 1.2, 1.2, 1.1, 0.9, 0.55, 0.3, 0.2, 0.14, 0.1, 0.07, 0.05];
/** Police, dispatchers: day-heavy but never stopping. */
const SHIFT_HOURS = [0.35, 0.3, 0.25, 0.2, 0.2, 0.25, 0.4, 0.6, 0.9, 1, 1, 1, 1, 1, 1, 1, 1, 0.95, 0.85, 0.75, 0.65, 0.6, 0.5, 0.4];
/** Automated processing: e-services used in the evening too, batch jobs at night. */
const MACHINE_HOURS = [0.3, 0.25, 0.22, 0.2, 0.2, 0.25, 0.4, 0.65, 0.95, 1.1, 1.15, 1.15, 1.1, 1.1, 1.1, 1.05, 1, 0.95, 0.9, 0.85, 0.75, 0.6, 0.45, 0.35];

/** Estonian public holidays with a fixed date (month * 100 + day); movable feasts are left out. */
const HOLIDAYS = new Set([101, 224, 501, 623, 624, 820, 1224, 1225, 1226]);

export type Rhythm = 'office' | 'shift' | 'machine';

interface Profile {
	dayCum: Float64Array;
	hourCum: Float64Array;
}

const p2 = (n: number) => String(n).padStart(2, '0');
// Timestamps are three table look-ups joined: 'YYYY-MM-DDT' + 'hh:mm:ss.' + 'mmmZ'. Measured
// faster than building the text digit by digit, serialisation included.
let hmsTable: string[] | null = null;
const MS_Z = Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(3, '0')}Z`);
function hms(): string[] {
	hmsTable ??= Array.from({ length: 86_400 }, (_, i) => `${p2(Math.floor(i / 3600))}:${p2(Math.floor(i / 60) % 60)}:${p2(i % 60)}.`);
	return hmsTable;
}

function cumulative(weights: ArrayLike<number>): Float64Array {
	const out = new Float64Array(weights.length);
	let total = 0;
	for (let i = 0; i < weights.length; i++) out[i] = total += weights[i]!;
	return out;
}

export class Calendar {
	/** Local day number of index 0; index days-1 is today (in Tallinn). */
	readonly first: number;
	readonly days: number;
	/** UTC ms of each local day's midnight. */
	readonly start: Float64Array;
	private readonly profiles: Record<Rhythm, Profile>;
	private readonly utcBase: number;
	/** 'YYYY-MM-DDT' of every UTC day the window touches. */
	private readonly prefix: string[] = [];
	private readonly years: number[] = [];
	private readonly hms = hms();

	constructor(
		readonly now: number,
		windowDays: number
	) {
		const today = tallinnDay(now);
		// From the first of the month windowDays back: every month in the data is whole. A
		// first month cut at today's date would hold only its last days, and its few people
		// would make statistics withhold that combination in every month of a release.
		const from = civilFromDays(today - windowDays);
		this.first = daysFromCivil(from.year, from.month, 1);
		this.days = today - this.first + 1;
		this.start = new Float64Array(this.days);
		const office = new Float64Array(this.days);
		const shift = new Float64Array(this.days);
		const machine = new Float64Array(this.days);
		for (let i = 0; i < this.days; i++) {
			const day = this.first + i;
			this.start[i] = tallinnMidnightUtc(day);
			const { month, day: dom } = civilFromDays(day);
			const wd = weekday(day);
			const weekend = wd === 0 || wd === 6;
			const holiday = HOLIDAYS.has(month * 100 + dom);
			// Use grows a little over the two years (digital adoption), summer is quieter.
			const trend = 0.85 + (0.3 * i) / this.days;
			const summer = month === 7 ? 0.75 : 1;
			office[i] = trend * summer * (holiday ? 0.06 : wd === 6 ? 0.1 : wd === 0 ? 0.06 : 1);
			shift[i] = trend * (holiday || weekend ? 0.75 : 1);
			machine[i] = trend * (holiday || weekend ? 0.55 : 1);
		}
		this.profiles = {
			office: { dayCum: cumulative(office), hourCum: cumulative(OFFICE_HOURS) },
			shift: { dayCum: cumulative(shift), hourCum: cumulative(SHIFT_HOURS) },
			machine: { dayCum: cumulative(machine), hourCum: cumulative(MACHINE_HOURS) }
		};
		// Text of every UTC date the window touches, so formatting is a look-up plus the time.
		this.utcBase = Math.floor(this.start[0]! / DAY_MS);
		const lastUtc = Math.floor(now / DAY_MS) + 1;
		for (let d = this.utcBase; d <= lastUtc; d++) {
			const c = civilFromDays(d);
			this.prefix.push(`${c.year}-${p2(c.month)}-${p2(c.day)}T`);
			this.years.push(c.year);
		}
	}

	/** A random instant before `now` following a rhythm's day and hour weights. */
	time(rng: Rng, rhythm: Rhythm): number {
		const p = this.profiles[rhythm];
		const dayTotal = p.dayCum[this.days - 1]!;
		const hourTotal = p.hourCum[23]!;
		for (;;) {
			const i = searchCumulative(p.dayCum, rng.float() * dayTotal, 0, this.days - 1);
			const hour = searchCumulative(p.hourCum, rng.float() * hourTotal, 0, 23);
			const t = this.start[i]! + hour * HOUR_MS + Math.floor(rng.float() * HOUR_MS);
			if (t < this.now) return t; // today's later hours have not happened yet
		}
	}

	/** UTC ms of a local time on window day index i (clamped into the window). */
	at(i: number, hour: number, minute: number, ms = 0): number {
		const idx = Math.max(0, Math.min(this.days - 1, i));
		return this.start[idx]! + hour * HOUR_MS + minute * 60_000 + ms;
	}

	/** RFC 3339 UTC with milliseconds, e.g. 2026-03-04T08:15:02.120Z. */
	format(t: number): string {
		const utcDay = Math.floor(t / DAY_MS);
		const ms = t - utcDay * DAY_MS;
		const sec = Math.floor(ms / 1000);
		return this.prefix[utcDay - this.utcBase]! + this.hms[sec]! + MS_Z[ms - sec * 1000]!;
	}

	/** Calendar year (UTC) of an instant inside the window. */
	year(t: number): number {
		return this.years[Math.floor(t / DAY_MS) - this.utcBase]!;
	}

	/** Window index of the local day of t. */
	index(t: number): number {
		return tallinnDay(t) - this.first;
	}
}
