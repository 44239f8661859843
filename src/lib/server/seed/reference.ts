/**
 * Reference data for the demo: agencies, information systems, purposes, a population
 * register snapshot, officials, personas and their role grants. Deterministic for
 * (people, seed), independent of the clock (the snapshot is taken on REFERENCE_DATE), so
 * persona codes stay the same between runs and can be written into docs and tests.
 */
import type { Role } from '../auth/roles';
import { makePersonalCode, type Sex } from '../../personal-code';
import { AGENCIES, AGENCY, PURPOSES, type AgencyKey } from './catalogue';
import { PURPOSE_TEXT_RU } from './purposes-ru';
import { daysFromCivil, isoDate } from './dates';
import { COUNTIES, ESTONIAN_SURNAMES, FEMALE_FIRST, MALE_FIRST, RUSSIAN_SURNAMES } from './names';
import { makeWeighted, Rng } from './random';

/** The population snapshot's date: ages are counted on it. */
export const REFERENCE_DATE = '2026-01-01';
const AS_OF = daysFromCivil(2026, 1, 1);
const YEAR = 365.2425;

// Row types are aliases, not interfaces, so they are assignable to insertRows' Record<string, unknown>.
export type AgencyRow = {
	code: string;
	name: string;
	name_et: string;
	kind: string;
	version: number;
};

export type InformationSystemRow = {
	agency_code: string;
	code: string;
	name: string;
	version: number;
};

export type PurposeRow = {
	code: string;
	text_en: string;
	text_et: string;
	text_ru: string;
	legal_basis: string;
	version: number;
	/** Manual work must name its case (the no-case-reference rule). */
	case_required: boolean;
	/** Manual work goes on day and night (the off-hours rule leaves it alone). */
	round_the_clock: boolean;
};

/** A purpose row plus what the event generator needs; the inserter keeps only PurposeRow. */
export type PurposeEntry = PurposeRow & {
	agency_code: string;
	system: string;
	data_categories: string[];
};

export type OfficialRow = {
	personal_code: string;
	agency_code: string;
	title: string;
	employed_from: string; // YYYY-MM-DD
	employed_to: string | null;
	version: number;
};

export type PersonRow = {
	personal_code: string;
	first_name: string;
	last_name: string;
	birth_date: string; // YYYY-MM-DD
	sex: Sex;
	county: string;
	household_id: number;
	mother_code: string;
	father_code: string;
	version: number;
};


export type RoleGrantRow = {
	personal_code: string;
	role: Role;
	agency_code: string;
	granted_at: string; // YYYY-MM-DD hh:mm:ss.sss (UTC)
	revoked: boolean;
	version: number;
};

export const PERSONA_KEYS = ['mari', 'jaan', 'kadri', 'auditor', 'analyst', 'agency', 'admin'] as const;
export type PersonaKey = (typeof PERSONA_KEYS)[number];

export interface Persona {
	key: PersonaKey;
	personal_code: string;
	name: string;
	roles: Role[];
	description: string;
	/** mari: her minor child, whose events she may see as the legal representative. */
	child_code?: string;
	/** Where the persona works, when that matters for the story. */
	agency_code?: string;
}

export interface Reference {
	asOf: string;
	agencies: AgencyRow[];
	systems: InformationSystemRow[];
	purposes: PurposeEntry[];
	officials: OfficialRow[];
	people: PersonRow[];
	roleGrants: RoleGrantRow[];
	personas: Persona[];
}

export interface ReferenceOptions {
	people: number;
	seed: number;
}

/** Persona households take this many people; the rest of the population is random. */
export const MIN_PEOPLE = 10;

export function generateReference({ people, seed }: ReferenceOptions): Reference {
	if (!Number.isInteger(people) || people < MIN_PEOPLE) throw new Error(`people must be an integer >= ${MIN_PEOPLE}, got ${people}`);
	const root = new Rng(`peegel-reference:${seed}`);
	const population = new Population(root.derive('people'));
	const personas = population.addPersonas();
	population.fillRandom(people);
	const officials = makeOfficials(root.derive('officials'), population, personas);
	return {
		asOf: REFERENCE_DATE,
		agencies: AGENCIES.map((a) => ({ code: AGENCY[a.key], name: a.name, name_et: a.name_et, kind: a.kind, version: 1 })),
		systems: AGENCIES.flatMap((a) => a.systems.map((s) => ({ agency_code: AGENCY[a.key], code: s.code, name: s.name, version: 1 }))),
		purposes: PURPOSES.map((p) => ({
			code: p.code,
			text_en: p.text_en,
			text_et: p.text_et,
			text_ru: PURPOSE_TEXT_RU[p.code] ?? '',
			legal_basis: p.legal_basis,
			version: 1,
			case_required: p.caseRequired ?? false,
			round_the_clock: p.hours === 'shift',
			agency_code: AGENCY[p.agency],
			system: p.system,
			data_categories: [...p.categories]
		})),
		officials,
		people: population.rows,
		roleGrants: roleGrants(personas.list),
		personas: personas.list
	};
}

// ---------------------------------------------------------------------------------------
// People

/** Relative number of people of each age 0-100 (a rough Estonian pyramid). */
function ageWeight(age: number): number {
	if (age < 60) return 1;
	if (age < 70) return 0.95;
	if (age < 80) return 0.7;
	if (age < 90) return 0.35;
	if (age <= 95) return 0.08;
	return 0;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const ADULT_AGES = range(18, 95);
// Living alone and childless couples skew old: that is where the elderly of the pyramid come from.
const sampleSingleAge = makeWeighted(ADULT_AGES, ADULT_AGES.map((a) => ageWeight(a) * (a >= 60 ? 2.6 : a < 25 ? 0.5 : 1)));
const sampleCoupleAge = makeWeighted(range(21, 92), range(21, 92).map((a) => ageWeight(a) * (a >= 55 ? 2.2 : a < 30 ? 0.7 : 1)));
const sampleMotherAge = makeWeighted(range(22, 56), range(22, 56).map((a) => (a < 30 ? 0.7 : a < 45 ? 1 : 0.6)));
const sampleAgeAtBirth = makeWeighted(range(19, 44), range(19, 44).map((a) => Math.exp(-((a - 30) ** 2) / 40)));
const sampleChildren = makeWeighted([1, 2, 3], [0.45, 0.4, 0.15]);
const sampleCounty = makeWeighted(
	COUNTIES.map((_, i) => i),
	COUNTIES.map((c) => c.weight)
);
type HouseholdKind = 'single' | 'couple' | 'family' | 'singleParent' | 'shared';
const sampleHousehold = makeWeighted<HouseholdKind>(['single', 'couple', 'family', 'singleParent', 'shared'], [0.36, 0.22, 0.27, 0.09, 0.06]);

interface NewPerson {
	sex: Sex;
	age: number;
	first?: string;
	mother?: string;
	father?: string;
}

class Population {
	readonly rows: PersonRow[] = [];
	/** Next serial per (birth day, sex): keeps codes unique without a set of all codes. */
	private readonly serials = new Int16Array(2 * 125 * 366).fill(-1);
	private household = 0;

	constructor(private readonly rng: Rng) {}

	/** The persona households come first, with fixed shapes, so they exist at any size. */
	addPersonas(): { list: Persona[]; byKey: Record<PersonaKey, PersonRow> } {
		const harju = 0;
		const tartu = 1;
		const [mari, husband, child] = this.addHousehold(harju, false, [
			{ sex: 'F', age: 38, first: 'Mari' },
			{ sex: 'M', age: 41 },
			{ sex: 'F', age: 9 }
		]) as [PersonRow, PersonRow, PersonRow];
		child.mother_code = mari.personal_code;
		child.father_code = husband.personal_code;
		child.last_name = husband.last_name;
		mari.last_name = husband.last_name;
		const [jaan] = this.addHousehold(harju, false, [{ sex: 'M', age: 52, first: 'Jaan' }]) as [PersonRow];
		const [kadri] = this.addHousehold(harju, false, [{ sex: 'F', age: 34, first: 'Kadri' }]) as [PersonRow];
		const [auditor] = this.addHousehold(harju, false, [{ sex: 'F', age: 46 }]) as [PersonRow];
		const [analyst] = this.addHousehold(tartu, false, [{ sex: 'M', age: 31 }]) as [PersonRow];
		const [agency] = this.addHousehold(harju, false, [{ sex: 'M', age: 47 }]) as [PersonRow];
		const [admin] = this.addHousehold(harju, false, [{ sex: 'F', age: 29 }]) as [PersonRow];
		const name = (p: PersonRow) => `${p.first_name} ${p.last_name}`;
		const list: Persona[] = [
			{ key: 'mari', personal_code: mari.personal_code, name: name(mari), roles: ['citizen'], child_code: child.personal_code, description: `Parent of ${child.first_name} (9), a minor whose school and health records are in the log too.` },
			{ key: 'jaan', personal_code: jaan.personal_code, name: name(jaan), roles: ['citizen'], description: 'Looked up by many agencies in two years, including a restricted police investigation and sealed security-service processing.' },
			{ key: 'kadri', personal_code: kadri.personal_code, name: name(kadri), roles: ['citizen'], agency_code: AGENCY.police, description: 'A senior inspector at the Police and Border Guard Board: a citizen, and the official behind many police look-ups.' },
			{ key: 'auditor', personal_code: auditor.personal_code, name: name(auditor), roles: ['citizen', 'auditor'], agency_code: AGENCY.dataProtection, description: 'Chief inspector at the Data Protection Inspectorate, holding the oversight (auditor) role.' },
			{ key: 'analyst', personal_code: analyst.personal_code, name: name(analyst), roles: ['citizen', 'analyst'], agency_code: AGENCY.statistics, description: 'Analyst at Statistics Estonia, holding the policymaker (analyst) role.' },
			{ key: 'agency', personal_code: agency.personal_code, name: name(agency), roles: ['citizen', 'agency'], agency_code: AGENCY.tax, description: 'Information security administrator of the Tax and Customs Board, holding the agency role for it.' },
			{ key: 'admin', personal_code: admin.personal_code, name: name(admin), roles: ['citizen', 'admin'], agency_code: AGENCY.ria, description: 'Peegel platform administrator at the Information System Authority (admin role).' }
		];
		return { list, byKey: { mari, jaan, kadri, auditor, analyst, agency, admin } };
	}

	fillRandom(target: number): void {
		const rng = this.rng;
		while (this.rows.length < target) {
			const county = sampleCounty(rng);
			const russian = rng.chance(COUNTIES[county]!.russianShare);
			const members = this.randomHousehold(sampleHousehold(rng));
			const room = target - this.rows.length;
			this.addHousehold(county, russian, members.slice(0, room), true);
		}
	}

	private randomHousehold(kind: HouseholdKind): NewPerson[] {
		const rng = this.rng;
		switch (kind) {
			case 'single': {
				// Old people living alone are mostly women.
				const age = sampleSingleAge(rng);
				return [{ sex: rng.chance(age >= 65 ? 0.7 : 0.47) ? 'F' : 'M', age }];
			}
			case 'couple': {
				const man = sampleCoupleAge(rng);
				return [
					{ sex: 'M', age: man },
					{ sex: 'F', age: Math.max(19, man - rng.int(-2, 6)) }
				];
			}
			case 'shared':
				return [
					{ sex: rng.chance(0.5) ? 'F' : 'M', age: rng.int(19, 40) },
					{ sex: rng.chance(0.5) ? 'F' : 'M', age: rng.int(19, 40) }
				];
			case 'family':
			case 'singleParent': {
				const mother = sampleMotherAge(rng);
				const adults: NewPerson[] =
					kind === 'family'
						? [
								{ sex: 'F', age: mother },
								{ sex: 'M', age: Math.max(20, mother + rng.int(-2, 6)) }
							]
						: [{ sex: rng.chance(0.85) ? 'F' : 'M', age: mother }];
				const kids: NewPerson[] = [];
				const n = sampleChildren(rng);
				for (let i = 0; i < n; i++) {
					const age = mother - sampleAgeAtBirth(rng);
					if (age >= 0 && age <= 24) kids.push({ sex: rng.chance(0.51) ? 'M' : 'F', age });
				}
				if (kids.length === 0) kids.push({ sex: rng.chance(0.51) ? 'M' : 'F', age: Math.max(0, Math.min(17, mother - 28)) });
				return [...adults, ...kids];
			}
		}
	}

	/**
	 * Adds one household: the first member is the reference person; in families the adults
	 * come first and children after, linked to the household's mother and father.
	 */
	private addHousehold(county: number, russian: boolean, members: NewPerson[], linkParents = false): PersonRow[] {
		const rng = this.rng;
		const id = ++this.household;
		const estonianSurname = rng.pick(ESTONIAN_SURNAMES);
		const russianSurname = rng.pick(RUSSIAN_SURNAMES);
		const rows: PersonRow[] = [];
		let mother = '';
		let father = '';
		for (let i = 0; i < members.length; i++) {
			const m = members[i]!;
			// Children are the members at least 18 years younger than the first adult.
			const isChild = linkParents && i > 0 && members[0]!.age - m.age >= 18;
			const ownSurname = !isChild && i > 0 && rng.chance(0.3);
			const last = russian
				? (ownSurname ? rng.pick(RUSSIAN_SURNAMES) : russianSurname)[m.sex === 'M' ? 0 : 1]
				: ownSurname
					? rng.pick(ESTONIAN_SURNAMES)
					: estonianSurname;
			const row = this.person(m, county, russian, last, id);
			if (isChild) {
				row.mother_code = mother;
				row.father_code = father;
			} else if (m.sex === 'F' && mother === '') mother = row.personal_code;
			else if (m.sex === 'M' && father === '') father = row.personal_code;
			rows.push(row);
			this.rows.push(row);
		}
		return rows;
	}

	private person(m: NewPerson, county: number, russian: boolean, last: string, household: number): PersonRow {
		const rng = this.rng;
		let birth = AS_OF - Math.floor(m.age * YEAR) - rng.int(1, 364);
		const sexBit = m.sex === 'M' ? 0 : 1;
		let serial = -1;
		while (serial < 0) {
			const slot = 2 * (AS_OF - birth) + sexBit;
			const prev = this.serials[slot]!;
			// Start each day's serials at a random point, then step: codes look real, never collide.
			const next = prev < 0 ? rng.int(0, 300) : prev + rng.int(1, 3);
			if (next <= 999) {
				this.serials[slot] = next;
				serial = next;
			} else birth -= 1; // this day is full: the neighbouring day is as good
		}
		const iso = isoDate(birth);
		const y = Number(iso.slice(0, 4));
		const first = m.first ?? this.firstName(m.sex, y, russian);
		return {
			personal_code: makePersonalCode({ year: y, month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) }, m.sex, serial),
			first_name: first,
			last_name: last,
			birth_date: iso,
			sex: m.sex,
			county: COUNTIES[county]!.name,
			household_id: household,
			mother_code: '',
			father_code: '',
			version: 1
		};
	}

	private firstName(sex: Sex, birthYear: number, russian: boolean): string {
		const lists = sex === 'M' ? MALE_FIRST : FEMALE_FIRST;
		if (russian) return this.rng.pick(lists.russian);
		return this.rng.pick(birthYear < 1962 ? lists.old : birthYear < 1996 ? lists.middle : lists.young);
	}

}

// ---------------------------------------------------------------------------------------
// Officials

const PERSONA_JOBS: Partial<Record<PersonaKey, { agency: AgencyKey; title: string; years: number }>> = {
	kadri: { agency: 'police', title: 'Senior inspector', years: 9 },
	auditor: { agency: 'dataProtection', title: 'Chief inspector', years: 12 },
	analyst: { agency: 'statistics', title: 'Analyst', years: 4 },
	agency: { agency: 'tax', title: 'Information security administrator', years: 15 },
	admin: { agency: 'ria', title: 'Platform administrator', years: 3 }
};

function ageAt(birthDate: string, day: number): number {
	const born = daysFromCivil(Number(birthDate.slice(0, 4)), Number(birthDate.slice(5, 7)), Number(birthDate.slice(8, 10)));
	return Math.floor((day - born) / YEAR);
}

function makeOfficials(rng: Rng, population: Population, personas: { byKey: Record<PersonaKey, PersonRow> }): OfficialRow[] {
	const people = population.rows;
	const target = Math.max(20, Math.round(people.length / 60));
	const officials: OfficialRow[] = [];
	const taken = new Set<string>();

	for (const key of PERSONA_KEYS) {
		const job = PERSONA_JOBS[key];
		if (!job) continue;
		const p = personas.byKey[key];
		taken.add(p.personal_code);
		officials.push({ personal_code: p.personal_code, agency_code: AGENCY[job.agency], title: job.title, employed_from: isoDate(AS_OF - Math.round(job.years * YEAR) - 40), employed_to: null, version: 1 });
	}
	// Mari's husband and child are not officials; everyone else of working age may be.
	for (const p of [personas.byKey.mari, personas.byKey.jaan]) taken.add(p.personal_code);

	// Working-age candidates, drawn without replacement by a partial Fisher-Yates shuffle.
	const pool: number[] = [];
	for (let i = 0; i < people.length; i++) {
		const p = people[i]!;
		if (taken.has(p.personal_code)) continue;
		const age = ageAt(p.birth_date, AS_OF);
		if (age >= 22 && age <= 66) pool.push(i);
	}
	let drawn = 0;
	const draw = (): PersonRow | null => {
		if (drawn >= pool.length) return null;
		const j = rng.int(drawn, pool.length - 1);
		const chosen = pool[j]!;
		pool[j] = pool[drawn]!;
		pool[drawn] = chosen;
		drawn++;
		return people[chosen]!;
	};

	const hire = (agency: (typeof AGENCIES)[number], p: PersonRow) => {
		const age = ageAt(p.birth_date, AS_OF);
		const maxTenure = Math.max(1, Math.min(25, age - 21));
		// Most staff have been there for years; a fifth joined in the last two.
		const tenureDays = rng.chance(0.2) ? rng.int(30, 730) : rng.int(731, Math.max(732, Math.floor(maxTenure * YEAR)));
		const from = AS_OF - tenureDays;
		let to: string | null = null;
		if (rng.chance(0.05) && tenureDays > 240) to = isoDate(AS_OF - rng.int(30, Math.min(500, tenureDays - 200)));
		officials.push({ personal_code: p.personal_code, agency_code: AGENCY[agency.key], title: rng.pick(agency.titles), employed_from: isoDate(from), employed_to: to, version: 1 });
	};

	// Every agency with hand-made processing gets at least one official.
	const manualAgencies = new Set(PURPOSES.filter((p) => p.manual > 0).map((p) => p.agency));
	for (const agency of AGENCIES) {
		if (!manualAgencies.has(agency.key) || officials.some((o) => o.agency_code === AGENCY[agency.key])) continue;
		const p = draw();
		if (!p) break;
		hire(agency, p);
	}
	const sampleAgency = makeWeighted(AGENCIES, AGENCIES.map((a) => a.staff));
	while (officials.length < target) {
		const p = draw();
		if (!p) break;
		hire(sampleAgency(rng), p);
	}
	// At least one person who has left the job, so "access after leaving" can be shown.
	const personaCodes = new Set(Object.values(personas.byKey).map((p) => p.personal_code));
	if (!officials.some((o) => o.employed_to !== null)) {
		const leaver = officials.find((o) => !personaCodes.has(o.personal_code) && o.employed_from < isoDate(AS_OF - 400));
		if (leaver) leaver.employed_to = isoDate(AS_OF - 120);
	}
	return officials;
}

// ---------------------------------------------------------------------------------------
// Role grants

function roleGrants(personas: Persona[]): RoleGrantRow[] {
	const rows: RoleGrantRow[] = [];
	for (const p of personas) {
		for (const role of p.roles) {
			if (role === 'citizen') continue; // everyone is a citizen of their own data; no grant needed
			rows.push({
				// Grants name people by subject code, as sessions do.
				personal_code: `EE${p.personal_code}`,
				role,
				agency_code: role === 'agency' ? (p.agency_code ?? '') : '',
				granted_at: '2025-09-01 06:00:00.000',
				revoked: false,
				version: 1
			});
		}
	}
	return rows;
}
