import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../oversight/rules';
import { usageEventInput, type UsageEvent } from '../../schemas/usage-event';
import { isoDate, tallinnDay } from '../seed/dates';
import { officialFamilies } from '../seed/family';
import { protectedPeople } from '../seed/protected';
import { generateReference } from '../seed/reference';
import { buildScenarios, maxSurnameHolders, THRESHOLDS, type Scenario } from './scenarios';

const NOW = Date.now() - 60_000;
const ref = generateReference({ people: 20_000, seed: 2026 });
const set = buildScenarios(ref, { seed: 7, now: NOW });
const families = officialFamilies(ref);
const protectedCodes = new Set(protectedPeople(ref).map((p) => p.subject_code));
const purposes = new Map(ref.purposes.map((p) => [p.code, p]));
const officials = new Map(ref.officials.map((o) => [`EE${o.personal_code}`, o]));

const personByCode = new Map(ref.people.map((p) => [`EE${p.personal_code}`, p]));
const surnameHolders = new Map<string, number>();
for (const p of ref.people) surnameHolders.set(p.last_name, (surnameHolders.get(p.last_name) ?? 0) + 1);

// Tallinn local time parts, for the rules that judge time of day (cached per UTC hour: Intl is slow).
const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Tallinn', weekday: 'short', hour: '2-digit', hourCycle: 'h23' });
const localCache = new Map<number, { weekend: boolean; hour: number }>();
function local(iso: string) {
	const key = Math.floor(Date.parse(iso) / 3_600_000);
	let v = localCache.get(key);
	if (!v) {
		const parts = fmt.formatToParts(new Date(key * 3_600_000));
		const get = (t: string) => parts.find((p) => p.type === t)!.value;
		localCache.set(key, (v = { weekend: ['Sat', 'Sun'].includes(get('weekday')), hour: Number(get('hour')) }));
	}
	return v;
}
const offHours = (e: UsageEvent) => local(e.logged_at).weekend || local(e.logged_at).hour < THRESHOLDS.officeFrom || local(e.logged_at).hour >= THRESHOLDS.officeTo;
const tallinnDate = (iso: string) => isoDate(tallinnDay(Date.parse(iso)));
const evidence = (s: Scenario) => {
	const ids = new Set(s.label.event_ids);
	return s.events.filter((e) => ids.has(e.event_id));
};
const byRule = (rule: string) => set.scenarios.filter((s) => s.label.rule === rule);
const linkedCodes = new Map([...families].map(([actor, f]) => [actor, new Set([f.self, ...f.relatives.map((r) => r.index)].map((i) => `EE${ref.people[i]!.personal_code}`))]));
const linked = (actor: string, subject: string) => linkedCodes.get(actor)?.has(subject) ?? false;
const hhmm = (ms: number) => ms / 60_000;

describe('buildScenarios', () => {
	it('is deterministic for (reference, seed, now) and differs by seed', () => {
		expect(buildScenarios(ref, { seed: 7, now: NOW })).toEqual(set);
		const other = buildScenarios(ref, { seed: 8, now: NOW });
		expect(other.scenarios.map((s) => s.label.actor_code)).not.toEqual(set.scenarios.map((s) => s.label.actor_code));
	});

	it('makes six varied scenarios of every rule, each with its evidence among its valid, past events', () => {
		for (const rule of RULE_IDS) expect(byRule(rule)).toHaveLength(6);
		const ids = new Set<string>();
		for (const s of set.scenarios) {
			expect(evidence(s)).toHaveLength(s.label.event_ids.length);
			for (const e of s.events) {
				expect(usageEventInput.safeParse(e).success).toBe(true);
				expect(Date.parse(e.logged_at)).toBeLessThan(NOW);
				expect(ids.has(e.event_id)).toBe(false);
				ids.add(e.event_id);
			}
			for (const e of evidence(s)) {
				expect(e.actor_code).not.toBe('');
				if (s.label.actor_code !== '') expect(e.actor_code).toBe(s.label.actor_code);
				if (s.label.subject_code !== '') expect(e.subject_code).toBe(s.label.subject_code);
			}
		}
		// Variety: several agencies per rule, and distinct officials across scenarios.
		for (const rule of RULE_IDS) expect(new Set(byRule(rule).map((s) => s.agency_code)).size).toBeGreaterThan(1);
		const actors = set.scenarios.map((s) => s.label.actor_code).filter((a) => a !== '');
		expect(new Set(actors).size).toBe(actors.length);
	});

	it('self-lookup and relative-lookup: the official and the person are the same, or family (or rare namesakes)', () => {
		for (const s of byRule('self-lookup')) expect(s.label.subject_code).toBe(s.label.actor_code);
		for (const s of byRule('relative-lookup')) {
			const surname = (code: string) => personByCode.get(code)!.last_name;
			const namesake = surname(s.label.actor_code) === surname(s.label.subject_code) && surnameHolders.get(surname(s.label.actor_code))! <= maxSurnameHolders(ref.people.length);
			expect(s.label.subject_code).not.toBe(s.label.actor_code);
			expect(linked(s.label.actor_code, s.label.subject_code) || namesake).toBe(true);
		}
	});

	it('protected-person: a protected person, and no case another official or the agency opened earlier', () => {
		for (const s of byRule('protected-person')) {
			expect(protectedCodes.has(s.label.subject_code)).toBe(true);
			for (const e of evidence(s)) {
				const corroborated = s.events.some((o) => o.event_id !== e.event_id && o.case_ref !== '' && o.case_ref === e.case_ref && o.agency_code === e.agency_code && o.actor_code !== e.actor_code && o.logged_at <= e.logged_at);
				expect(corroborated).toBe(false);
			}
		}
	});

	it('no-case-ref: a purpose that requires a case, without one', () => {
		for (const s of byRule('no-case-ref')) for (const e of evidence(s)) expect([e.case_ref, purposes.get(e.purpose_code)!.case_required]).toEqual(['', true]);
	});

	it('off-hours: outside 07:00-20:00 or at a weekend, on purposes that are not round-the-clock, by someone whose usual work is in office hours', () => {
		const shapes = new Set<string>();
		for (const s of byRule('off-hours')) {
			const ev = evidence(s);
			expect(new Set(ev.map((e) => tallinnDate(e.logged_at))).size).toBe(1);
			for (const e of ev) {
				expect(offHours(e)).toBe(true);
				expect(purposes.get(e.purpose_code)!.round_the_clock).toBe(false);
			}
			const usual = s.events.filter((e) => !s.label.event_ids.includes(e.event_id));
			expect(usual.length).toBeGreaterThanOrEqual(40);
			expect(usual.every((e) => !offHours(e) && e.actor_code === s.label.actor_code)).toBe(true);
			shapes.add(`${local(ev[0]!.logged_at).weekend}:${local(ev[0]!.logged_at).hour}`);
		}
		expect(shapes.size).toBe(6);
	});

	it('volume-spike: more than minDaily look-ups in one Tallinn day, some just over it', () => {
		const sizes = byRule('volume-spike').map((s) => evidence(s).length);
		expect(Math.min(...sizes)).toBeGreaterThan(THRESHOLDS.minDaily);
		expect(Math.min(...sizes)).toBeLessThan(THRESHOLDS.minDaily + 5);
		expect(Math.max(...sizes)).toBeGreaterThanOrEqual(150);
		for (const s of byRule('volume-spike')) expect(new Set(evidence(s).map((e) => tallinnDate(e.logged_at))).size).toBe(1);
	});

	it('many-officials: at least minOfficials officials on one person within windowHours, some at the limits', () => {
		const spans: number[] = [];
		for (const s of byRule('many-officials')) {
			const ev = evidence(s);
			const times = ev.map((e) => Date.parse(e.logged_at));
			spans.push(Math.max(...times) - Math.min(...times));
			expect(new Set(ev.map((e) => e.actor_code)).size).toBeGreaterThanOrEqual(THRESHOLDS.minOfficials);
			expect(Math.max(...times) - Math.min(...times)).toBeLessThan(THRESHOLDS.windowHours * 3_600_000);
			expect(ev.some(offHours)).toBe(false);
		}
		expect(Math.max(...spans)).toBeGreaterThan(20 * 3_600_000);
		expect(byRule('many-officials').some((s) => s.label.event_ids.length === THRESHOLDS.minOfficials)).toBe(true);
	});

	it('consecutive-codes: minRun or more codes with the same first 7 digits, serials rising by at most 3, within windowMinutes', () => {
		for (const s of byRule('consecutive-codes')) {
			const ev = evidence(s);
			expect(ev.length).toBeGreaterThanOrEqual(THRESHOLDS.minRun);
			expect(new Set(ev.map((e) => e.subject_code.slice(2, 9))).size).toBe(1);
			const serials = ev.map((e) => Number(e.subject_code.slice(9, 12)));
			const steps = serials.slice(1).map((n, k) => n - serials[k]!);
			expect(Math.min(...steps)).toBeGreaterThanOrEqual(1);
			expect(Math.max(...steps)).toBeLessThanOrEqual(THRESHOLDS.maxSerialStep);
			const times = ev.map((e) => Date.parse(e.logged_at));
			expect(hhmm(Math.max(...times) - Math.min(...times))).toBeLessThanOrEqual(THRESHOLDS.windowMinutes);
		}
	});

	it('after-employment: each look-up on a Tallinn date outside every employment of the official at that agency', () => {
		const kinds = new Set<string>();
		for (const s of byRule('after-employment')) {
			const o = officials.get(s.label.actor_code)!;
			for (const e of evidence(s)) {
				const day = tallinnDate(e.logged_at);
				const kind = e.agency_code !== o.agency_code ? 'never' : o.employed_to !== null && day > o.employed_to ? 'after' : day < o.employed_from ? 'before' : 'inside';
				expect(kind).not.toBe('inside');
				kinds.add(kind);
			}
		}
		expect(kinds).toEqual(new Set(['after', 'before', 'never']));
	});

	it('keeps scenarios apart: the evidence is in office hours unless the rule is off-hours, with a case number where the purpose requires one, and about people who are neither protected nor family unless the rule says so', () => {
		for (const s of set.scenarios) {
			for (const e of evidence(s)) {
				if (s.label.rule !== 'off-hours') expect(offHours(e), `${s.label.rule}: ${s.note} at ${e.logged_at}`).toBe(false);
				if (s.label.rule !== 'no-case-ref' && purposes.get(e.purpose_code)!.case_required) expect(e.case_ref).not.toBe('');
				if (s.label.rule !== 'protected-person') expect(protectedCodes.has(e.subject_code)).toBe(false);
				if (!['self-lookup', 'relative-lookup'].includes(s.label.rule)) expect(linked(e.actor_code, e.subject_code)).toBe(false);
			}
		}
	});
});

describe('decoys', () => {
	const decoy = (kind: string) => set.decoys.filter((d) => d.kind === kind).flatMap((d) => d.events);

	it('has every kind of look-alike a realistic log has', () => {
		expect(new Set(set.decoys.map((d) => d.kind))).toEqual(
			new Set(['busy-official', 'protected-in-case', 'protected-removed', 'relative-in-case', 'night-shift', 'crowd-in-one-case', 'crowd-spread', 'codes-near-miss', 'employment-edges', 'no-case-allowed', 'off-hours-in-case', 'office-edges'])
		);
		const scenarioIds = new Set(set.scenarios.flatMap((s) => s.events.map((e) => e.event_id)));
		for (const e of set.decoys.flatMap((d) => d.events)) {
			expect(usageEventInput.safeParse(e).success).toBe(true);
			expect(scenarioIds.has(e.event_id)).toBe(false);
		}
	});

	it("protected people's and relatives' look-ups are inside a case opened earlier by the agency or by another official", () => {
		for (const kind of ['protected-in-case', 'relative-in-case']) {
			for (const d of set.decoys.filter((x) => x.kind === kind)) {
				for (const e of d.events.filter((x) => x.actor_code !== '' && (protectedCodes.has(x.subject_code) || linked(x.actor_code, x.subject_code)))) {
					const by = d.events.filter((o) => o.case_ref === e.case_ref && o.agency_code === e.agency_code && o.actor_code !== e.actor_code && o.logged_at <= e.logged_at);
					expect(by.length).toBeGreaterThan(0);
					if (kind === 'relative-in-case') expect(by.some((o) => o.actor_code !== '')).toBe(true);
				}
			}
		}
		expect(set.protectedChanges.map((c) => c.change)).toEqual(['add', 'remove']);
		expect(decoy('protected-removed').every((e) => e.subject_code === set.protectedChanges[0]!.personal_code)).toBe(true);
	});

	it('night work is on round-the-clock purposes; the busy official is steady; crowds and code runs stay under the thresholds', () => {
		expect(decoy('night-shift').every((e) => purposes.get(e.purpose_code)!.round_the_clock)).toBe(true);
		expect(decoy('night-shift').some(offHours)).toBe(true);
		// Busy: above minDaily on many days, and no day above the mean + 4 sd of the 28 days before.
		const perDay = new Map<string, number>();
		for (const e of decoy('busy-official')) perDay.set(tallinnDate(e.logged_at), (perDay.get(tallinnDate(e.logged_at)) ?? 0) + 1);
		const days = [...perDay.entries()].sort(([a], [b]) => a.localeCompare(b));
		expect(days.filter(([, n]) => n > THRESHOLDS.minDaily).length).toBeGreaterThan(30);
		days.forEach(([day, n], k) => {
			const prior = days.slice(Math.max(0, k - 20), k).map(([, m]) => m);
			if (prior.length < 10) return;
			const mean = prior.reduce((a, b) => a + b, 0) / prior.length;
			const sd = Math.sqrt(prior.reduce((a, b) => a + (b - mean) ** 2, 0) / prior.length);
			expect(n, day).toBeLessThanOrEqual(mean + 4 * sd + 1);
		});
		// Crowd in one case: six officials, all inside the intake's case.
		const crowd = decoy('crowd-in-one-case');
		expect(new Set(crowd.filter((e) => e.actor_code !== '').map((e) => e.actor_code)).size).toBe(6);
		expect(new Set(crowd.map((e) => e.case_ref)).size).toBe(1);
		// Spread: no 24 h window holds minOfficials of them.
		const spread = decoy('crowd-spread').map((e) => Date.parse(e.logged_at)).sort((a, b) => a - b);
		expect(spread).toHaveLength(5);
		expect(spread[4]! - spread[0]!).toBeGreaterThan(24 * 3_600_000);
	});
});
