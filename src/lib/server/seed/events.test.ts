import { describe, expect, it } from 'vitest';
import { usageEventInput, type UsageEvent } from '../../schemas/usage-event';
import { AGENCY } from './catalogue';
import { Calendar } from './calendar';
import { generateEvents, plantedAnomalies, SHARES, WINDOW_DAYS } from './events';
import { RULE_IDS } from '../../oversight/rules';
import { isoDate, tallinnDay } from './dates';
import { officialFamilies } from './family';
import { protectedPeople } from './protected';
import { generateReference } from './reference';

const NOW = Date.now() - 60_000;
/** Tallinn midnight on the first of the month WINDOW_DAYS back: where the data starts. */
const WINDOW_START = new Calendar(NOW, WINDOW_DAYS).start[0]!;
const DAY = 86_400_000;
const ref = generateReference({ people: 3000, seed: 2026 });

function collect(events: number, seed = 1, batchSize = 10_000, now = NOW): UsageEvent[] {
	const out: UsageEvent[] = [];
	for (const batch of generateEvents(ref, { events, seed, now, batchSize })) out.push(...batch);
	return out;
}

const sample = collect(100_000);
const persona = (key: string) => ref.personas.find((p) => p.key === key)!;

// Tallinn local weekday and hour, cached per UTC hour (Intl is slow per event).
const tallinn = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Tallinn', weekday: 'short', hour: '2-digit', hourCycle: 'h23' });
const localCache = new Map<number, { weekend: boolean; hour: number }>();
function local(iso: string): { weekend: boolean; hour: number } {
	const hourKey = Math.floor(Date.parse(iso) / 3_600_000);
	let v = localCache.get(hourKey);
	if (!v) {
		const parts = tallinn.formatToParts(new Date(hourKey * 3_600_000));
		const wd = parts.find((p) => p.type === 'weekday')!.value;
		v = { weekend: wd === 'Sat' || wd === 'Sun', hour: Number(parts.find((p) => p.type === 'hour')!.value) };
		localCache.set(hourKey, v);
	}
	return v;
}

describe('generateEvents', () => {
	it('is deterministic for (ref, events, seed, now), whatever the batch size', () => {
		const a = collect(20_000, 5, 1_000);
		const b = collect(20_000, 5, 7_777);
		expect(b).toEqual(a);
		const c = collect(20_000, 6, 1_000);
		expect(c.map((e) => e.event_id)).not.toEqual(a.map((e) => e.event_id));
		expect(collect(20_000, 5, 1_000, NOW - DAY)[0]!.logged_at).not.toBe(a[0]!.logged_at);
	});

	it('yields batches of the requested size and exactly the requested count', () => {
		const sizes = [...generateEvents(ref, { events: 25_001, seed: 1, now: NOW, batchSize: 5_000 })].map((b) => b.length);
		expect(sizes).toEqual([5_000, 5_000, 5_000, 5_000, 5_000, 1]);
		expect(sample).toHaveLength(100_000);
		expect(new Set(sample.map((e) => e.event_id)).size).toBe(sample.length);
	});

	it('is lazy: the first batch of ten million comes at once', () => {
		const t0 = Date.now();
		const it = generateEvents(ref, { events: 10_000_000, seed: 1, now: NOW, batchSize: 1_000 });
		expect(it.next().value).toHaveLength(1_000);
		expect(Date.now() - t0).toBeLessThan(5_000);
	});

	it('passes the ingestion schema, unchanged', () => {
		// The stories come first; take them plus a spread of the random stream (bulk runs included).
		const picked = [...sample.slice(0, 3_000), ...sample.filter((_, i) => i % 50 === 0)];
		for (const e of picked) {
			const r = usageEventInput.safeParse(e);
			if (!r.success) throw new Error(`${JSON.stringify(e)}: ${JSON.stringify(r.error.issues)}`);
			expect(r.data).toEqual(e);
		}
	});

	it('keeps every event inside the two-year window and consistent with the reference data', () => {
		const people = new Set(ref.people.map((p) => `EE${p.personal_code}`));
		const systems = new Set(ref.systems.map((s) => `${s.agency_code}/${s.code}`));
		const purposes = new Map(ref.purposes.map((p) => [p.code, p]));
		const officials = new Set(ref.officials.map((o) => `${o.agency_code}/EE${o.personal_code}`));
		// Planted misuse departs from the register on purpose: browsed personal codes are a slice of the
		// code space (not all of it in a sampled register), and a misused account may be someone else's agency's.
		const planted = new Map(plantedAnomalies(ref, { seed: 1, now: NOW }).flatMap((a) => a.event_ids.map((id) => [id, a.kind] as const)));
		// Plain checks collected into one list: an expect() per field per event is too slow here.
		const problems: string[] = [];
		const check = (ok: boolean, what: string, e: UsageEvent) => {
			if (!ok && problems.length < 10) problems.push(`${what}: ${JSON.stringify(e)}`);
		};
		for (const e of sample) {
			const t = Date.parse(e.logged_at);
			check(t <= NOW && t >= WINDOW_START, 'logged_at outside the window', e);
			check(people.has(e.subject_code) || planted.get(e.event_id) === 'consecutive-codes', 'unknown subject', e);
			check(systems.has(`${e.agency_code}/${e.system}`), 'system of another agency', e);
			const purpose = purposes.get(e.purpose_code);
			check(purpose?.agency_code === e.agency_code && purpose.legal_basis === e.legal_basis, 'purpose of another agency', e);
			check(e.actor_code === '' || officials.has(`${e.agency_code}/${e.actor_code}`) || planted.get(e.event_id) === 'after-employment', 'actor is not an official of the agency', e);
			check(e.intermediary_code !== e.agency_code, 'agency is its own intermediary', e);
			if (e.xroad_service) {
				check(/^EE\/GOV\/\d{8}\/[a-z0-9-]+\/\w+\/v1$/.test(e.xroad_service), 'xroad_service', e);
				check(/^EE\/(GOV|COM)\/\d{8}\/[a-z0-9-]+$/.test(e.xroad_client), 'xroad_client', e);
				check(/^[0-9a-f-]{36}$/.test(e.xroad_message_id), 'xroad_message_id', e);
			} else check(e.xroad_client === '' && e.xroad_message_id === '', 'X-Road fields without a service', e);
		}
		expect(problems).toEqual([]);
	});

	it('has the target shares of automated, bulk, intermediary, restricted and sealed events', () => {
		const share = (f: (e: UsageEvent) => boolean) => sample.filter(f).length / sample.length;
		expect(share((e) => e.actor_code === '')).toBeGreaterThan(0.3);
		expect(share((e) => e.actor_code === '')).toBeLessThan(0.5);
		expect(share((e) => e.bulk)).toBeCloseTo(SHARES.bulk, 2);
		expect(share((e) => e.intermediary_code !== '')).toBeGreaterThan(0.035);
		expect(share((e) => e.intermediary_code !== '')).toBeLessThan(0.065);
		expect(share((e) => e.visibility === 'restricted')).toBeGreaterThan(0.006);
		expect(share((e) => e.visibility === 'restricted')).toBeLessThan(0.015);
		expect(share((e) => e.visibility === 'sealed')).toBeGreaterThan(0.0015);
		expect(share((e) => e.visibility === 'sealed')).toBeLessThan(0.005);
		const manual = sample.filter((e) => e.actor_code !== '');
		const withoutCase = manual.filter((e) => e.case_ref === '').length / manual.length;
		expect(withoutCase).toBeGreaterThan(0.05);
		expect(withoutCase).toBeLessThan(0.15);
		expect(manual.filter((e) => e.case_ref !== '').every((e) => /^[A-Z]+-20\d\d-\d{6}$/.test(e.case_ref))).toBe(true);
	});

	it('runs bulk processing as automated runs within a minute', () => {
		const runs = new Map<string, number[]>();
		for (const e of sample.filter((x) => x.bulk)) {
			expect(e.actor_code).toBe('');
			expect(e.visibility).toBe('visible');
			const key = `${e.purpose_code}/${e.logged_at.slice(0, 16)}`;
			runs.set(key, [...(runs.get(key) ?? []), 1]);
		}
		const big = [...runs.values()].filter((r) => r.length >= 100);
		expect(big.length).toBeGreaterThan(0);
		// Nearly all bulk events sit in a minute shared with at least 100 others of the same purpose.
		expect(big.reduce((n, r) => n + r.length, 0)).toBeGreaterThan(0.9 * sample.filter((x) => x.bulk).length);
	});

	it('is busier on weekdays than at weekends, and manual work happens in office hours', () => {
		const days = new Map<string, { weekend: boolean; n: number }>();
		let manual = 0;
		let officeHours = 0;
		for (const e of sample) {
			const l = local(e.logged_at);
			const day = e.logged_at.slice(0, 10);
			const d = days.get(day) ?? { weekend: l.weekend, n: 0 };
			d.n++;
			days.set(day, d);
			if (e.actor_code !== '') {
				manual++;
				if (l.hour >= 8 && l.hour < 18) officeHours++;
			}
		}
		const perDay = (weekend: boolean) => {
			const ds = [...days.values()].filter((d) => d.weekend === weekend);
			return ds.reduce((n, d) => n + d.n, 0) / ds.length;
		};
		expect(perDay(false)).toBeGreaterThan(1.5 * perDay(true));
		expect(officeHours / manual).toBeGreaterThan(0.8);
		expect(officeHours / manual).toBeLessThan(0.92);
		const auto = sample.filter((e) => e.actor_code === '' && !e.bulk);
		const night = auto.filter((e) => local(e.logged_at).hour < 6).length / auto.length;
		expect(night).toBeGreaterThan(0.03); // machines work at night too
	});

	it('lets a few big registers dominate', () => {
		const byAgency = new Map<string, number>();
		for (const e of sample) byAgency.set(e.agency_code, (byAgency.get(e.agency_code) ?? 0) + 1);
		const sorted = [...byAgency.entries()].sort((a, b) => b[1] - a[1]);
		const top3 = sorted.slice(0, 3).reduce((n, [, c]) => n + c, 0);
		expect(top3 / sample.length).toBeGreaterThan(0.5);
		expect(sorted.slice(0, 3).map(([a]) => a)).toContain(AGENCY.interior);
		expect(byAgency.size).toBeGreaterThanOrEqual(20);
		// Some people are processed often, some rarely.
		const perSubject = new Map<string, number>();
		for (const e of sample) perSubject.set(e.subject_code, (perSubject.get(e.subject_code) ?? 0) + 1);
		const counts = [...perSubject.values()].sort((a, b) => a - b);
		expect(counts[Math.floor(counts.length * 0.95)]!).toBeGreaterThan(3 * counts[Math.floor(counts.length * 0.1)]!);
	});

	it('gives sealed events a disclosure date 1-5 years on, some already past', () => {
		const sealed = sample.filter((e) => e.visibility === 'sealed');
		expect(sealed.length).toBeGreaterThan(0);
		for (const e of sealed) {
			expect(e.disclose_after).not.toBeNull();
			const gap = Date.parse(e.disclose_after!) - Date.parse(e.logged_at);
			expect(gap).toBeGreaterThanOrEqual(365 * DAY);
			expect(gap).toBeLessThanOrEqual(5 * 366 * DAY);
		}
		expect(sealed.some((e) => Date.parse(e.disclose_after!) < NOW)).toBe(true);
		expect(sample.filter((e) => e.visibility !== 'sealed').every((e) => e.disclose_after === null)).toBe(true);
	});
});

describe('persona stories', () => {
	// Even with no random events at all, the stories are there.
	const story = collect(0);
	const about = (code: string) => story.filter((e) => e.subject_code === `EE${code}`);

	it('come first and come regardless of the event count', () => {
		expect(story.length).toBeGreaterThan(50);
		expect(story.length).toBeLessThan(400); // the planted misuse includes a 60-look-up day and an official's usual work
		expect(sample.slice(0, story.length)).toEqual(collect(0, 1, 10_000, NOW).slice(0, story.length));
		for (const e of story) expect(usageEventInput.safeParse(e).success).toBe(true);
	});

	it('jaan: many agencies, restricted and sealed events, one sealed already disclosed', () => {
		const jaan = about(persona('jaan').personal_code);
		expect(new Set(jaan.map((e) => e.agency_code)).size).toBeGreaterThanOrEqual(8);
		expect(jaan.some((e) => e.visibility === 'restricted' && e.agency_code === AGENCY.police)).toBe(true);
		expect(jaan.some((e) => e.visibility === 'restricted' && e.agency_code === AGENCY.tax)).toBe(true);
		const sealed = jaan.filter((e) => e.visibility === 'sealed');
		expect(sealed.every((e) => e.agency_code === AGENCY.security)).toBe(true);
		expect(sealed.some((e) => Date.parse(e.disclose_after!) > NOW)).toBe(true);
		expect(sealed.some((e) => Date.parse(e.disclose_after!) <= NOW)).toBe(true);
		expect(jaan.some((e) => e.intermediary_code !== '')).toBe(true);
	});

	it("mari's child: school and health records", () => {
		const child = about(persona('mari').child_code!);
		expect(child.some((e) => e.agency_code === AGENCY.education && e.system === 'EHIS')).toBe(true);
		expect(child.some((e) => e.agency_code === AGENCY.healthIt)).toBe(true);
		expect(child.some((e) => e.agency_code === AGENCY.healthFund && e.system === 'RETSEPT')).toBe(true);
		expect(about(persona('mari').personal_code).length).toBeGreaterThan(3);
	});

	it('kadri: the official behind many police events', () => {
		const kadri = `EE${persona('kadri').personal_code}`;
		const hers = story.filter((e) => e.actor_code === kadri);
		expect(hers.length).toBeGreaterThanOrEqual(30);
		expect(hers.every((e) => e.agency_code === AGENCY.police)).toBe(true);
		expect(sample.filter((e) => e.actor_code === kadri).length).toBeGreaterThan(hers.length);
	});

	it('plants one instance of every detection rule, whose events are in the stream', () => {
		const anomalies = plantedAnomalies(ref, { seed: 1, now: NOW });
		expect(anomalies.map((a) => a.kind).sort()).toEqual([...RULE_IDS].sort());
		const ids = new Map(story.map((e) => [e.event_id, e]));
		const manual = (e: UsageEvent) => e.actor_code !== '';
		for (const a of anomalies) {
			expect(a.event_ids.length).toBeGreaterThan(0);
			for (const id of a.event_ids) {
				const e = ids.get(id)!;
				expect(e).toBeDefined();
				expect(manual(e)).toBe(true);
				if (a.actor_code !== '') expect(e.actor_code).toBe(a.actor_code);
				if (a.subject_code !== '') expect(e.subject_code).toBe(a.subject_code);
			}
		}
		const evidence = (kind: string) => anomalies.find((a) => a.kind === kind)!.event_ids.map((id) => ids.get(id)!);
		const self = anomalies.find((a) => a.kind === 'self-lookup')!;
		expect(self.actor_code).toBe(self.subject_code);
		const left = anomalies.find((a) => a.kind === 'after-employment')!;
		const official = ref.officials.find((o) => `EE${o.personal_code}` === left.actor_code)!;
		for (const e of evidence('after-employment')) {
			const day = isoDate(tallinnDay(Date.parse(e.logged_at)));
			expect(e.agency_code !== official.agency_code || day > official.employed_to! || day < official.employed_from).toBe(true);
		}
		expect(evidence('protected-person').every((e) => protectedPeople(ref).some((p) => p.subject_code === e.subject_code))).toBe(true);
		expect(evidence('no-case-ref').every((e) => e.case_ref === '' && ref.purposes.find((p) => p.code === e.purpose_code)!.case_required)).toBe(true);
		expect(new Set(evidence('many-officials').map((e) => e.actor_code)).size).toBeGreaterThanOrEqual(5);
		expect(evidence('volume-spike').length).toBeGreaterThan(40);
		expect(new Set(evidence('consecutive-codes').map((e) => e.subject_code.slice(0, 9))).size).toBe(1);
		expect(evidence('off-hours').every((e) => local(e.logged_at).weekend || local(e.logged_at).hour < 7 || local(e.logged_at).hour >= 20)).toBe(true);
	});

	it('keeps ordinary traffic free of accidental self and family look-ups, and of missing case references where a case is required', () => {
		const planted = new Set(plantedAnomalies(ref, { seed: 1, now: NOW }).flatMap((a) => a.event_ids));
		const families = officialFamilies(ref);
		const required = new Set(ref.purposes.filter((p) => p.case_required).map((p) => p.code));
		let manual = 0;
		for (const e of sample) {
			if (e.actor_code === '' || planted.has(e.event_id)) continue;
			manual++;
			const fam = families.get(e.actor_code);
			const linked = fam ? [fam.self, ...fam.relatives.map((r) => r.index)].some((i) => `EE${ref.people[i]!.personal_code}` === e.subject_code) : false;
			if (linked || (required.has(e.purpose_code) && e.case_ref === '')) throw new Error(`unexpected: ${JSON.stringify(e)}`);
		}
		expect(manual).toBeGreaterThan(10_000);
	});

	it('gives protected people\'s ordinary look-ups a case file the agency opened first', () => {
		const planted = new Set(plantedAnomalies(ref, { seed: 1, now: NOW }).flatMap((a) => a.event_ids));
		const protectedCodes = new Set(protectedPeople(ref).map((p) => p.subject_code));
		const bySubject = new Map<string, UsageEvent[]>();
		for (const e of sample) if (protectedCodes.has(e.subject_code)) bySubject.set(e.subject_code, [...(bySubject.get(e.subject_code) ?? []), e]);
		let checked = 0;
		for (const events of bySubject.values()) {
			for (const e of events) {
				if (e.actor_code === '' || planted.has(e.event_id)) continue;
				checked++;
				const opened = events.some((o) => o.actor_code === '' && o.agency_code === e.agency_code && o.case_ref === e.case_ref && o.logged_at <= e.logged_at);
				expect(e.case_ref).not.toBe('');
				expect(opened).toBe(true);
			}
		}
		expect(checked).toBeGreaterThan(0);
	});
});

describe('options', () => {
	it('rejects a future now and bad counts', () => {
		expect(() => generateEvents(ref, { events: 1, seed: 1, now: Date.now() + DAY }).next()).toThrow(/future/);
		expect(() => generateEvents(ref, { events: -1, seed: 1 }).next()).toThrow(/events/);
		expect(() => generateEvents(ref, { events: 1, seed: 1, batchSize: 0 }).next()).toThrow(/batchSize/);
	});
});
