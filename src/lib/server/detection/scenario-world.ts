/**
 * What the misuse scenarios are built from: the demo generator's world (its calendar,
 * people, purposes and staff) plus bookkeeping, so each scenario gets officials and people
 * no other scenario uses (one scenario's events never complete another rule's pattern),
 * times inside the official's employment and inside office hours, and case references
 * that nothing corroborates unless the scenario says so.
 */
import type { UsageEvent } from '../../schemas/usage-event';
import { parseIsoDate, tallinnMidnightUtc, weekday } from '../seed/dates';
import type { EventFactory, EventFields, Template } from '../seed/factory';
import type { Rng } from '../seed/random';

export interface Official {
	/** Subject code ('EE' + personal code), as events carry it. */
	actor: string;
	agency: string;
	/** Index into the population. */
	index: number;
	/** Employment: UTC ms of the first local midnight, and of the local midnight after the last day (Infinity: still employed). */
	from: number;
	to: number;
	employedTo: string | null;
	/** The agency's purposes an official does by hand in office hours, and round the clock. */
	office: Template[];
	shift: Template[];
}

export interface OfficialFilter {
	agency?: string;
	/** Agencies not to take. */
	notAgency?: ReadonlySet<string>;
	/** At least this many window days employed before the first possible event. */
	historyDays?: number;
	/** Only people who left (employed_to set, inside the window). */
	leaver?: boolean;
	/** A purpose of this kind must exist at the agency. */
	needs?: 'office' | 'shift' | 'caseRequired';
	extra?: (o: Official) => boolean;
}

/** The population has nobody left who fits: a scenario is skipped, not half made. */
export class PopulationTooSmall extends Error {}

export class ScenarioWorld {
	readonly officials: Official[] = [];
	/** Agencies where a decoy official works steadily at a high volume: that raises the peers' percentile a spike is judged against. */
	readonly busyAgencies = new Set<string>();
	private readonly usedActors = new Set<string>();
	private readonly usedPeople = new Set<number>();
	private readonly excludedPeople = new Set<number>();

	constructor(readonly f: EventFactory) {
		const personaCodes = new Set(f.ref.personas.flatMap((p) => [p.personal_code, ...(p.child_code ? [p.child_code] : [])]));
		const byAgency = new Map<string, Template[]>();
		for (const t of f.templates) {
			if (t.spec.manual <= 0 || !t.staff || t.spec.sealed) continue;
			const list = byAgency.get(t.agency);
			if (list) list.push(t);
			else byAgency.set(t.agency, [t]);
		}
		f.people.rows.forEach((p, i) => {
			if (personaCodes.has(p.personal_code)) this.excludedPeople.add(i);
		});
		for (const p of f.protectedList) this.excludedPeople.add(p.index);
		for (const o of f.ref.officials) {
			if (personaCodes.has(o.personal_code)) continue;
			const actor = `EE${o.personal_code}`;
			const family = f.families.get(actor);
			const templates = byAgency.get(o.agency_code) ?? [];
			if (!family || templates.length === 0) continue;
			this.officials.push({
				actor,
				agency: o.agency_code,
				index: family.self,
				from: tallinnMidnightUtc(parseIsoDate(o.employed_from)),
				to: o.employed_to ? tallinnMidnightUtc(parseIsoDate(o.employed_to) + 1) : Infinity,
				employedTo: o.employed_to,
				office: templates.filter((t) => t.spec.hours !== 'shift' && !t.spec.caseRequired),
				shift: templates.filter((t) => t.spec.hours === 'shift')
			});
		}
	}

	get cal() {
		return this.f.cal;
	}

	/** A random official no scenario has used yet, or null. Marks them used. */
	official(rng: Rng, filter: OfficialFilter = {}): Official | null {
		const ok = this.officials.filter((o) => {
			if (this.usedActors.has(o.actor)) return false;
			if (filter.agency && o.agency !== filter.agency) return false;
			if (filter.notAgency?.has(o.agency)) return false;
			if (filter.leaver && (o.employedTo === null || o.to >= this.cal.now - 3 * 86_400_000 || o.to <= this.cal.start[0]!)) return false;
			if (filter.needs === 'office' && o.office.length === 0) return false;
			if (filter.needs === 'shift' && o.shift.length === 0) return false;
			if (filter.needs === 'caseRequired' && !this.caseRequiredTemplates(o.agency).length) return false;
			if (!filter.leaver && this.dayRange(o, filter.historyDays ?? 0) === null) return false;
			return filter.extra ? filter.extra(o) : true;
		});
		if (ok.length === 0) return null;
		const o = rng.pick(ok);
		this.usedActors.add(o.actor);
		return o;
	}

	caseRequiredTemplates(agency: string): Template[] {
		return this.f.templates.filter((t) => t.agency === agency && t.spec.caseRequired && t.spec.manual > 0 && t.staff && !t.spec.sealed);
	}

	/** Window day indexes [lo, hi] on which the official is employed all day, after `historyDays` of employment. */
	dayRange(o: Official, historyDays = 0): [number, number] | null {
		const cal = this.cal;
		const fromIdx = o.from <= cal.start[0]! ? 0 : cal.index(o.from);
		const lo = Math.max(1, fromIdx + historyDays);
		const hi = Math.min(cal.days - 2, o.to === Infinity ? cal.days - 2 : cal.index(o.to) - 1);
		return lo <= hi ? [lo, hi] : null;
	}

	isWeekend(i: number): boolean {
		const wd = weekday(this.cal.first + i);
		return wd === 0 || wd === 6;
	}

	/** A weekday (Monday-Friday) index in [lo, hi], or the nearest one inside it. */
	weekday(rng: Rng, lo: number, hi: number): number {
		let i = rng.int(lo, hi);
		for (let k = 0; k < 7 && this.isWeekend(i); k++) i = i + 1 <= hi ? i + 1 : Math.max(lo, i - 3);
		return i;
	}

	/** A Saturday or Sunday index in [lo, hi] (wd: 6 or 0), searching forward then back. */
	weekendDay(rng: Rng, lo: number, hi: number, wd: 0 | 6): number | null {
		const start = rng.int(lo, hi);
		for (let d = 0; d <= hi - lo; d++) {
			for (const i of [start + d, start - d]) if (i >= lo && i <= hi && weekday(this.cal.first + i) === wd) return i;
		}
		return null;
	}

	/** Local (Tallinn) time on window day i, with random seconds. */
	at(rng: Rng, i: number, hour: number, minute: number): number {
		return this.cal.at(i, hour, minute, rng.int(0, 59_999));
	}

	/** An office-hours time (08:00-17:59) on day i. */
	officeTime(rng: Rng, i: number): number {
		return this.at(rng, i, rng.int(8, 17), rng.int(0, 59));
	}

	/**
	 * A person for `tpl` no scenario has used, who is not protected, not a persona and not
	 * family of any of `actors`. Marks them used unless `reuse`.
	 */
	person(rng: Rng, tpl: Template, actors: readonly string[], reuse = false): number {
		for (let attempt = 0; attempt < 200; attempt++) {
			const i = tpl.audience.draw(rng);
			if (this.usedPeople.has(i) || this.excludedPeople.has(i)) continue;
			if (actors.some((a) => this.f.isLinked(a, i))) continue;
			if (!reuse) this.usedPeople.add(i);
			return i;
		}
		throw new PopulationTooSmall(`no free person for ${tpl.code}: the population is too small for the scenarios`);
	}

	/** Marks a person as taken by a scenario (chosen some other way). */
	use(i: number): void {
		this.usedPeople.add(i);
	}

	isFree(i: number): boolean {
		return !this.usedPeople.has(i) && !this.excludedPeople.has(i);
	}

	/** A fresh case number of the template's agency: nothing else carries it. */
	caseRef(tpl: Template, t: number): string {
		return this.f.caseRef(tpl, t);
	}

	/** One event; time must be before now (scenarios pick past days only). */
	event(tpl: Template, subject: number, t: number, fields: EventFields): UsageEvent {
		if (t >= this.cal.now) throw new Error('a scenario event must be in the past');
		return this.f.make(tpl, subject, t, { visibility: 'visible', ...fields });
	}
}
