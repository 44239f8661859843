/**
 * Decoys: traffic a realistic log has that looks like misuse but, by the rules' agreed
 * semantics, must not raise an alert: protected people's look-ups inside a corroborated case
 * file, relatives handled through another official's case, police and dispatchers at night,
 * an official busy every day, patterns just under a threshold, and edges of employment.
 * Any alert whose evidence shares an event with a decoy is a false positive the bench names.
 */
import { checkDigit } from '../../personal-code';
import type { UsageEvent } from '../../schemas/usage-event';
import type { Template } from '../seed/factory';
import { PROTECTED_SINCE, type ProtectedPersonRow } from '../seed/protected';
import type { Rng } from '../seed/random';
import { PopulationTooSmall, type Official, type ScenarioWorld } from './scenario-world';

export interface Decoy {
	kind: string;
	note: string;
	events: UsageEvent[];
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;

/** The same agency's automated processing of a purpose, if it has any; else the purpose itself. */
function automated(w: ScenarioWorld, tpl: Template): Template {
	return w.f.templates.find((t) => t.agency === tpl.agency && t.spec.manual < 1 && !t.spec.sealed) ?? tpl;
}

/** Officials of one agency (none used before), or null when it has fewer than n. */
function colleagues(w: ScenarioWorld, rng: Rng, n: number, agency?: string): Official[] | null {
	const first = w.official(rng, { needs: 'office', historyDays: 10, agency, extra: (o) => w.officials.filter((x) => x.agency === o.agency && x.office.length > 0 && w.dayRange(x, 10)).length >= n + 2 });
	if (!first) return null;
	const out = [first];
	while (out.length < n) {
		const o = w.official(rng, { needs: 'office', historyDays: 10, agency: first.agency });
		if (!o) return null;
		out.push(o);
	}
	return out;
}

/** A weekday all of them were employed on, in the window, or null. */
function commonDay(w: ScenarioWorld, rng: Rng, officials: Official[], history = 10, margin = 3): number | null {
	const lo = Math.max(...officials.map((o) => w.dayRange(o, history)?.[0] ?? Infinity));
	const hi = Math.min(...officials.map((o) => w.dayRange(o, history)?.[1] ?? -Infinity)) - margin;
	return lo <= hi ? w.weekday(rng, lo, hi) : null;
}

export function buildDecoys(w: ScenarioWorld, rng: Rng): { decoys: Decoy[]; protectedChanges: ProtectedPersonRow[] } {
	const decoys: Decoy[] = [];
	const protectedChanges: ProtectedPersonRow[] = [];
	// A look-alike whose random picks found no fitting officials or day (a weekend after it,
	// no common working day) is drawn again: which picks fit depends on the generated log.
	const push = (make: () => Decoy | null) => {
		for (let attempt = 0; attempt < 8; attempt++) {
			try {
				const d = make();
				if (d && d.events.length > 0) {
					decoys.push(d);
					return;
				}
			} catch (err) {
				if (!(err instanceof PopulationTooSmall)) throw err;
				return;
			}
		}
	};

	// A steady high-volume official first: volume-spike scenarios then keep off that agency.
	push(() => busyOfficial(w, rng));
	for (let k = 0; k < 3; k++) push(() => protectedInCase(w, rng, k));
	push(() => protectedRemoved(w, rng, protectedChanges));
	for (let k = 0; k < 2; k++) push(() => relativeInCase(w, rng));
	push(() => nightShift(w, rng));
	push(() => crowdInOneCase(w, rng));
	push(() => crowdSpread(w, rng));
	push(() => codesNearMiss(w, rng));
	push(() => employmentEdges(w, rng));
	push(() => noCaseAllowed(w, rng));
	push(() => offHoursInCase(w, rng));
	push(() => officeEdges(w, rng));
	return { decoys, protectedChanges };
}

/** A protected person's legitimate look-ups: the agency's own intake opened the file, then two officials worked it. */
function protectedInCase(w: ScenarioWorld, rng: Rng, k: number): Decoy | null {
	const list = w.f.protectedList;
	if (list.length === 0) return null;
	const p = list[(k + 1) % list.length]!;
	const team = colleagues(w, rng, 2);
	if (!team || team.some((o) => w.f.isLinked(o.actor, p.index))) return null;
	const day = commonDay(w, rng, team);
	if (day === null) return null;
	const tpl = rng.pick(team[0]!.office);
	const t0 = w.officeTime(rng, day);
	const ref = w.caseRef(tpl, t0);
	const intake = w.event(automated(w, tpl), p.index, t0 - rng.int(5, 600) * MINUTE, { caseRef: ref });
	const a = w.event(tpl, p.index, t0, { actor: team[0]!.actor, caseRef: ref });
	const b = w.event(rng.pick(team[1]!.office), p.index, w.officeTime(rng, day + 1 + (w.isWeekend(day + 1) ? 2 : 0)), { actor: team[1]!.actor, caseRef: ref });
	return { kind: 'protected-in-case', note: `a ${p.category}'s look-ups under the agency's own case file (${ref})`, events: [intake, a, b] };
}

/** Taken off the protected list before detection runs: an ordinary person again. */
function protectedRemoved(w: ScenarioWorld, rng: Rng, changes: ProtectedPersonRow[]): Decoy | null {
	const o = w.official(rng, { needs: 'office', historyDays: 10 });
	if (!o) return null;
	const tpl = rng.pick(o.office);
	const person = w.person(rng, tpl, [o.actor]);
	const code = w.f.people.subject[person]!;
	const auditor = w.f.ref.personas.find((p) => p.key === 'auditor');
	const actor = auditor ? `EE${auditor.personal_code}` : '';
	changes.push(
		{ personal_code: code, change: 'add', category: 'official', note: 'Minister (until the government changed)', at: '2025-06-01 09:00:00.000', actor },
		{ personal_code: code, change: 'remove', category: 'official', note: 'No longer in office', at: PROTECTED_SINCE, actor }
	);
	const [lo, hi] = w.dayRange(o, 10)!;
	const t = w.officeTime(rng, w.weekday(rng, lo, hi));
	return { kind: 'protected-removed', note: 'a look-up of someone no longer on the protected list', events: [w.event(tpl, person, t, { actor: o.actor, caseRef: w.caseRef(tpl, t) })] };
}

/** An official's relative, handled in a case a colleague opened first. */
function relativeInCase(w: ScenarioWorld, rng: Rng): Decoy | null {
	const o = w.official(rng, {
		needs: 'office',
		historyDays: 10,
		extra: (x) => (w.f.families.get(x.actor)?.relatives.some((r) => w.isFree(r.index)) ?? false) && w.officials.some((y) => y.agency === x.agency && y.actor !== x.actor && y.office.length > 0)
	});
	if (!o) return null;
	const rel = rng.pick(w.f.families.get(o.actor)!.relatives.filter((r) => w.isFree(r.index)));
	w.use(rel.index);
	const colleague = w.official(rng, { needs: 'office', historyDays: 10, agency: o.agency, extra: (y) => !w.f.isLinked(y.actor, rel.index) });
	if (!colleague) return null;
	const day = commonDay(w, rng, [o, colleague]);
	if (day === null) return null;
	const tpl = rng.pick(o.office);
	const t0 = w.officeTime(rng, day);
	const ref = w.caseRef(tpl, t0);
	return {
		kind: 'relative-in-case',
		note: `a relative (${rel.link}) handled in a colleague's case ${ref}`,
		events: [w.event(tpl, rel.index, t0, { actor: colleague.actor, caseRef: ref }), w.event(tpl, rel.index, t0 + rng.int(30, 240) * MINUTE, { actor: o.actor, caseRef: ref })]
	};
}

/** Police and dispatchers at night and at weekends: round-the-clock purposes. */
function nightShift(w: ScenarioWorld, rng: Rng): Decoy | null {
	const events: UsageEvent[] = [];
	for (let k = 0; k < 3; k++) {
		const o = w.official(rng, { needs: 'shift', historyDays: 100 });
		if (!o) break;
		const [lo, hi] = w.dayRange(o, 100)!;
		for (let n = 0; n < 6; n++) {
			const tpl = rng.pick(o.shift);
			const t = w.at(rng, rng.int(lo, hi), rng.pick([0, 1, 2, 3, 4, 5, 21, 22, 23]), rng.int(0, 59));
			events.push(w.event(tpl, w.person(rng, tpl, [o.actor]), t, { actor: o.actor, caseRef: w.caseRef(tpl, t) }));
		}
	}
	return { kind: 'night-shift', note: 'police and emergency dispatch work at night and at weekends', events };
}

/**
 * An official who looks up 40-60 people every working day for months, built up over
 * weeks: busy, above minDaily, but never above their own baseline.
 */
function busyOfficial(w: ScenarioWorld, rng: Rng): Decoy | null {
	const o = w.official(rng, { needs: 'office', historyDays: 10, extra: (x) => (w.dayRange(x, 10)?.[1] ?? 0) - (w.dayRange(x, 10)?.[0] ?? 0) > 200 });
	if (!o) return null;
	w.busyAgencies.add(o.agency);
	const [lo, hi] = w.dayRange(o, 10)!;
	const start = rng.int(lo, hi - 150);
	const events: UsageEvent[] = [];
	for (let day = start; day < start + 140; day++) {
		if (w.isWeekend(day)) continue;
		const ramp = Math.min(1, (day - start) / 70);
		const n = Math.round(ramp * rng.int(45, 55) + (1 - ramp) * rng.int(1, 4));
		for (let k = 0; k < n; k++) {
			const tpl = rng.pick(o.office);
			const t = w.cal.at(day, 8, 0, Math.floor(((k + rng.float()) / n) * 9.5 * HOUR));
			events.push(w.event(tpl, w.person(rng, tpl, [o.actor], true), t, { actor: o.actor, caseRef: w.caseRef(tpl, t) }));
		}
	}
	return { kind: 'busy-official', note: 'about 50 look-ups every working day, built up over ten weeks', events };
}

/** Six officials of one agency on one person within hours, all in the case the agency's intake opened. */
function crowdInOneCase(w: ScenarioWorld, rng: Rng): Decoy | null {
	const team = colleagues(w, rng, 6);
	if (!team) return null;
	const day = commonDay(w, rng, team);
	if (day === null) return null;
	const tpl = rng.pick(team[0]!.office);
	const person = w.person(rng, tpl, team.map((o) => o.actor));
	const t0 = w.at(rng, day, 8, rng.int(0, 30));
	const ref = w.caseRef(tpl, t0);
	const events = [w.event(automated(w, tpl), person, t0 - rng.int(10, 120) * MINUTE, { caseRef: ref })];
	team.forEach((o, k) => events.push(w.event(rng.pick(o.office), person, t0 + (k + 1) * rng.int(20, 70) * MINUTE, { actor: o.actor, caseRef: ref })));
	return { kind: 'crowd-in-one-case', note: `six officials on one person, all in case ${ref} the agency opened`, events };
}

/** Four officials on one person within hours, a fifth 28 hours after the first: never five in 24 h. */
function crowdSpread(w: ScenarioWorld, rng: Rng): Decoy | null {
	const officials: Official[] = [];
	for (let k = 0; k < 5; k++) {
		const o = w.official(rng, { needs: 'office', historyDays: 10 });
		if (!o) return null;
		officials.push(o);
	}
	const day = commonDay(w, rng, officials);
	if (day === null || w.isWeekend(day + 1)) return null;
	const tpl = rng.pick(officials[0]!.office);
	const person = w.person(rng, tpl, officials.map((o) => o.actor));
	const t0 = w.at(rng, day, 9, rng.int(0, 30));
	const offsets = [0, 70, 150, 210, 28 * 60].map((m) => m * MINUTE);
	const events = officials.map((o, k) => {
		const t = rng.pick(o.office);
		return w.event(t, person, t0 + offsets[k]!, { actor: o.actor, caseRef: w.caseRef(t, t0) });
	});
	return { kind: 'crowd-spread', note: 'five officials on one person, at most four within any 24 h', events };
}

/** Browsing near the consecutive-codes thresholds: four in a row; steps of 4-6; five codes over 100 minutes. */
function codesNearMiss(w: ScenarioWorld, rng: Rng): Decoy | null {
	const events: UsageEvent[] = [];
	const shapes: [count: number, minStep: number, maxStep: number, minutes: number][] = [
		[4, 1, 2, 20],
		[6, 4, 6, 30],
		[5, 1, 2, 100]
	];
	for (const [count, minStep, maxStep, minutes] of shapes) {
		const o = w.official(rng, { needs: 'office', historyDays: 10 });
		if (!o) return null;
		const tpl = rng.pick(o.office);
		const base = w.person(rng, tpl, [o.actor], true);
		const code = w.f.people.rows[base]!.personal_code;
		let serial = Math.min(Number(code.slice(7, 10)), 999 - count * maxStep);
		const [lo, hi] = w.dayRange(o, 10)!;
		const day = w.weekday(rng, lo, hi);
		const t0 = w.at(rng, day, rng.int(8, 14), rng.int(0, 59));
		const linked = w.f.linked.get(o.actor) ?? new Set<number>();
		for (let k = 0; k < count; k++) {
			if (k > 0) serial += rng.int(minStep, maxStep);
			const first10 = code.slice(0, 7) + String(serial).padStart(3, '0');
			const subject = `EE${first10}${checkDigit(first10)}`;
			if ([...linked].some((i) => w.f.people.subject[i] === subject) || w.f.protectedList.some((p) => p.subject_code === subject)) continue;
			const t = t0 + Math.floor((k / (count - 1)) * minutes * MINUTE);
			events.push({ ...w.event(tpl, base, t, { actor: o.actor, caseRef: w.caseRef(tpl, t) }), subject_code: subject });
		}
	}
	return { kind: 'codes-near-miss', note: 'four codes in a row; five with steps of four or more; five spread over 100 minutes', events };
}

/** Look-ups on the last day of an employment and on the first day of one. */
function employmentEdges(w: ScenarioWorld, rng: Rng): Decoy | null {
	const events: UsageEvent[] = [];
	const leaver = w.official(rng, { needs: 'office', leaver: true });
	if (leaver) {
		const last = w.cal.index(leaver.to) - 1;
		if (last > 0 && !w.isWeekend(last)) {
			const tpl = rng.pick(leaver.office);
			const t = w.at(rng, last, 15, rng.int(0, 59));
			events.push(w.event(tpl, w.person(rng, tpl, [leaver.actor]), t, { actor: leaver.actor, caseRef: w.caseRef(tpl, t) }));
		}
	}
	const hire = w.official(rng, { needs: 'office', extra: (x) => x.from > w.cal.start[5]! && x.from < w.cal.now - 5 * DAY });
	if (hire) {
		const first = w.cal.index(hire.from);
		if (!w.isWeekend(first)) {
			const tpl = rng.pick(hire.office);
			const t = w.at(rng, first, 8, rng.int(30, 59));
			events.push(w.event(tpl, w.person(rng, tpl, [hire.actor]), t, { actor: hire.actor, caseRef: w.caseRef(tpl, t) }));
		}
	}
	return { kind: 'employment-edges', note: 'a look-up on the last day of employment and one on the first day', events };
}

/** No case reference where none is required, and automated processing of case purposes. */
function noCaseAllowed(w: ScenarioWorld, rng: Rng): Decoy | null {
	const events: UsageEvent[] = [];
	for (let k = 0; k < 3; k++) {
		const o = w.official(rng, { needs: 'office', historyDays: 10 });
		if (!o) break;
		const tpl = rng.pick(o.office);
		const [lo, hi] = w.dayRange(o, 10)!;
		const t = w.officeTime(rng, w.weekday(rng, lo, hi));
		events.push(w.event(tpl, w.person(rng, tpl, [o.actor]), t, { actor: o.actor, caseRef: '' }));
	}
	const required = w.f.templates.filter((t) => t.spec.caseRequired);
	for (let k = 0; k < 3 && required.length > 0; k++) {
		const tpl = rng.pick(required);
		const t = w.officeTime(rng, w.weekday(rng, 30, w.cal.days - 2));
		events.push(w.event(tpl, w.person(rng, tpl, []), t, { caseRef: '' }));
	}
	return { kind: 'no-case-allowed', note: 'manual work without a case where none is required; automated processing of case purposes', events };
}

/** A late look-up in a case a colleague worked on first the same day: explained. */
function offHoursInCase(w: ScenarioWorld, rng: Rng): Decoy | null {
	const team = colleagues(w, rng, 2);
	if (!team) return null;
	const day = commonDay(w, rng, team, 100);
	if (day === null) return null;
	const [o, colleague] = team as [Official, Official];
	const tpl = rng.pick(o.office);
	const person = w.person(rng, tpl, [o.actor, colleague.actor]);
	const t0 = w.at(rng, day, 14, rng.int(0, 59));
	const ref = w.caseRef(tpl, t0);
	return {
		kind: 'off-hours-in-case',
		note: `a look-up at 22:30 in case ${ref}, which a colleague worked on that afternoon`,
		events: [w.event(tpl, person, t0, { actor: colleague.actor, caseRef: ref }), w.event(tpl, person, w.at(rng, day, 22, 30), { actor: o.actor, caseRef: ref })]
	};
}

/** Work just inside office hours: 07:05 and 19:50 on weekdays. */
function officeEdges(w: ScenarioWorld, rng: Rng): Decoy | null {
	const events: UsageEvent[] = [];
	for (const [hour, minute] of [
		[7, 5],
		[19, 50]
	] as const) {
		const o = w.official(rng, { needs: 'office', historyDays: 10 });
		if (!o) break;
		const tpl = rng.pick(o.office);
		const [lo, hi] = w.dayRange(o, 10)!;
		const t = w.at(rng, w.weekday(rng, lo, hi), hour, minute);
		events.push(w.event(tpl, w.person(rng, tpl, [o.actor]), t, { actor: o.actor, caseRef: w.caseRef(tpl, t) }));
	}
	return { kind: 'office-edges', note: 'look-ups at 07:05 and 19:50 on weekdays', events };
}
