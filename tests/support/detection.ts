/**
 * Detection tests in this process against their own embedded ClickHouse (vitest runs each
 * integration file in its own process): events stored straight into usage_event with the
 * next ledger positions (times chosen by the test), register rows for people and officials,
 * the protected list, purposes; then the real runDetection and the stored alerts.
 *
 * Import this module before any server module: it points the configuration at a fresh
 * data directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { makePersonalCode } from '../../src/lib/personal-code';
import { newAgencyCode } from './data';
import { storedUsageRow } from './stored-rows';

const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-detection-'));
process.env.PEEGEL_DATA_DIR = dataDir;
delete process.env.CLICKHOUSE_URL;

type Query = typeof import('../../src/lib/server/db/query');
type Run = typeof import('../../src/lib/server/detection/run');
let query: Query;
let run: Run;

export async function openDetectionDb(): Promise<void> {
	const { migrate } = await import('../../src/lib/server/db/migrate');
	await migrate();
	query = await import('../../src/lib/server/db/query');
	run = await import('../../src/lib/server/detection/run');
}

export async function closeDetectionDb(): Promise<void> {
	const { closeDb } = await import('../../src/lib/server/db/client');
	await closeDb();
	rmSync(dataDir, { recursive: true, force: true });
}

export function runDetection(): ReturnType<Run['runDetection']> {
	return run.runDetection({ trigger: 'manual' });
}

export { run as detection };

let serials = 0;
/** A fresh 11-digit personal code (born in the 1800s: never a seeded person); `birth` fixes the first 7 digits. */
export function newPersonalCode(birth?: { year: number; month: number; day: number }, serial?: number, sex?: 'M' | 'F'): string {
	const b = birth ?? randomBirth();
	return makePersonalCode(b, sex ?? (Math.random() < 0.5 ? 'M' : 'F'), serial ?? (serials++ * 7 + Math.floor(Math.random() * 7)) % 1000);
}

/** A birth date in the 1800s. */
export function randomBirth(): { year: number; month: number; day: number } {
	return { year: 1800 + Math.floor(Math.random() * 100), month: 1 + Math.floor(Math.random() * 12), day: 1 + Math.floor(Math.random() * 28) };
}

/** A subject or actor code: EE + a fresh personal code. */
export const newCode = (): string => `EE${newPersonalCode()}`;
export { newAgencyCode };

export interface EventSpec {
	subject: string;
	actor?: string;
	agency: string;
	at: string;
	purpose?: string;
	caseRef?: string;
}

export interface StoredEvent {
	event_id: string;
	subject_code: string;
	logged_at: string;
}

const countRow = z.object({ n: z.union([z.number(), z.string()]).transform(Number) });

/** Store events at the next ledger positions, in the order given. */
export async function storeEvents(specs: readonly EventSpec[]): Promise<StoredEvent[]> {
	const next = (await query.queryOne('SELECT count() AS n FROM usage_event', {}, countRow))?.n ?? 0;
	const rows = specs.map((s, i) =>
		storedUsageRow(s.subject, s.agency, s.at, next + i, { actor_code: s.actor ?? '', purpose_code: s.purpose ?? 'TEST-PURPOSE', case_ref: s.caseRef ?? '' })
	);
	await query.insertRows('usage_event', rows);
	return rows.map((r, i) => ({ event_id: r.event_id as string, subject_code: specs[i]!.subject, logged_at: specs[i]!.at }));
}

export interface PersonSpec {
	code: string; // EE-prefixed
	last_name?: string;
	household_id?: number;
	mother?: string; // EE-prefixed or ''
	father?: string;
}

const bare = (code: string | undefined) => (code ? code.replace(/^EE/, '') : '');

export async function storePeople(people: readonly PersonSpec[]): Promise<void> {
	await query.insertRows(
		'person',
		people.map((p) => ({
			personal_code: bare(p.code),
			first_name: 'Test',
			last_name: p.last_name ?? `Tamm${Math.random().toString(36).slice(2, 8)}`,
			birth_date: '1870-01-01',
			sex: 'F',
			county: 'Harju County',
			household_id: p.household_id ?? 0,
			mother_code: bare(p.mother),
			father_code: bare(p.father),
			version: 1
		}))
	);
}

export async function storeOfficial(code: string, agency: string, from: string, to: string | null): Promise<void> {
	await query.insertRows('official', [{ personal_code: bare(code), agency_code: agency, title: 'Inspector', employed_from: from, employed_to: to, version: 1 }]);
}

export async function storePurpose(code: string, flags: { case_required?: boolean; round_the_clock?: boolean }): Promise<void> {
	await query.insertRows('purpose', [
		{ code, text_en: code, text_et: code, text_ru: code, legal_basis: 'Test Act § 1', version: 1, case_required: flags.case_required ?? false, round_the_clock: flags.round_the_clock ?? false }
	]);
}

export async function protect(code: string, change: 'add' | 'remove', at = new Date().toISOString()): Promise<void> {
	await query.insertRows('protected_person', [{ personal_code: code, change, category: 'politician', note: 'test', at: at.replace('T', ' ').replace('Z', ''), actor: 'EE00000000000' }]);
}

const alertRow = z.object({
	rule: z.string(),
	severity: z.string(),
	dedupe_key: z.string(),
	actor_code: z.string(),
	agency_code: z.string(),
	subject_code: z.string(),
	event_ids: z.array(z.string()),
	event_subjects: z.array(z.string()),
	detail: z.string().transform((s) => JSON.parse(s) as Record<string, unknown>)
});
export type StoredAlert = z.output<typeof alertRow>;

/** Alerts of a rule that involve any of these codes (as official or person or evidence subject). */
export async function alertsOf(rule: string, codes: readonly string[]): Promise<StoredAlert[]> {
	return query.queryRows(
		`SELECT rule, toString(severity) AS severity, dedupe_key, actor_code, agency_code, subject_code,
			arrayMap(x -> toString(x), event_ids) AS event_ids, event_subjects, detail
		 FROM alert WHERE rule = {rule:String}
		   AND (actor_code IN {codes:Array(String)} OR subject_code IN {codes:Array(String)} OR hasAny(event_subjects, {codes:Array(String)}))
		 ORDER BY first_at`,
		{ rule, codes },
		alertRow
	);
}

const explainedRow = z.object({
	rule: z.string(),
	dedupe_key: z.string(),
	actor_code: z.string(),
	subject_code: z.string(),
	event_ids: z.array(z.string()),
	explanation: z.string(),
	case_ref: z.string(),
	detail: z.string().transform((s) => JSON.parse(s) as Record<string, unknown>)
});

export async function explainedOf(rule: string, codes: readonly string[]): Promise<z.output<typeof explainedRow>[]> {
	return query.queryRows(
		`SELECT rule, dedupe_key, actor_code, subject_code, arrayMap(x -> toString(x), event_ids) AS event_ids, explanation, case_ref, detail
		 FROM detection_explained WHERE rule = {rule:String}
		   AND (actor_code IN {codes:Array(String)} OR subject_code IN {codes:Array(String)} OR hasAny(event_subjects, {codes:Array(String)}))`,
		{ rule, codes },
		explainedRow
	);
}

/** Tallinn wall-clock time in winter (UTC+2) as ISO UTC: tallinnWinter('2025-01-15', 23, 30). */
export function tallinnWinter(day: string, hour: number, minute = 0): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 2) * 3_600_000 + minute * 60_000).toISOString();
}

/** Weekdays (Mon-Fri) from `first` on, `count` of them, as YYYY-MM-DD. */
export function weekdays(first: string, count: number): string[] {
	const out: string[] = [];
	for (let t = Date.parse(`${first}T00:00:00Z`); out.length < count; t += 86_400_000) {
		const wd = new Date(t).getUTCDay();
		if (wd !== 0 && wd !== 6) out.push(new Date(t).toISOString().slice(0, 10));
	}
	return out;
}
