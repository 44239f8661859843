/**
 * The demo's protected list: a few people the oversight body watches over (politicians,
 * celebrities, journalists), put on the list by the auditor persona. Deterministic for the
 * reference data, so the seed, the event generator (which gives these people's ordinary
 * look-ups a corroborated case file, as real cases have) and the planted misuse agree.
 */
import { Rng } from './random';
import type { Reference } from './reference';

export const PROTECTED_CATEGORIES = ['politician', 'celebrity', 'journalist', 'official', 'other'] as const;
export type ProtectedCategory = (typeof PROTECTED_CATEGORIES)[number];

export interface ProtectedPerson {
	/** Index into ref.people. */
	index: number;
	subject_code: string;
	category: ProtectedCategory;
	note: string;
}

/** One row of the protected_person table (migration 0012). */
export type ProtectedPersonRow = {
	personal_code: string;
	change: 'add' | 'remove';
	category: ProtectedCategory;
	note: string;
	at: string;
	actor: string;
};

const NOTES: Record<'politician' | 'celebrity' | 'journalist', string[]> = {
	politician: ['Member of the Riigikogu', 'Minister', 'Mayor'],
	celebrity: ['Television presenter', 'Olympic athlete', 'Singer'],
	journalist: ['Investigative journalist', 'Editor-in-chief']
};

/** How many: a handful in the demo, one in two thousand in bigger populations. */
export function protectedCount(people: number): number {
	return Math.max(5, Math.round(people / 2000));
}

export function protectedPeople(ref: Reference): ProtectedPerson[] {
	const rng = new Rng(`peegel-protected:${ref.people.length}:${ref.people[0]?.personal_code ?? ''}`);
	const excluded = new Set<string>([...ref.personas.map((p) => p.personal_code), ...ref.personas.flatMap((p) => (p.child_code ? [p.child_code] : [])), ...ref.officials.map((o) => o.personal_code)]);
	const want = Math.min(protectedCount(ref.people.length), Math.floor(ref.people.length / 10));
	const out: ProtectedPerson[] = [];
	const taken = new Set<number>();
	const kinds = ['politician', 'celebrity', 'journalist'] as const;
	for (let tries = 0; out.length < want && tries < want * 50; tries++) {
		const index = rng.int(0, ref.people.length - 1);
		const p = ref.people[index]!;
		if (taken.has(index) || excluded.has(p.personal_code) || p.birth_date > '2000-01-01') continue;
		taken.add(index);
		const category = kinds[out.length % kinds.length]!;
		out.push({ index, subject_code: `EE${p.personal_code}`, category, note: rng.pick(NOTES[category]) });
	}
	return out;
}

/** When the demo's list was put together (the role grants' date): before any detection run. */
export const PROTECTED_SINCE = '2025-09-01 06:00:00.000';

/** The list as the auditor persona put it together. */
export function protectedRows(ref: Reference, at = PROTECTED_SINCE): ProtectedPersonRow[] {
	const auditor = ref.personas.find((p) => p.key === 'auditor');
	const actor = auditor ? `EE${auditor.personal_code}` : '';
	return protectedPeople(ref).map((p) => ({ personal_code: p.subject_code, change: 'add', category: p.category, note: p.note, at, actor }));
}
