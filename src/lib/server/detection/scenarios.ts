/**
 * Labelled misuse scenarios for every detection rule (docs: the rules' semantics in the
 * oversight briefing), for `npm run bench:detect` and the demo's planted misuse. Each
 * scenario is the usage events that make up the misuse (plus, where a rule needs it, the
 * official's ordinary work around it) and a label: rule, official, person and the evidence
 * event ids. Variants differ in agency, official, time of day, size and closeness to the
 * rule's thresholds. Pure and deterministic for (reference data, seed, now).
 */
import type { RuleId } from '../../oversight/rules';
import { RULE_IDS } from '../../oversight/rules';
import { makePersonalCode, parsePersonalCode } from '../../personal-code';
import type { UsageEvent } from '../../schemas/usage-event';
import { EventFactory, type Template } from '../seed/factory';
import type { FamilyLink } from '../seed/family';
import type { ProtectedPersonRow } from '../seed/protected';
import { Rng } from '../seed/random';
import type { Reference } from '../seed/reference';
import { params as relativeParams } from './rules/relative-lookup';
import { buildDecoys, type Decoy } from './scenario-decoys';
import { PopulationTooSmall, ScenarioWorld, type Official } from './scenario-world';

export interface ScenarioLabel {
	rule: RuleId;
	/** The official ('' for none). */
	actor_code: string;
	/** The person ('' when the finding is about an official only: off-hours, volume-spike, consecutive-codes). */
	subject_code: string;
	/** The evidence: an alert matches when its evidence shares at least one of these. */
	event_ids: string[];
}

export interface Scenario {
	label: ScenarioLabel;
	agency_code: string;
	/** What was planted, in words (the bench prints it for misses). */
	note: string;
	/** Every event the scenario adds, evidence and context (e.g. the official's usual work). */
	events: UsageEvent[];
}

export interface ScenarioSet {
	scenarios: Scenario[];
	decoys: Decoy[];
	/** Protected-list changes the scenarios and decoys need on top of the seed's list. */
	protectedChanges: ProtectedPersonRow[];
}

/** The rules' documented defaults the scenarios are placed around (rules.md). */
export const THRESHOLDS = {
	officeFrom: 7,
	officeTo: 20,
	minDaily: 40,
	minOfficials: 5,
	windowHours: 24,
	windowMinutes: 60,
	minRun: 5,
	maxSerialStep: 3
} as const;

export type Builder = (w: ScenarioWorld, rng: Rng, variant: number) => Scenario | null;

const HOUR = 3_600_000;
const MINUTE = 60_000;

function scenario(rule: RuleId, o: Official | null, subject: string, evidence: UsageEvent[], note: string, context: UsageEvent[] = []): Scenario {
	return {
		label: { rule, actor_code: o?.actor ?? '', subject_code: subject, event_ids: evidence.map((e) => e.event_id) },
		agency_code: evidence[0]?.agency_code ?? o?.agency ?? '',
		note,
		events: [...context, ...evidence].sort((a, b) => a.logged_at.localeCompare(b.logged_at))
	};
}

const subjectOf = (w: ScenarioWorld, i: number) => w.f.people.subject[i]!;

/** n look-ups spread over distinct weekdays in [lo, hi], in office hours, each with a fresh case number or none. */
function lookups(w: ScenarioWorld, rng: Rng, o: Official, tpl: Template, subject: number, n: number, range: [number, number], caseRef: 'fresh' | 'none' = 'fresh'): UsageEvent[] {
	const out: UsageEvent[] = [];
	let day = w.weekday(rng, range[0], Math.max(range[0], range[1] - 3 * n));
	for (let k = 0; k < n; k++) {
		const t = w.officeTime(rng, day);
		out.push(w.event(tpl, subject, t, { actor: o.actor, caseRef: caseRef === 'fresh' ? w.caseRef(tpl, t) : '' }));
		day = w.weekday(rng, Math.min(range[1], day + 1), Math.min(range[1], day + 3));
	}
	return out;
}

// ---------------------------------------------------------------------------------------
// One builder per rule

export const selfLookup: Builder = (w, rng, v) => {
	const o = w.official(rng, { needs: 'office', historyDays: 10 });
	if (!o) return null;
	const tpl = rng.pick(o.office);
	const n = [1, 2, 3, 1, 4, 2][v % 6]!;
	const range = w.dayRange(o, 10)!;
	const ev = lookups(w, rng, o, tpl, o.index, n, range, v % 2 === 0 ? 'fresh' : 'none');
	return scenario('self-lookup', o, subjectOf(w, o.index), ev, `${n} look-up(s) of their own record (${tpl.code})`);
};

const LINK_ORDER: FamilyLink[] = ['household', 'child', 'parent', 'sibling'];

export const relativeLookup: Builder = (w, rng, v) => {
	if (v % 6 === 5) {
		const s = rareSurname(w, rng);
		if (s) return s;
	}
	const want = LINK_ORDER[v % LINK_ORDER.length]!;
	const relativesOf = (o: Official, link?: FamilyLink) => (w.f.families.get(o.actor)?.relatives ?? []).filter((r) => (!link || r.link === link) && w.isFree(r.index));
	const o = w.official(rng, { needs: 'office', historyDays: 10, extra: (x) => relativesOf(x, want).length > 0 }) ?? w.official(rng, { needs: 'office', historyDays: 10, extra: (x) => relativesOf(x).length > 0 });
	if (!o) return null;
	const candidates = relativesOf(o, want).length ? relativesOf(o, want) : relativesOf(o);
	const rel = rng.pick(candidates);
	w.use(rel.index);
	const tpl = rng.pick(o.office);
	const n = [1, 2, 1, 3, 2, 1][v % 6]!;
	const ev = lookups(w, rng, o, tpl, rel.index, n, w.dayRange(o, 10)!);
	return scenario('relative-lookup', o, subjectOf(w, rel.index), ev, `${n} look-up(s) of a relative (${rel.link}) without a case anyone else worked on (${tpl.code})`);
};

/** How many may hold a surname the rule counts as rare, in a register of this many people. */
export function maxSurnameHolders(people: number): number {
	return Math.max(2, Math.floor(relativeParams.maxSurnameShare * people));
}

/** Someone sharing the official's surname when it is rare (maxSurnameHolders); null when no surname is that rare. */
function rareSurname(w: ScenarioWorld, rng: Rng): Scenario | null {
	const rows = w.f.people.rows;
	const holders = new Map<string, number[]>();
	rows.forEach((p, i) => {
		const list = holders.get(p.last_name);
		if (list) list.push(i);
		else holders.set(p.last_name, [i]);
	});
	const namesake = (o: Official) => (holders.get(rows[o.index]!.last_name) ?? []).filter((i) => i !== o.index && !w.f.isLinked(o.actor, i) && w.isFree(i));
	const o = w.official(rng, { needs: 'office', historyDays: 10, extra: (x) => (holders.get(rows[x.index]!.last_name)?.length ?? 0) <= maxSurnameHolders(rows.length) && namesake(x).length > 0 });
	if (!o) return null;
	const who = rng.pick(namesake(o));
	w.use(who);
	const tpl = rng.pick(o.office);
	const ev = lookups(w, rng, o, tpl, who, 2, w.dayRange(o, 10)!);
	return scenario('relative-lookup', o, subjectOf(w, who), ev, `2 look-ups of a namesake (rare surname ${rows[o.index]!.last_name}, ${holders.get(rows[o.index]!.last_name)!.length} holders) (${tpl.code})`);
}

export const protectedPerson: Builder = (w, rng, v) => {
	const list = w.f.protectedList;
	if (list.length === 0) return null;
	const p = list[v % list.length]!;
	const o = w.official(rng, { needs: 'office', historyDays: 10, extra: (x) => !w.f.isLinked(x.actor, p.index) });
	if (!o) return null;
	const tpl = rng.pick(o.office);
	const [lo, hi] = w.dayRange(o, 10)!;
	const day = w.weekday(rng, lo, Math.max(lo, hi - 30));
	const t = w.officeTime(rng, day);
	const subject = p.subject_code;
	const look = (time: number, caseRef: string) => w.event(tpl, p.index, time, { actor: o.actor, caseRef });
	switch (v % 6) {
		case 1: {
			// The official's own earlier look-up under the same number explains nothing.
			const ref = w.caseRef(tpl, t);
			const ev = [look(t, ref), look(w.officeTime(rng, w.weekday(rng, day + 2, Math.min(hi, day + 9))), ref)];
			return scenario('protected-person', o, subject, ev, `a ${p.category}: two look-ups under a case number only this official used (${tpl.code})`);
		}
		case 2: {
			// The same number at another agency corroborates nothing here.
			const other = w.f.templates.find((x) => x.agency !== tpl.agency && x.spec.manual < 1 && !x.spec.sealed)!;
			const ref = w.caseRef(tpl, t);
			const elsewhere = w.event(other, p.index, t - 2 * HOUR, { caseRef: ref });
			return scenario('protected-person', o, subject, [look(t, ref)], `a ${p.category}: the case number appears only at another agency (${tpl.code})`, [elsewhere]);
		}
		case 3: {
			// A case opened after the look-up does not explain it.
			const ref = w.caseRef(tpl, t);
			const auto = w.f.templates.find((x) => x.agency === tpl.agency && x.spec.manual < 1) ?? tpl;
			const later = w.event(auto, p.index, Math.min(t + 2 * 24 * HOUR, w.cal.now - HOUR), { caseRef: ref });
			return scenario('protected-person', o, subject, [look(t, ref)], `a ${p.category}: the agency's case file was opened only after the look-up (${tpl.code})`, [later]);
		}
		case 4:
			return scenario('protected-person', o, subject, [look(t, '')], `a ${p.category}: one look-up with no case number (${tpl.code})`);
		case 5: {
			const second = w.weekday(rng, Math.min(hi, day + 1), Math.min(hi, day + 2));
			const third = w.weekday(rng, Math.min(hi, day + 4), Math.min(hi, day + 5));
			const ev = [t, w.officeTime(rng, second), w.officeTime(rng, third)].map((x) => look(x, w.caseRef(tpl, x)));
			return scenario('protected-person', o, subject, ev, `a ${p.category}: ${ev.length} look-ups in a week, each under a different number (${tpl.code})`);
		}
		default:
			return scenario('protected-person', o, subject, [look(t, w.caseRef(tpl, t))], `a ${p.category}: one look-up under a number nobody else used (${tpl.code})`);
	}
};

export const noCaseRef: Builder = (w, rng, v) => {
	const o = w.official(rng, { needs: 'caseRequired', historyDays: 10 });
	if (!o) return null;
	const tpl = rng.pick(w.caseRequiredTemplates(o.agency));
	const subject = w.person(rng, tpl, [o.actor]);
	const n = [1, 2, 3, 1, 2, 5][v % 6]!;
	const ev = lookups(w, rng, o, tpl, subject, n, w.dayRange(o, 10)!, 'none');
	return scenario('no-case-ref', o, subjectOf(w, subject), ev, `${n} ${tpl.code} access(es) without the case reference the purpose requires`);
};

/** Evidence times for off-hours variants: [weekday?, hour, minute, what]. */
const OFF_HOURS: [day: 'weekday' | 6 | 0, hour: number, minute: number, what: string][] = [
	['weekday', 23, 40, 'late on a weekday night'],
	['weekday', 2, 15, 'at two in the morning'],
	[6, 11, 0, 'on a Saturday'],
	[0, 15, 30, 'on a Sunday afternoon'],
	['weekday', 20, 10, 'just after 20:00'],
	['weekday', 6, 35, 'just before 07:00']
];

export const offHours: Builder = (w, rng, v) => {
	const o = w.official(rng, { needs: 'office', historyDays: 100 });
	if (!o) return null;
	const [lo, hi] = w.dayRange(o, 100)!;
	const [kind, hour, minute, what] = OFF_HOURS[v % OFF_HOURS.length]!;
	const day = kind === 'weekday' ? w.weekday(rng, lo, hi) : w.weekendDay(rng, lo, hi, kind);
	if (day === null) return null;
	// Their usual work in the 90 days before: office hours on weekdays, a few a day, so the
	// night is rare for them (their generated traffic has its own share of late work).
	const context: UsageEvent[] = [];
	for (let k = 0; k < 150; k++) {
		const tpl = rng.pick(o.office);
		const d = w.weekday(rng, day - 90, day - 1);
		const t = w.officeTime(rng, d);
		context.push(w.event(tpl, w.person(rng, tpl, [o.actor], true), t, { actor: o.actor, caseRef: w.caseRef(tpl, t) }));
	}
	// A session: the rule leaves a single late look-up alone (rules.md).
	const n = [3, 4, 3, 3, 5, 3][v % 6]!;
	const ev: UsageEvent[] = [];
	for (let k = 0; k < n; k++) {
		const tpl = rng.pick(o.office);
		const t = w.at(rng, day, hour, Math.min(59, minute + 7 * k));
		ev.push(w.event(tpl, w.person(rng, tpl, [o.actor]), t, { actor: o.actor, caseRef: w.caseRef(tpl, t) }));
	}
	return scenario('off-hours', o, '', ev, `${n} look-up(s) ${what} by someone who works office hours`, context);
};

const SPIKES = [42, 45, 60, 90, 150, 300];

export const volumeSpike: Builder = (w, rng, v) => {
	const o = w.official(rng, { needs: 'office', historyDays: 40, notAgency: w.busyAgencies });
	if (!o) return null;
	const [lo, hi] = w.dayRange(o, 40)!;
	const day = w.weekday(rng, lo, hi);
	const n = SPIKES[v % SPIKES.length]!;
	const ev: UsageEvent[] = [];
	for (let k = 0; k < n; k++) {
		const tpl = rng.pick(o.office);
		// Spread over 08:00-17:59 in time order.
		const t = w.cal.at(day, 8, 0, Math.floor(((k + rng.float()) / n) * 10 * HOUR));
		ev.push(w.event(tpl, w.person(rng, tpl, [o.actor]), t, { actor: o.actor, caseRef: rng.chance(0.9) ? w.caseRef(tpl, t) : '' }));
	}
	return scenario('volume-spike', o, '', ev, `${n} look-ups in one day by someone who averages under one`);
};

const CROWDS: [officials: number, spanHours: number][] = [
	[5, 23],
	[6, 3],
	[8, 8],
	[5, 1],
	[10, 22],
	[6, 6]
];

export const manyOfficials: Builder = (w, rng, v) => {
	const [m, span] = CROWDS[v % CROWDS.length]!;
	// Officials whose employments overlap by at least a month, so they can meet on one day.
	const officials: Official[] = [];
	let lo = 0;
	let hi = Infinity;
	for (let k = 0; k < m; k++) {
		const o = w.official(rng, { needs: 'office', historyDays: 10, extra: (x) => Math.min(hi, w.dayRange(x, 10)![1]) - Math.max(lo, w.dayRange(x, 10)![0]) >= 30 });
		if (!o) return null;
		officials.push(o);
		lo = Math.max(lo, w.dayRange(o, 10)![0]);
		hi = Math.min(hi, w.dayRange(o, 10)![1] - 1);
	}
	const tpl0 = rng.pick(officials[0]!.office);
	const subject = w.person(rng, tpl0, officials.map((o) => o.actor));
	// Two consecutive weekdays (a long span reaches into the next morning).
	let day = w.weekday(rng, lo, hi);
	if (span > 10 && w.isWeekend(day + 1)) day = w.weekday(rng, lo, Math.max(lo, day - 3));
	const first = span > 10 ? w.at(rng, day, 10, rng.int(0, 20)) : w.at(rng, day, 8, rng.int(30, 50));
	const last = first + span * HOUR - rng.int(1, 20) * MINUTE;
	const times = [first, last];
	for (let k = 2; k < m; k++) {
		// Office hours only: the same afternoon, or the next morning before `last`.
		if (span > 10 && rng.chance(0.5)) times.push(last - rng.int(0, 30) * MINUTE);
		else times.push(first + rng.int(0, Math.min(span, 7) * 60) * MINUTE);
	}
	times.sort((a, b) => a - b);
	const ev = officials.map((o, k) => {
		const tpl = rng.pick(o.office);
		return w.event(tpl, subject, times[k]!, { actor: o.actor, caseRef: w.caseRef(tpl, times[k]!) });
	});
	return scenario('many-officials', null, subjectOf(w, subject), ev, `${m} officials of ${new Set(officials.map((o) => o.agency)).size} agencies on one person within ${span} h`);
};

const RUNS: [count: number, maxStep: number, minutes: number][] = [
	[5, 3, 55],
	[6, 1, 10],
	[8, 2, 20],
	[12, 3, 40],
	[25, 1, 50],
	[5, 1, 4]
];

export const consecutiveCodes: Builder = (w, rng, v) => {
	const o = w.official(rng, { needs: 'office', historyDays: 10 });
	if (!o) return null;
	const [count, maxStep, minutes] = RUNS[v % RUNS.length]!;
	const tpl = rng.pick(o.office);
	const rows = w.f.people.rows;
	// Start from a real person's code (a birth date and sex that exist) and browse on.
	const start = w.person(rng, tpl, [o.actor], true);
	const parsed = parsePersonalCode(rows[start]!.personal_code)!;
	const [y, mo, d] = parsed.birthDate.split('-').map(Number) as [number, number, number];
	let serial = Math.min(Number(rows[start]!.personal_code.slice(7, 10)), 999 - count * maxStep);
	const [lo, hi] = w.dayRange(o, 10)!;
	const day = w.weekday(rng, lo, hi);
	const t0 = w.at(rng, day, rng.int(8, 15), rng.int(0, 59));
	const linked = w.f.linked.get(o.actor) ?? new Set<number>();
	const avoid = new Set([...w.f.protectedList.map((p) => p.subject_code), ...[...linked].map((i) => w.f.people.subject[i]!)]);
	const ev: UsageEvent[] = [];
	for (let k = 0; k < count; k++) {
		// One step of exactly maxStep (the rule's limit), the others up to it.
		if (k > 0) serial += k === 2 ? maxStep : rng.int(1, maxStep);
		const code = `EE${makePersonalCode({ year: y, month: mo, day: d }, parsed.sex, serial)}`;
		if (avoid.has(code)) continue;
		const t = t0 + Math.floor((k / (count - 1)) * minutes * MINUTE);
		const e = w.event(tpl, start, t, { actor: o.actor, caseRef: rng.chance(0.5) ? w.caseRef(tpl, t) : '' });
		ev.push({ ...e, subject_code: code });
	}
	return scenario('consecutive-codes', o, '', ev, `${ev.length} personal codes in sequence (steps up to ${maxStep}) within ${minutes} min (${tpl.code})`);
};

export const afterEmployment: Builder = (w, rng, v) => {
	const variant = v % 6;
	if (variant === 3 || variant === 4) {
		if (variant === 4) {
			// Before the first day: a new hire's account in use early.
			const o = w.official(rng, { needs: 'office', extra: (x) => x.from > w.cal.start[30]! && x.from < w.cal.now - 10 * 86_400_000 });
			if (o) {
				const fromIdx = w.cal.index(o.from);
				const day = w.weekday(rng, Math.max(1, fromIdx - 12), fromIdx - 3);
				const tpl = rng.pick(o.office);
				const t = w.officeTime(rng, day);
				const e = w.event(tpl, w.person(rng, tpl, [o.actor]), t, { actor: o.actor, caseRef: w.caseRef(tpl, t) });
				return scenario('after-employment', o, e.subject_code, [e], `a look-up ${fromIdx - day} days before the first day of employment (${tpl.code})`);
			}
		}
		// Never employed there: someone's account used at an agency they do not work for.
		const o = w.official(rng, { needs: 'office', historyDays: 10 });
		if (!o) return null;
		const foreign = w.officials.filter((x) => x.agency !== o.agency && x.office.length > 0).map((x) => x.office);
		const tpl = rng.pick(rng.pick(foreign));
		const range = w.dayRange(o, 10)!;
		const subject = w.person(rng, tpl, [o.actor]);
		const ev = lookups(w, rng, o, tpl, subject, 2, range);
		return scenario('after-employment', o, subjectOf(w, subject), ev, `2 look-ups at an agency the official never worked for (${tpl.code})`);
	}
	const gap = [1, 10, 60, 0, 0, 200][variant]!;
	const today = w.cal.days - 1;
	const o = w.official(rng, { needs: 'office', leaver: true, extra: (x) => w.cal.index(x.to) + gap < today - 1 });
	if (!o) return afterEmployment(w, rng, 3); // no (more) leavers in this population
	const firstOut = w.cal.index(o.to); // the first day after the last day of employment
	const tpl = rng.pick(o.office);
	const subject = w.person(rng, tpl, [o.actor]);
	const n = variant === 2 ? 3 : variant === 1 ? 2 : 1;
	const ev: UsageEvent[] = [];
	let day = firstOut + gap - 1;
	for (let k = 0; k < n && day < today; k++) {
		while (w.isWeekend(day)) day++; // a working day: the pattern is the date, not the hour
		if (day >= today) break;
		const t = w.officeTime(rng, day);
		ev.push(w.event(tpl, subject, t, { actor: o.actor, caseRef: w.caseRef(tpl, t) }));
		day += rng.int(3, 12);
	}
	return scenario('after-employment', o, subjectOf(w, subject), ev, `${ev.length} look-up(s) from ${gap} day(s) after the employment ended (${tpl.code})`);
};

export const BUILDERS: Record<RuleId, Builder> = {
	'self-lookup': selfLookup,
	'relative-lookup': relativeLookup,
	'protected-person': protectedPerson,
	'no-case-ref': noCaseRef,
	'off-hours': offHours,
	'volume-spike': volumeSpike,
	'many-officials': manyOfficials,
	'consecutive-codes': consecutiveCodes,
	'after-employment': afterEmployment
};

/** A builder's scenario, or null when the population has no room for it. */
export function tryBuild(builder: Builder, w: ScenarioWorld, rng: Rng, variant: number): Scenario | null {
	try {
		const s = builder(w, rng, variant);
		return s && s.label.event_ids.length > 0 ? s : null;
	} catch (err) {
		if (err instanceof PopulationTooSmall) return null;
		throw err;
	}
}

export interface ScenarioOptions {
	seed: number;
	/** End of the two-year window, as the background's (default: now). */
	now?: number;
	/** Scenarios per rule (default 6: every variant once). */
	perRule?: number;
}

/** The bench's labelled scenarios and decoys for a reference population. */
export function buildScenarios(ref: Reference, opts: ScenarioOptions): ScenarioSet {
	const root = new Rng(`peegel-scenarios:${opts.seed}`);
	const now = opts.now ?? Date.now();
	const w = new ScenarioWorld(new EventFactory(ref, root.derive('world'), now));
	const { decoys, protectedChanges } = buildDecoys(w, root.derive('decoys'));
	const scenarios: Scenario[] = [];
	const perRule = opts.perRule ?? 6;
	for (const rule of RULE_IDS) {
		const rng = root.derive(rule);
		for (let v = 0; v < perRule; v++) {
			const s = tryBuild(BUILDERS[rule], w, rng, v);
			if (s) scenarios.push(s);
		}
	}
	return { scenarios, decoys, protectedChanges };
}
