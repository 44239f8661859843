/**
 * Who each official is linked to in the population register, the links the
 * relative-lookup rule looks for: the official themselves, their household, parents,
 * children and siblings (a shared mother or father). The random stream uses it to keep
 * ordinary traffic free of accidental family look-ups; the misuse scenarios use it to
 * plant deliberate ones.
 */
import type { PersonRow, Reference } from './reference';

export type FamilyLink = 'household' | 'parent' | 'child' | 'sibling';

export interface Relative {
	/** Index into ref.people. */
	index: number;
	link: FamilyLink;
}

export interface OfficialFamily {
	/** The official's own index into ref.people. */
	self: number;
	relatives: Relative[];
}

/**
 * Family of every official, keyed by subject code ('EE' + personal code). Three passes
 * over the population, whatever its size; maps only for officials and their parents.
 */
export function officialFamilies(ref: Reference): Map<string, OfficialFamily> {
	const people = ref.people;
	const officialCodes = new Set(ref.officials.map((o) => o.personal_code));
	const at = new Map<string, number>();
	people.forEach((p, i) => {
		if (officialCodes.has(p.personal_code)) at.set(p.personal_code, i);
	});
	const households = new Map<number, number[]>();
	const byParent = new Map<string, number[]>(); // parent code -> officials who are their child
	const parentOf = new Map<string, number[]>(); // official code -> their children
	for (const i of at.values()) {
		const p = people[i]!;
		households.set(p.household_id, []);
		for (const parent of [p.mother_code, p.father_code]) {
			if (parent === '') continue;
			const list = byParent.get(parent);
			if (list) list.push(i);
			else byParent.set(parent, [i]);
		}
	}
	const siblings = new Map<number, number[]>();
	people.forEach((p: PersonRow, i) => {
		households.get(p.household_id)?.push(i);
		for (const parent of [p.mother_code, p.father_code]) {
			if (parent === '') continue;
			for (const official of byParent.get(parent) ?? []) {
				if (official === i) continue;
				const list = siblings.get(official);
				if (list) list.push(i);
				else siblings.set(official, [i]);
			}
			if (officialCodes.has(parent)) {
				const list = parentOf.get(parent);
				if (list) list.push(i);
				else parentOf.set(parent, [i]);
			}
		}
	});

	const out = new Map<string, OfficialFamily>();
	for (const [code, self] of at) {
		const p = people[self]!;
		const seen = new Set<number>([self]);
		const relatives: Relative[] = [];
		const add = (index: number | undefined, link: FamilyLink) => {
			if (index === undefined || seen.has(index)) return;
			seen.add(index);
			relatives.push({ index, link });
		};
		for (const parent of [p.mother_code, p.father_code]) if (parent !== '') add(indexOf(people, parent, self), 'parent');
		for (const child of parentOf.get(code) ?? []) add(child, 'child');
		for (const sib of new Set(siblings.get(self) ?? [])) add(sib, 'sibling');
		for (const member of households.get(p.household_id) ?? []) add(member, 'household');
		out.set(`EE${code}`, { self, relatives });
	}
	return out;
}

/** A parent's index: parents are in the same household or the one just before (see reference.ts). */
function indexOf(people: readonly PersonRow[], code: string, near: number): number | undefined {
	for (let d = 0; d < 12; d++) {
		for (const i of [near - d, near + d]) if (people[i]?.personal_code === code) return i;
	}
	const i = people.findIndex((p) => p.personal_code === code);
	return i < 0 ? undefined : i;
}

/** Per official (subject code): the people indexes they must not look up by chance in ordinary traffic. */
export function linkedPeople(families: Map<string, OfficialFamily>): Map<string, Set<number>> {
	const out = new Map<string, Set<number>>();
	for (const [actor, fam] of families) out.set(actor, new Set([fam.self, ...fam.relatives.map((r) => r.index)]));
	return out;
}
