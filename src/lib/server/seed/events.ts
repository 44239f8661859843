/**
 * Demo usage events: the persona stories first, then a random stream shaped like real
 * processing (a few big registers dominate, office rhythm for people, nights for
 * machines, monthly bulk runs, intermediaries, restricted and sealed events). Yields
 * batches and never holds more than one batch, so ten million events need little memory.
 * Deterministic for (ref, events, seed, now).
 */
import type { UsageEvent, Visibility } from '../../schemas/usage-event';
import { CLOCK_SKEW_MS, EARLIEST_LOGGED_AT } from '../../schemas/usage-event';
import { Calendar } from './calendar';
import { civilFromDays, daysFromCivil, DAY_MS, HOUR_MS } from './dates';
import { EventFactory, SHARES, WINDOW_DAYS, type Template } from './factory';
import { Rng, searchCumulative as search_ } from './random';
import type { Reference } from './reference';
import { buildStory, type PlantedAnomaly } from './story';

// A module-local binding: the hot loops call it millions of times.
const searchCumulative = search_;

export { SHARES, WINDOW_DAYS } from './factory';
export type { AnomalyKind, PlantedAnomaly } from './story';

export interface EventOptions {
	/** How many events in all (the persona stories count towards it; at least the stories are made). */
	events: number;
	seed: number;
	/** End of the two-year window (default: now). Must not be in the future. */
	now?: number | Date;
	batchSize?: number;
}

function resolveNow(now: number | Date | undefined): number {
	const t = now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime();
	if (!Number.isFinite(t)) throw new Error('now must be a valid time');
	if (t > Date.now() + CLOCK_SKEW_MS) throw new Error('now must not be in the future: the events would be rejected');
	// The window's first day, as the generator's calendar has it (the first of a month).
	if (new Calendar(t, WINDOW_DAYS).start[0]! < EARLIEST_LOGGED_AT) throw new Error('now must be at least two years after 2000-01-01');
	return Math.floor(t);
}

/**
 * The misuse patterns planted among the events generateEvents makes for the same
 * (ref, seed, now): which official, which person, which event ids. For demos of the
 * oversight side and for tests of the detectors.
 */
export function plantedAnomalies(ref: Reference, opts: Omit<EventOptions, 'events' | 'batchSize'>): PlantedAnomaly[] {
	const root = new Rng(`peegel-events:${opts.seed}`);
	const factory = new EventFactory(ref, root.derive('world'), resolveNow(opts.now));
	return buildStory(factory, root.derive('story')).anomalies;
}

export function* generateEvents(ref: Reference, opts: EventOptions): Generator<UsageEvent[], void, undefined> {
	const { events, seed } = opts;
	const batchSize = opts.batchSize ?? 50_000;
	if (!Number.isInteger(events) || events < 0) throw new Error(`events must be a non-negative integer, got ${events}`);
	if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, got ${batchSize}`);
	const now = resolveNow(opts.now);
	const root = new Rng(`peegel-events:${seed}`);
	const factory = new EventFactory(ref, root.derive('world'), now);

	let batch: UsageEvent[] = [];
	const story = buildStory(factory, root.derive('story'));
	for (const e of story.events) {
		batch.push(e);
		if (batch.length === batchSize) {
			yield batch;
			batch = [];
		}
	}

	const stream = new RandomStream(factory, root.derive('stream'));
	const remaining = Math.max(0, events - story.events.length);
	let bulkLeft = stream.canBulk ? Math.round(remaining * SHARES.bulk) : 0;
	let normalLeft = remaining - bulkLeft;
	let failedRuns = 0;
	const rng = stream.rng;
	while (normalLeft > 0 || bulkLeft > 0) {
		// A run counts as one draw, so runs are spread evenly through the stream.
		const runs = bulkLeft / stream.meanRun;
		if (bulkLeft > 0 && (normalLeft === 0 || rng.float() * (normalLeft + runs) < runs)) {
			const made = stream.bulkRun(batch, bulkLeft);
			bulkLeft -= made;
			if (made === 0 && ++failedRuns > 50) {
				normalLeft += bulkLeft; // no run fits (tiny population or window): make ordinary events
				bulkLeft = 0;
			}
		} else {
			normalLeft -= stream.one(batch, normalLeft);
		}
		while (batch.length >= batchSize) {
			if (batch.length === batchSize) {
				yield batch;
				batch = [];
			} else {
				const full = batch.slice(0, batchSize);
				batch = batch.slice(batchSize);
				yield full;
			}
		}
	}
	if (batch.length > 0) yield batch;
}

interface Slot {
	tpl: Template;
	start: number;
	year: number;
	month: number;
	/** Where the next run in this slot continues in the audience, so runs do not overlap. */
	next: number;
	uses: number;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The random part: one ordinary event at a time, or one bulk run. */
class RandomStream {
	private readonly cum: Float64Array;
	private readonly total: number;
	private readonly qRestricted: number;
	private readonly qSealed: number;
	private readonly qVia: number;
	private readonly slots: Slot[] = [];
	readonly meanRun: number;

	constructor(
		private readonly f: EventFactory,
		readonly rng: Rng
	) {
		const tpls = f.templates;
		this.cum = new Float64Array(tpls.length);
		let w = 0;
		let restricted = 0;
		let sealed = 0;
		let via = 0;
		let fixedVia = 0;
		tpls.forEach((t, i) => {
			const s = t.spec;
			this.cum[i] = w += s.weight;
			if (s.restricted && t.staff) restricted += s.weight * s.manual;
			if (s.sealed) sealed += s.weight;
			if (s.via && s.viaShare === undefined) via += s.weight;
			// Fixed-share purposes use up part of the target ('local' ones only where a city exists).
			if (s.via && s.viaShare !== undefined) fixedVia += s.weight * s.viaShare * (s.via.includes('local') ? 0.75 : 1);
		});
		this.total = w;
		// Per-purpose probabilities that give the target shares of the whole stream.
		const ordinary = 1 - SHARES.bulk;
		this.qRestricted = restricted > 0 ? Math.min(1, ((SHARES.restricted / ordinary) * w) / restricted) : 0;
		this.qSealed = sealed > 0 ? Math.min(1, ((SHARES.sealed / ordinary) * w) / sealed) : 0;
		this.qVia = via > 0 ? Math.max(0, Math.min(0.95, ((SHARES.intermediary / ordinary) * w - fixedVia) / via)) : 0;
		this.planRuns();
		const sizes = this.slots.map((s) => Math.min(1650, s.tpl.audience.hi - s.tpl.audience.lo));
		this.meanRun = sizes.length ? Math.max(1, sizes.reduce((a, b) => a + b, 0) / sizes.length) : 1;
	}

	get canBulk(): boolean {
		return this.slots.length > 0;
	}

	/** Every scheduled run in the window: each bulk purpose's day and hour in each of its months. */
	private planRuns(): void {
		const { cal } = this.f;
		for (const tpl of this.f.templates) {
			const bulk = tpl.spec.bulk;
			if (!bulk || tpl.audience.hi <= tpl.audience.lo) continue;
			const firstDay = cal.first;
			const lastDay = cal.first + cal.days - 1;
			for (let day = firstDay; day <= lastDay; ) {
				const c = civilFromDays(day);
				const monthEnd = daysFromCivil(c.month === 12 ? c.year + 1 : c.year, c.month === 12 ? 1 : c.month + 1, 1);
				if (bulk.months.includes(c.month)) {
					const runDay = Math.min(daysFromCivil(c.year, c.month, bulk.day), monthEnd - 1);
					const i = runDay - firstDay;
					const start = cal.at(i, bulk.hour, this.rng.int(0, 45));
					if (i >= 0 && i < cal.days && start + 2 * HOUR_MS < cal.now) {
						this.slots.push({ tpl, start, year: c.year, month: c.month, next: this.rng.int(0, 1_000_000), uses: 0 });
					}
				}
				day = monthEnd;
			}
		}
	}

	/**
	 * One ordinary event into `into` (two when a protected person's case file opens with it,
	 * and `room` allows two); returns how many.
	 */
	one(into: UsageEvent[], room: number): number {
		const { f, rng } = this;
		const tpls = f.templates;
		const tpl = tpls[searchCumulative(this.cum, rng.float() * this.total, 0, tpls.length - 1)]!;
		const spec = tpl.spec;
		const subject = tpl.audience.draw(rng);
		const born = f.people.bornMs(subject);
		const now = f.cal.now;
		const wantsOfficial = tpl.staff !== null && spec.manual > 0 && rng.float() < spec.manual;
		let t: number;
		if (spec.nearBirth && born > f.cal.start[0]!) {
			t = born + rng.int(1, 20) * DAY_MS + rng.int(7, 14) * HOUR_MS + Math.floor(rng.float() * HOUR_MS);
			if (t >= now) t = born + Math.floor(rng.float() * (now - born));
		} else {
			t = f.cal.time(rng, wantsOfficial ? tpl.rhythm : 'machine');
			if (t < born) t = born + Math.floor(rng.float() * (now - born)); // a child born inside the window
		}
		let actor = wantsOfficial ? tpl.staff!.pick(rng, t) : '';
		// Ordinary traffic has no accidental look-ups of oneself or one's family: those are the
		// planted misuse (story.ts) and the bench's scenarios, so detection is judged on them.
		if (actor !== '' && f.isLinked(actor, subject)) {
			actor = tpl.staff!.pick(rng, t);
			if (actor !== '' && f.isLinked(actor, subject)) actor = '';
		}
		if (actor !== '' && room < 2 && f.isProtected[subject] === 1) actor = '';
		let caseRef = actor !== '' ? f.manualCaseRef(tpl, t) : '';
		let made = 0;
		if (actor !== '' && f.isProtected[subject] === 1) {
			// A protected person's legitimate look-up: part of a case file the agency's own
			// processing opened first (what the explanation step recognises).
			if (caseRef === '') caseRef = f.caseRef(tpl, t);
			const opened = Math.max(born, f.cal.start[0]!, t - rng.int(10, 3 * 24 * 60) * 60_000);
			into.push(f.make(tpl, subject, Math.min(opened, t), { caseRef }));
			made++;
		}
		let visibility: Visibility = 'visible';
		let discloseAfter: number | null = null;
		if (spec.sealed && rng.float() < this.qSealed) {
			visibility = 'sealed';
			discloseAfter = t + rng.int(365, 5 * 365) * DAY_MS + Math.floor(rng.float() * DAY_MS);
		} else if (spec.restricted && actor !== '' && rng.float() < this.qRestricted) {
			visibility = 'restricted';
			if (caseRef === '' || f.caseForgotten) caseRef = f.caseRef(tpl, t); // investigations always have a file
		}
		const intermediary = visibility === 'visible' && spec.via && rng.float() < (spec.viaShare ?? this.qVia) ? f.intermediaryFor(tpl, subject) : '';
		into.push(f.make(tpl, subject, t, { actor, caseRef, visibility, discloseAfter, intermediary }));
		return made + 1;
	}

	/** One scheduled run: hundreds to thousands of people processed within the same minute. */
	bulkRun(into: UsageEvent[], limit: number): number {
		const { f, rng } = this;
		const slot = this.slots[Math.floor(rng.float() * this.slots.length)]!;
		const { tpl } = slot;
		const a = tpl.audience;
		const len = a.hi - a.lo;
		const size = Math.min(rng.int(300, 3000), limit, len);
		// A slot drawn again is a follow-up batch a few minutes later, over the next people.
		const t0 = slot.start + slot.uses * 3 * 60_000;
		slot.uses++;
		if (size <= 0 || t0 + 60_000 >= f.cal.now) return 0;
		const caseRef = `${tpl.spec.bulk!.ref}-${slot.year}-${pad2(slot.month)}`;
		const order = a.pool.order;
		let made = 0;
		for (let k = 0; k < size; k++) {
			const subject = order[a.lo + ((slot.next + k) % len)]!;
			const t = t0 + Math.floor((k * 59_000) / size);
			if (f.people.bornMs(subject) > t) continue; // not yet born at the time of the run
			into.push(f.make(tpl, subject, t, { caseRef, bulk: true }));
			made++;
		}
		slot.next += size;
		return made;
	}
}
