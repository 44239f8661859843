import { describe, expect, it } from 'vitest';
import { parsePersonalCode, personalCodeError } from '../../personal-code';
import { AGENCY } from './catalogue';
import { generateReference, MIN_PEOPLE, PERSONA_KEYS, REFERENCE_DATE } from './reference';

const ref = generateReference({ people: 3000, seed: 2026 });

describe('generateReference', () => {
	it('is deterministic for (people, seed) and differs by seed', () => {
		expect(generateReference({ people: 3000, seed: 2026 })).toEqual(ref);
		const other = generateReference({ people: 3000, seed: 2027 });
		expect(other.people.map((p) => p.personal_code)).not.toEqual(ref.people.map((p) => p.personal_code));
	});

	it('keeps persona codes independent of the population size', () => {
		// Docs and the end-to-end tests name personas from a tiny reference with the same seed.
		const small = generateReference({ people: MIN_PEOPLE, seed: 2026 });
		expect(small.personas).toEqual(ref.personas);
		expect(generateReference({ people: 50, seed: 2026 }).personas).toEqual(ref.personas);
	});

	it('makes exactly the people asked for, with valid, unique codes matching birth date and sex', () => {
		expect(ref.people).toHaveLength(3000);
		expect(new Set(ref.people.map((p) => p.personal_code)).size).toBe(3000);
		for (const p of ref.people) {
			expect(personalCodeError(p.personal_code)).toBeNull();
			const parsed = parsePersonalCode(p.personal_code)!;
			expect(parsed.birthDate).toBe(p.birth_date);
			expect(parsed.sex).toBe(p.sex);
			expect(p.birth_date < REFERENCE_DATE).toBe(true);
			expect(p.version).toBe(1);
			expect(p.first_name.length).toBeGreaterThan(1);
			expect(p.last_name.length).toBeGreaterThan(1);
		}
	});

	it('spreads people over ages and counties like Estonia', () => {
		const ageOf = (d: string) => 2026 - Number(d.slice(0, 4));
		const ages = ref.people.map((p) => ageOf(p.birth_date));
		expect(Math.min(...ages)).toBeLessThanOrEqual(1);
		expect(Math.max(...ages)).toBeGreaterThanOrEqual(85);
		const share = (f: (a: number) => boolean) => ages.filter(f).length / ages.length;
		expect(share((a) => a < 18)).toBeGreaterThan(0.12);
		expect(share((a) => a >= 65)).toBeGreaterThan(0.08);
		expect(share((a) => a >= 90)).toBeLessThan(0.03);
		const harju = ref.people.filter((p) => p.county === 'Harju County').length / ref.people.length;
		expect(harju).toBeGreaterThan(0.38);
		expect(harju).toBeLessThan(0.52);
		expect(new Set(ref.people.map((p) => p.county)).size).toBe(15);
	});

	it('links children to parents in the same household, households of 1-5', () => {
		const byCode = new Map(ref.people.map((p) => [p.personal_code, p]));
		const sizes = new Map<number, number>();
		for (const p of ref.people) sizes.set(p.household_id, (sizes.get(p.household_id) ?? 0) + 1);
		expect(Math.max(...sizes.values())).toBeLessThanOrEqual(5);
		const children = ref.people.filter((p) => p.mother_code || p.father_code);
		expect(children.length).toBeGreaterThan(300);
		for (const c of children) {
			for (const code of [c.mother_code, c.father_code].filter(Boolean)) {
				const parent = byCode.get(code)!;
				expect(parent).toBeDefined();
				expect(parent.household_id).toBe(c.household_id);
				expect(parent.birth_date < c.birth_date).toBe(true);
			}
			if (c.mother_code) expect(byCode.get(c.mother_code)!.sex).toBe('F');
			if (c.father_code) expect(byCode.get(c.father_code)!.sex).toBe('M');
		}
	});

	it('has fixed agency codes, systems and a purpose catalogue', () => {
		expect(ref.agencies.length).toBeGreaterThanOrEqual(24);
		const codes = ref.agencies.map((a) => a.code);
		expect(new Set(codes).size).toBe(codes.length);
		for (const c of codes) expect(c).toMatch(/^7\d{7}$/);
		expect(ref.agencies.find((a) => a.code === '70004235')?.name).toBe('Data Protection Inspectorate');
		expect(ref.agencies.find((a) => a.code === AGENCY.police)?.name_et).toBe('Politsei- ja Piirivalveamet');
		for (const a of ref.agencies) {
			const systems = ref.systems.filter((s) => s.agency_code === a.code);
			expect(systems.length).toBeGreaterThanOrEqual(1);
			expect(systems.length).toBeLessThanOrEqual(4);
		}
		expect(ref.purposes.length).toBeGreaterThanOrEqual(40);
		for (const p of ref.purposes) {
			expect(p.code).toMatch(/^[A-Z0-9][A-Z0-9._-]{0,39}$/);
			expect(p.text_en.length).toBeGreaterThan(10);
			expect(p.text_et.length).toBeGreaterThan(10);
			expect(p.text_ru.length, `${p.code} in Russian`).toBeGreaterThan(10);
			expect(p.legal_basis).toMatch(/§/);
			expect(ref.systems.some((s) => s.agency_code === p.agency_code && s.code === p.system)).toBe(true);
		}
		expect(new Set(ref.purposes.map((p) => p.code)).size).toBe(ref.purposes.length);
	});

	it('employs about one in sixty people, adults only, at real agencies', () => {
		expect(ref.officials.length).toBe(50);
		const people = new Map(ref.people.map((p) => [p.personal_code, p]));
		const agencies = new Set(ref.agencies.map((a) => a.code));
		expect(new Set(ref.officials.map((o) => o.personal_code)).size).toBe(ref.officials.length);
		for (const o of ref.officials) {
			const p = people.get(o.personal_code)!;
			expect(p).toBeDefined();
			expect(agencies.has(o.agency_code)).toBe(true);
			const ageAtHire = Number(o.employed_from.slice(0, 4)) - Number(p.birth_date.slice(0, 4));
			expect(ageAtHire).toBeGreaterThanOrEqual(18);
			if (o.employed_to) expect(o.employed_to > o.employed_from).toBe(true);
		}
		expect(ref.officials.some((o) => o.employed_to !== null)).toBe(true);
		expect(generateReference({ people: 50, seed: 1 }).officials.length).toBeGreaterThanOrEqual(20);
	});

	it('makes the personas and grants their roles', () => {
		expect(ref.personas.map((p) => p.key)).toEqual([...PERSONA_KEYS]);
		const people = new Map(ref.people.map((p) => [p.personal_code, p]));
		const persona = (k: string) => ref.personas.find((p) => p.key === k)!;
		for (const p of ref.personas) expect(people.has(p.personal_code)).toBe(true);

		const mari = persona('mari');
		const child = people.get(mari.child_code!)!;
		expect(child.mother_code).toBe(mari.personal_code);
		expect(2026 - Number(child.birth_date.slice(0, 4))).toBeLessThan(18);
		expect(people.get(mari.personal_code)!.first_name).toBe('Mari');

		const kadri = persona('kadri');
		expect(ref.officials.find((o) => o.personal_code === kadri.personal_code)?.agency_code).toBe(AGENCY.police);
		const auditor = persona('auditor');
		expect(ref.officials.find((o) => o.personal_code === auditor.personal_code)?.agency_code).toBe('70004235');

		expect(ref.roleGrants.map((g) => g.role).sort()).toEqual(['admin', 'agency', 'analyst', 'auditor']);
		for (const g of ref.roleGrants) {
			expect(g.granted_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/);
			expect(g.revoked).toBe(false);
			expect(g.agency_code).toBe(g.role === 'agency' ? AGENCY.tax : '');
			expect(g.personal_code).toMatch(/^EE\d{11}$/);
			expect(ref.personas.find((p) => `EE${p.personal_code}` === g.personal_code)?.roles).toContain(g.role);
		}
	});

	it('rejects a population too small for the personas', () => {
		expect(() => generateReference({ people: MIN_PEOPLE - 1, seed: 1 })).toThrow(/people/);
	});
});
