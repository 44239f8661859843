/**
 * Hand-written histories for the personas, present at any event count, so the demo and
 * the tests can rely on them: Jaan looked up by a dozen agencies (restricted and sealed
 * too), Mari's child at school and at the doctor, Kadri at work at the police. Plus a few
 * planted misuse patterns for the oversight side to find.
 */
import type { UsageEvent, Visibility } from '../../schemas/usage-event';
import { daysFromCivil, DAY_MS, parseIsoDate, weekday } from './dates';
import type { EventFactory, Template } from './factory';
import type { Rng } from './random';
import type { Persona, PersonaKey } from './reference';

export type AnomalyKind = 'self-lookup' | 'relative-lookup' | 'after-employment';

export interface PlantedAnomaly {
	kind: AnomalyKind;
	actor_code: string;
	subject_code: string;
	agency_code: string;
	event_ids: string[];
}

export interface Story {
	events: UsageEvent[];
	anomalies: PlantedAnomaly[];
}

interface StoryFields {
	/** Done by one of the agency's officials (drawn), unless actor is given. */
	manual?: boolean;
	actor?: string;
	caseRef?: string;
	visibility?: Visibility;
	discloseAfter?: number;
	intermediary?: string;
	bulk?: boolean;
}

const YEAR_MS = 365 * DAY_MS;

export function buildStory(f: EventFactory, rng: Rng): Story {
	const { cal, people } = f;
	const last = cal.days - 1;
	const events: UsageEvent[] = [];
	const anomalies: PlantedAnomaly[] = [];

	// Times: days before today (Tallinn), at a local hour; always before now.
	const ago = (days: number, hour: number, minute: number) => cal.at(last - days, hour, minute, rng.int(0, 59_999));
	const weekdayAgo = (days: number, hour: number, minute: number) => {
		let d = days;
		while ([0, 6].includes(weekday(cal.first + last - d))) d++;
		return ago(d, hour, minute);
	};
	/** The nth most recent (month, day) before today, or null when it is outside the window. */
	const onDate = (month: number, day: number, hour: number, minute: number, nth = 0): number | null => {
		const today = cal.first + last;
		let year = new Date(cal.now).getUTCFullYear() + 1;
		let found = -1;
		while (found < nth) {
			year--;
			const dn = daysFromCivil(year, month, day);
			if (dn < cal.first) return null;
			if (dn < today) found++;
		}
		return cal.at(daysFromCivil(year, month, day) - cal.first, hour, minute, rng.int(0, 59_999));
	};
	/** The same day of the nth most recent month before today. */
	const monthDay = (day: number, nth: number, hour: number, minute: number): number | null => {
		const now = new Date(cal.now);
		let y = now.getUTCFullYear();
		let m = now.getUTCMonth() + 1;
		let k = -1;
		for (;;) {
			const dn = daysFromCivil(y, m, day);
			if (dn < cal.first) return null;
			if (dn < cal.first + last && ++k === nth) return cal.at(dn - cal.first, hour, minute, rng.int(0, 59_999));
			m--;
			if (m === 0) {
				m = 12;
				y--;
			}
		}
	};

	const add = (code: string, subject: number, t: number | null, o: StoryFields = {}): UsageEvent | null => {
		const tpl = f.byCode.get(code);
		if (!tpl || t === null || t < people.bornMs(subject) || t >= cal.now) return null;
		const actor = o.actor ?? (o.manual && tpl.staff ? tpl.staff.pick(rng, t) : '');
		const caseRef = o.caseRef ?? (actor !== '' || o.visibility === 'restricted' ? f.caseRef(tpl, t) : '');
		const e = f.make(tpl, subject, t, {
			actor,
			caseRef,
			visibility: o.visibility ?? 'visible',
			discloseAfter: o.discloseAfter ?? null,
			intermediary: o.intermediary ?? '',
			bulk: o.bulk ?? false
		});
		events.push(e);
		return e;
	};
	const agencyOf = (code: string) => f.byCode.get(code)?.agency ?? '';

	const persona = new Map<PersonaKey, Persona>(f.ref.personas.map((p) => [p.key, p]));
	const indexOf = (key: PersonaKey): number | null => {
		const p = persona.get(key);
		return p ? people.find(p.personal_code) : null;
	};

	// Jaan: a dozen agencies in two years, one police and one tax investigation, the security service.
	const jaan = indexOf('jaan');
	if (jaan !== null) {
		add('RR-ADDR-CHECK', jaan, ago(410, 3, 12));
		add('RR-DATA-RELEASE', jaan, ago(95, 19, 40), { intermediary: agencyOf('RIA-PORTAL') });
		add('PPA-ID-DOC', jaan, weekdayAgo(520, 13, 30), { manual: true });
		add('RIK-LAND-REG', jaan, weekdayAgo(355, 12, 10), { manual: true });
		add('MTA-ADDR-DECISION', jaan, weekdayAgo(300, 10, 5), { manual: true });
		add('TRAM-VEHICLE-REG', jaan, weekdayAgo(260, 15, 0), { manual: true });
		add('TTK-REGISTRATION', jaan, weekdayAgo(210, 9, 15), { manual: true });
		add('TTK-BENEFIT', jaan, ago(200, 2, 0));
		add('SOM-SUBSISTENCE', jaan, weekdayAgo(180, 11, 0), { manual: true, intermediary: agencyOf('TLN-SOCIAL') });
		add('KARR-QUERY', jaan, weekdayAgo(150, 10, 30), { intermediary: agencyOf('RIK-LAND-REG') });
		add('MTA-AUDIT', jaan, weekdayAgo(130, 11, 20), { manual: true, visibility: 'restricted' });
		add('MTA-AUDIT', jaan, weekdayAgo(128, 14, 2), { manual: true, visibility: 'restricted' });
		add('TLN-PARKING', jaan, ago(88, 18, 35), { manual: true });
		add('PPA-INVESTIGATION', jaan, weekdayAgo(62, 9, 47), { manual: true, visibility: 'restricted' });
		add('PPA-INVESTIGATION', jaan, weekdayAgo(61, 16, 10), { manual: true, visibility: 'restricted' });
		add('TEHIK-HEALTH-RECORD', jaan, ago(34, 10, 40));
		add('TK-PRESCRIPTION', jaan, ago(33, 17, 25));
		// Sealed: one already past its disclosure date, two still hidden for years.
		const early = ago(610, 22, 15);
		add('KAPO-SECURITY', jaan, early, { manual: true, visibility: 'sealed', discloseAfter: early + YEAR_MS });
		const lately = ago(45, 23, 5);
		add('KAPO-SECURITY', jaan, lately, { manual: true, visibility: 'sealed', discloseAfter: lately + 3 * YEAR_MS });
		const latest = ago(44, 1, 30);
		add('KAPO-SECURITY', jaan, latest, { visibility: 'sealed', discloseAfter: latest + 3 * YEAR_MS });
	}

	// Mari and her child: school, doctor, pharmacy, child allowance.
	const mari = indexOf('mari');
	const childCode = persona.get('mari')?.child_code;
	const child = childCode ? people.find(childCode) : null;
	if (child !== null) {
		const schoolYear = onDate(9, 1, 3, 0, 0);
		if (schoolYear !== null) add('EHIS-ENROLMENT', child, schoolYear, { bulk: true, caseRef: `OPPEAASTA-${cal.year(schoolYear)}-09` });
		add('EHIS-ENROLMENT', child, weekdayAgo(400, 10, 20), { manual: true });
		add('EHIS-RESULTS', child, onDate(6, 12, 14, 30, 0));
		add('EHIS-RESULTS', child, onDate(6, 12, 14, 30, 1));
		add('EHIS-RESULTS', child, onDate(1, 20, 12, 0, 0));
		add('TLN-SCHOOL-PLACE', child, weekdayAgo(420, 11, 0), { manual: true });
		add('TEHIK-IMMUNISATION', child, weekdayAgo(140, 10, 20));
		add('TEHIK-HEALTH-RECORD', child, weekdayAgo(140, 10, 25));
		add('TEHIK-HEALTH-RECORD', child, weekdayAgo(60, 9, 10));
		add('TEHIK-REFERRAL', child, weekdayAgo(59, 9, 40));
		add('TEHIK-HEALTH-RECORD', child, weekdayAgo(12, 15, 40));
		add('TK-PRESCRIPTION', child, ago(59, 17, 5));
		add('TK-PRESCRIPTION', child, ago(11, 18, 20));
		add('SKA-FAMILY-BENEFIT', child, weekdayAgo(500, 20, 30), { intermediary: agencyOf('RIA-PORTAL') });
		for (let m = 0; m < 4; m++) {
			const t = monthDay(20, m, 3, 0);
			if (t !== null) add('SKA-FAMILY-BENEFIT', child, t, { bulk: true, caseRef: `PERETOETUS-${cal.year(t)}-${String(new Date(t).getUTCMonth() + 1).padStart(2, '0')}` });
		}
	}
	if (mari !== null) {
		add('RR-ENTRY-UPDATE', mari, weekdayAgo(430, 14, 20), { manual: true });
		add('MTA-INCOME-DECL', mari, onDate(2, 15, 1, 0, 0), { bulk: true });
		add('MTA-INCOME-DECL', mari, onDate(2, 15, 1, 0, 1), { bulk: true });
		add('TEHIK-HEALTH-RECORD', mari, ago(76, 11, 30));
		add('TK-PRESCRIPTION', mari, ago(75, 16, 45));
		add('RIA-PORTAL', mari, ago(20, 21, 10));
		add('RIA-PORTAL', mari, ago(5, 20, 5));
	}

	// Kadri at work: forty police look-ups in office hours, plus her own citizen events.
	const kadri = indexOf('kadri');
	if (kadri !== null) {
		const actor = people.subject[kadri]!;
		const work: [string, number][] = [
			['PPA-ID-DOC', 15],
			['PPA-TRAFFIC-CHECK', 12],
			['PPA-BORDER', 8],
			['PPA-INVESTIGATION', 5]
		];
		for (const [code, n] of work) {
			const tpl = f.byCode.get(code);
			if (!tpl) continue;
			for (let i = 0; i < n; i++) {
				const subject = tpl.audience.draw(rng);
				const restricted = tpl.spec.restricted && rng.chance(0.5);
				add(code, subject, weekdayAgo(rng.int(1, 700), rng.int(8, 17), rng.int(0, 59)), { actor, visibility: restricted ? 'restricted' : 'visible' });
			}
		}
		add('RR-ADDR-CHECK', kadri, ago(200, 9, 12));
		add('TK-PRESCRIPTION', kadri, ago(40, 18, 2));
	}

	plantAnomalies(f, rng, { add, weekdayAgo, ago }, anomalies);
	return { events, anomalies };
}

interface Helpers {
	add: (code: string, subject: number, t: number | null, o?: StoryFields) => UsageEvent | null;
	weekdayAgo: (days: number, hour: number, minute: number) => number;
	ago: (days: number, hour: number, minute: number) => number;
}

/** Officials looking up themselves, a relative at night, and someone after leaving the job. */
function plantAnomalies(f: EventFactory, rng: Rng, h: Helpers, out: PlantedAnomaly[]): void {
	const { people, cal } = f;
	const personaCodes = new Set(f.ref.personas.map((p) => p.personal_code));
	const manualTemplate = new Map<string, Template>();
	for (const t of f.templates) if (t.spec.manual > 0 && t.staff && !t.spec.restricted && !t.spec.sealed && !manualTemplate.has(t.agency)) manualTemplate.set(t.agency, t);
	const candidates = f.ref.officials.filter((o) => !personaCodes.has(o.personal_code) && manualTemplate.has(o.agency_code));
	const employed = candidates.filter((o) => o.employed_to === null && parseIsoDate(o.employed_from) < cal.first);
	if (employed.length === 0) return;
	const record = (kind: AnomalyKind, actor: string, subject: number, agency: string, evs: (UsageEvent | null)[]) => {
		const ids = evs.filter((e): e is UsageEvent => e !== null).map((e) => e.event_id);
		if (ids.length) out.push({ kind, actor_code: actor, subject_code: people.subject[subject]!, agency_code: agency, event_ids: ids });
	};

	// Where each official is in the population: one pass, not a look-up per official.
	const officialCodes = new Set(employed.map((o) => o.personal_code));
	const at = new Map<string, number>();
	people.rows.forEach((p, i) => {
		if (officialCodes.has(p.personal_code)) at.set(p.personal_code, i);
	});
	const indexOf = (code: string) => at.get(code) ?? people.find(code);

	const self = employed[rng.int(0, employed.length - 1)]!;
	const selfIdx = indexOf(self.personal_code);
	const selfTpl = manualTemplate.get(self.agency_code)!;
	const selfActor = `EE${self.personal_code}`;
	record('self-lookup', selfActor, selfIdx, self.agency_code, [
		h.add(selfTpl.code, selfIdx, h.weekdayAgo(rng.int(30, 300), 21, 40), { actor: selfActor, caseRef: '' }),
		h.add(selfTpl.code, selfIdx, h.weekdayAgo(rng.int(5, 25), 7, 5), { actor: selfActor, caseRef: '' })
	]);

	// Someone whose household has another member: a spouse, child or parent.
	const households = new Map<number, number[]>();
	const wanted = new Set(employed.filter((o) => o !== self).map((o) => people.household[indexOf(o.personal_code)]!));
	for (let i = 0; i < people.n; i++) {
		const hh = people.household[i]!;
		if (!wanted.has(hh)) continue;
		const members = households.get(hh);
		if (members) members.push(i);
		else households.set(hh, [i]);
	}
	const snooper = employed.find((o) => o !== self && (households.get(people.household[indexOf(o.personal_code)]!)?.length ?? 0) > 1);
	if (snooper) {
		const me = indexOf(snooper.personal_code);
		const relative = households.get(people.household[me]!)!.find((i) => i !== me)!;
		const tpl = manualTemplate.get(snooper.agency_code)!;
		const actor = `EE${snooper.personal_code}`;
		const d = rng.int(20, 200);
		record('relative-lookup', actor, relative, snooper.agency_code, [
			h.add(tpl.code, relative, h.ago(d, 22, 10), { actor, caseRef: '' }),
			h.add(tpl.code, relative, h.ago(d + 9, 23, 35), { actor, caseRef: '' }),
			h.add(tpl.code, relative, h.ago(d + 30, 6, 50), { actor, caseRef: '' })
		]);
	}

	// Access after the employment ended: the account was never closed.
	const leaver = candidates.find((o) => o.employed_to !== null && parseIsoDate(o.employed_to) + 20 < cal.first + cal.days - 1 && parseIsoDate(o.employed_to) > cal.first);
	if (leaver) {
		const tpl = manualTemplate.get(leaver.agency_code)!;
		const actor = `EE${leaver.personal_code}`;
		const end = parseIsoDate(leaver.employed_to!) - cal.first;
		const subject = tpl.audience.draw(rng);
		record('after-employment', actor, subject, leaver.agency_code, [
			h.add(tpl.code, subject, cal.at(end + 12, 10, 15, rng.int(0, 59_999)), { actor }),
			h.add(tpl.code, subject, cal.at(end + 19, 14, 40, rng.int(0, 59_999)), { actor })
		]);
	}
}
