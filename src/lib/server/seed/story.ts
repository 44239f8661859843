/**
 * Hand-written histories for the personas, present at any event count, so the demo and
 * the tests can rely on them: Jaan looked up by a dozen agencies (restricted and sealed
 * too), Mari's child at school and at the doctor, Kadri at work at the police. Plus one
 * planted instance of every detection rule's misuse for the oversight side to find.
 */
import { RULE_IDS, type RuleId } from '../../oversight/rules';
import { BUILDERS, tryBuild } from '../detection/scenarios';
import { ScenarioWorld } from '../detection/scenario-world';
import type { UsageEvent, Visibility } from '../../schemas/usage-event';
import { daysFromCivil, DAY_MS, weekday } from './dates';
import type { EventFactory } from './factory';
import type { Rng } from './random';
import type { Persona, PersonaKey } from './reference';

/** A planted pattern is named by the detection rule that should find it. */
export type AnomalyKind = RuleId;

export interface PlantedAnomaly {
	kind: AnomalyKind;
	/** The official ('' when several: many-officials). */
	actor_code: string;
	/** The person ('' when the pattern is about an official: off-hours, volume-spike, consecutive-codes). */
	subject_code: string;
	agency_code: string;
	event_ids: string[];
	/** What was planted, in words. */
	note: string;
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

	plantAnomalies(f, rng.derive('misuse'), events, anomalies);
	return { events, anomalies };
}

/** Which variant of each rule's scenario builder the demo plants: a clear, ordinary-looking instance. */
const PLANTED_VARIANT: Record<RuleId, number> = {
	'self-lookup': 1, // two look-ups of their own record, no case number
	'relative-lookup': 0, // someone in the official's household
	'protected-person': 5, // three look-ups of a protected person in five days
	'no-case-ref': 1, // two accesses to a case purpose without the case
	'off-hours': 0, // late on a weekday night
	'volume-spike': 2, // 60 look-ups in one day
	'many-officials': 1, // six officials on one person within three hours
	'consecutive-codes': 2, // eight codes in sequence within twenty minutes
	'after-employment': 1 // ten days after the employment ended
};

/** One clear instance of every detection rule, made by the bench's scenario builders. */
function plantAnomalies(f: EventFactory, rng: Rng, events: UsageEvent[], out: PlantedAnomaly[]): void {
	const w = new ScenarioWorld(f);
	for (const rule of RULE_IDS) {
		const s = tryBuild(BUILDERS[rule], w, rng.derive(rule), PLANTED_VARIANT[rule]);
		if (!s) continue; // a population too small for this pattern
		events.push(...s.events);
		out.push({ kind: rule, actor_code: s.label.actor_code, subject_code: s.label.subject_code, agency_code: s.agency_code, event_ids: s.label.event_ids, note: s.note });
	}
}
