/**
 * Who may see whose records as a parent: the date and kinship rules, kept free of the
 * database so they can be tested on their own (representation.ts asks the register).
 *
 * A parent (the population register's mother_code or father_code) represents a child from
 * birth until the day before the 18th birthday, counted on the Tallinn calendar: on the
 * 18th birthday itself the child is of age and the access has ended.
 */

/** The register's parts of a person that the rules read (register codes: 11 digits, no country prefix). */
export interface RegisterPerson {
	personal_code: string;
	birth_date: string; // YYYY-MM-DD
	mother_code: string;
	father_code: string;
}

export type RepresentationVerdict =
	| { ok: true; accessEnds: string }
	/** The register does not list the asker as this person's mother or father (or has no such person). */
	| { ok: false; reason: 'not-a-child' }
	/** A child of the asker, but not under 18 on that day; `adultOn` is the 18th birthday. */
	| { ok: false; reason: 'adult'; adultOn: string }
	/** A child of the asker not yet born on that day (a register entry dated after it). */
	| { ok: false; reason: 'not-born'; bornOn: string };

const ESTONIAN_SUBJECT = /^EE(\d{11})$/;

/** The register's code for a subject code ('EE38001085718' → '38001085718'); null for other countries' codes. */
export function registerCode(subjectCode: string): string | null {
	return ESTONIAN_SUBJECT.exec(subjectCode)?.[1] ?? null;
}

/** The subject code (as sessions, events and the portal carry it) for a register code. */
export function subjectCodeOf(registerCode: string): string {
	return `EE${registerCode}`;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The 18th birthday of someone born on `birthDate` (YYYY-MM-DD). Years are counted as a
 * period is in Estonian law: when the month has no such day, the period ends on the
 * month's last day, so a 29 February birth comes of age on 28 February of a common year.
 */
export function eighteenthBirthday(birthDate: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
	if (!m) throw new Error(`not a YYYY-MM-DD birth date: ${birthDate}`);
	const year = Number(m[1]) + 18;
	const month = Number(m[2]);
	let day = Number(m[3]);
	if (month === 2 && day === 29 && !isLeap(year)) day = 28;
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Whether the parent (register code) may represent `child` (the register's row for the
 * person asked about, or null when the register has none) on the Tallinn calendar day
 * `day` (YYYY-MM-DD). Either parent may; nobody represents themself.
 */
export function judgeRepresentation(parent: string, child: RegisterPerson | null, day: string): RepresentationVerdict {
	if (!child || parent === '' || child.personal_code === parent) return { ok: false, reason: 'not-a-child' };
	if (child.mother_code !== parent && child.father_code !== parent) return { ok: false, reason: 'not-a-child' };
	if (day < child.birth_date) return { ok: false, reason: 'not-born', bornOn: child.birth_date };
	const adultOn = eighteenthBirthday(child.birth_date);
	return day < adultOn ? { ok: true, accessEnds: adultOn } : { ok: false, reason: 'adult', adultOn };
}

/** A birth date before which nobody is under 18 on `day` (a year to spare): a coarse filter for queries. */
export function minorsBornAfter(day: string): string {
	return `${pad(Number(day.slice(0, 4)) - 19, 4)}-01-01`;
}
