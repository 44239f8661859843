/**
 * Representation of minors from the population register's parent links: whom a person may
 * represent today, and whether one person may represent another at a given moment. The
 * register holds 11-digit codes; everything else (sessions, events, the portal) carries
 * EE-prefixed subject codes, so codes are converted here and nowhere else.
 */
import { z } from 'zod';
import { tallinnIsoDate } from '../../format';
import { queryOne, queryRows } from '../db/query';
import {
	judgeRepresentation,
	minorsBornAfter,
	registerCode,
	subjectCodeOf,
	type RepresentationVerdict
} from './representation-rules';

export interface RepresentedMinor {
	/** Subject code, EE-prefixed. */
	code: string;
	name: string;
	/** The 18th birthday (YYYY-MM-DD, Tallinn calendar): the first day the parent has no access. */
	accessEnds: string;
}

const personRow = z.object({
	personal_code: z.string(),
	first_name: z.string(),
	last_name: z.string(),
	birth_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	mother_code: z.string(),
	father_code: z.string()
});
type PersonRow = z.output<typeof personRow>;

// Date32 arrives as 'YYYY-MM-DD' text in JSONEachRow.
const PERSON_COLUMNS = 'personal_code, first_name, last_name, birth_date, mother_code, father_code';

const minorOf = (p: PersonRow, accessEnds: string): RepresentedMinor => ({
	code: subjectCodeOf(p.personal_code),
	name: `${p.first_name} ${p.last_name}`.trim(),
	accessEnds
});

const codeRow = z.object({ personal_code: z.string() });

/** The minors `personCode` may represent on the Tallinn day of `at`, oldest first. */
export async function representableMinors(personCode: string, at: Date = new Date()): Promise<RepresentedMinor[]> {
	const parent = registerCode(personCode);
	if (!parent) return [];
	const day = tallinnIsoDate(at);
	// Candidates from any version of a row (the parent-link indexes of migration 0011 skip the
	// rest of the register; FINAL here would defeat them); most people have none.
	const candidates = await queryRows(
		`SELECT DISTINCT personal_code FROM person
		 WHERE (mother_code = {parent:String} OR father_code = {parent:String})
		   AND birth_date > {after:Date32}`,
		{ parent, after: minorsBornAfter(day) },
		codeRow
	);
	if (candidates.length === 0) return [];
	// The current rows decide: a link a later version removed no longer counts.
	const rows = await queryRows(
		`SELECT ${PERSON_COLUMNS} FROM person FINAL
		 WHERE personal_code IN {codes:Array(String)}
		 ORDER BY birth_date, personal_code`,
		{ codes: candidates.map((c) => c.personal_code) },
		personRow
	);
	const minors: RepresentedMinor[] = [];
	for (const row of rows) {
		const verdict = judgeRepresentation(parent, row, day);
		if (verdict.ok) minors.push(minorOf(row, verdict.accessEnds));
	}
	return minors;
}

export type Representation = { ok: true; minor: RepresentedMinor } | Exclude<RepresentationVerdict, { ok: true }>;

/** Whether `personCode` may represent `childCode` at the moment `at` (judged on its Tallinn calendar day), and if not, why. */
export async function representationAt(personCode: string, childCode: string, at: Date = new Date()): Promise<Representation> {
	const parent = registerCode(personCode);
	const child = registerCode(childCode);
	if (!parent || !child || parent === child) return { ok: false, reason: 'not-a-child' };
	const row = await queryOne(`SELECT ${PERSON_COLUMNS} FROM person FINAL WHERE personal_code = {child:String}`, { child }, personRow);
	const verdict = judgeRepresentation(parent, row, tallinnIsoDate(at));
	return verdict.ok ? { ok: true, minor: minorOf(row!, verdict.accessEnds) } : verdict;
}
