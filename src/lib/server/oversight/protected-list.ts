/**
 * The protected list the oversight body keeps (politicians, celebrities, journalists, ...):
 * an append-only log of additions and removals; a person is on the list when their latest
 * row adds them. The protected-person rule reads the same table at detection time.
 * Changes to one person are serialised (a lock per code, in this process), and each gets
 * a time after the person's previous change, so "latest" is never a tie.
 */
import { z } from 'zod';
import {
	PROTECTED_CATEGORIES,
	PROTECTED_ERRORS,
	addProtectedInput,
	protectedErrors,
	removeProtectedInput,
	type ProtectedCategory,
	type ProtectedFieldError
} from '$lib/oversight/protected-input';
import { chTime, int64, utcDateTime } from '../db/columns';
import { insertRows, queryOne, queryRows } from '../db/query';
import { withKeyLock } from '../cases/keyed-lock';
import { personNames } from './person-names';

export interface ProtectedPerson {
	/** Country-prefixed: EE38001085718. */
	code: string;
	name: string;
	category: ProtectedCategory;
	note: string;
	/** When they were (last) added, and by whom. */
	since: string;
	addedBy: string;
}

export interface ProtectedChange {
	code: string;
	change: 'add' | 'remove';
	category: ProtectedCategory;
	note: string;
	at: string;
	actor: string;
}

const changeRow = z.object({
	personal_code: z.string(),
	change: z.enum(['add', 'remove']),
	category: z.enum(PROTECTED_CATEGORIES),
	note: z.string(),
	at: utcDateTime,
	actor: z.string()
});

/**
 * Each person's latest row (optionally only the current additions). Inner aliases differ
 * from the columns: ClickHouse would otherwise read `at` inside argMax as the alias max(at).
 */
function latestRows(where: string, onlyAdded: boolean): string {
	return `SELECT personal_code, last_change AS change, last_category AS category, last_note AS note, last_at AS at, last_actor AS actor
	 FROM (
		SELECT personal_code, argMax(change, at) AS last_change, argMax(category, at) AS last_category, argMax(note, at) AS last_note,
			max(at) AS last_at, argMax(actor, at) AS last_actor
		FROM protected_person ${where}
		GROUP BY personal_code
	 )
	 ${onlyAdded ? "WHERE last_change = 'add'" : ''}`;
}

/** Everyone on the list now, by name, with their category and why they were added. */
export async function protectedList(): Promise<ProtectedPerson[]> {
	const rows = await queryRows(latestRows('', true), {}, changeRow);
	const names = await personNames(rows.map((r) => r.personal_code));
	return rows
		.map((r) => ({ code: r.personal_code, name: names.get(r.personal_code) ?? r.personal_code, category: r.category, note: r.note, since: r.at, addedBy: r.actor }))
		.sort((a, b) => a.name.localeCompare(b.name, 'et') || a.code.localeCompare(b.code));
}

/** The list's changes, newest first. */
export async function protectedHistory(limit = 500): Promise<ProtectedChange[]> {
	const rows = await queryRows(
		`SELECT personal_code, change, category, note, at, actor FROM protected_person ORDER BY at DESC, personal_code LIMIT {limit:UInt32}`,
		{ limit },
		changeRow
	);
	return rows.map((r) => ({ code: r.personal_code, change: r.change, category: r.category, note: r.note, at: r.at, actor: r.actor }));
}

/** A person's latest change, or null when they were never on the list. */
async function latestChange(code: string): Promise<z.output<typeof changeRow> | null> {
	return queryOne(latestRows('WHERE personal_code = {code:String}', false), { code }, changeRow);
}

const countRow = z.object({ n: int64 });

async function inRegister(code: string): Promise<boolean> {
	const row = await queryOne('SELECT count() AS n FROM person FINAL WHERE personal_code = {code:String}', { code: code.slice(2) }, countRow);
	return (row?.n ?? 0) > 0;
}

export type ProtectedResult = { ok: true; change: ProtectedChange } | { ok: false; errors: ProtectedFieldError[] };

const refusal = (field: ProtectedFieldError['field'], code: ProtectedFieldError['code']): ProtectedResult => ({
	ok: false,
	errors: [{ field, code, message: PROTECTED_ERRORS[code] }]
});

/** A time after the person's previous change (clocks may step back; ties would hide the order). */
function nextTime(previous: string | undefined): string {
	const now = Date.now();
	const after = previous ? Date.parse(previous) + 1 : 0;
	return new Date(Math.max(now, after)).toISOString();
}

async function append(change: ProtectedChange): Promise<void> {
	await insertRows('protected_person', [
		{ personal_code: change.code, change: change.change, category: change.category, note: change.note, at: chTime(change.at), actor: change.actor }
	]);
}

/** Put a person on the list: a valid Estonian code of someone in the register, not on it already. */
export async function addProtected(input: { personal_code: unknown; category: unknown; note: unknown; actor: unknown }): Promise<ProtectedResult> {
	const parsed = addProtectedInput.safeParse(input);
	if (!parsed.success) return { ok: false, errors: protectedErrors(parsed.error) };
	const p = parsed.data;
	if (!(await inRegister(p.personal_code))) return refusal('personal_code', 'codeUnknown');
	return withKeyLock(`protected:${p.personal_code}`, async () => {
		const last = await latestChange(p.personal_code);
		if (last?.change === 'add') return refusal('personal_code', 'alreadyProtected');
		const change: ProtectedChange = { code: p.personal_code, change: 'add', category: p.category, note: p.note, at: nextTime(last?.at), actor: p.actor };
		await append(change);
		return { ok: true, change };
	});
}

/** Take a person off the list (they keep their category in the removal row, for the history). */
export async function removeProtected(input: { personal_code: unknown; note: unknown; actor: unknown }): Promise<ProtectedResult> {
	const parsed = removeProtectedInput.safeParse(input);
	if (!parsed.success) return { ok: false, errors: protectedErrors(parsed.error) };
	const p = parsed.data;
	return withKeyLock(`protected:${p.personal_code}`, async () => {
		const last = await latestChange(p.personal_code);
		if (last?.change !== 'add') return refusal('personal_code', 'notProtected');
		const change: ProtectedChange = { code: p.personal_code, change: 'remove', category: last.category, note: p.note, at: nextTime(last.at), actor: p.actor };
		await append(change);
		return { ok: true, change };
	});
}
