/**
 * The export reads a history as keyset pages (export/subject-history.ts): against its own
 * embedded ClickHouse in this process, small pages must give every visible use exactly
 * once, newest first, also when many uses share one millisecond across a page boundary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAgencyCode, newSubject } from '../support/data';
import { storedUsageRow } from '../support/stored-rows';

// The configuration is read once, on first use: set it before any server module loads.
const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-export-pages-'));
process.env.PEEGEL_DATA_DIR = dataDir;
delete process.env.CLICKHOUSE_URL;

let query: typeof import('../../src/lib/server/db/query');
let history: typeof import('../../src/lib/server/export/subject-history');
let position = 0;

beforeAll(async () => {
	const { migrate } = await import('../../src/lib/server/db/migrate');
	await migrate();
	query = await import('../../src/lib/server/db/query');
	history = await import('../../src/lib/server/export/subject-history');
});

afterAll(async () => {
	const { closeDb } = await import('../../src/lib/server/db/client');
	await closeDb();
	rmSync(dataDir, { recursive: true, force: true });
});

async function store(subject: string, uses: { at: string; visibility?: 'visible' | 'restricted' | 'sealed' }[]): Promise<string[]> {
	const rows = uses.map((u) => storedUsageRow(subject, newAgencyCode(), u.at, position++, { visibility: u.visibility ?? 'visible' }));
	await query.insertRows('usage_event', rows);
	return rows.map((r) => r.event_id as string);
}

async function read(subject: string, pageRows: number) {
	const pages = [];
	for await (const page of history.subjectHistory(subject, pageRows)) pages.push(page);
	return pages;
}

describe('keyset pages', () => {
	it('give every visible use once, newest first, across pages and shared milliseconds', async () => {
		const subject = newSubject();
		const same = '2026-03-01T10:00:00.123Z';
		const ids = await store(subject, [
			...Array.from({ length: 17 }, () => ({ at: same })),
			...Array.from({ length: 9 }, (_, i) => ({ at: new Date(Date.parse(same) - (i + 1) * 1000).toISOString() })),
			{ at: '2026-03-02T10:00:00Z', visibility: 'sealed' },
			{ at: '2026-03-02T11:00:00Z', visibility: 'restricted' }
		]);
		await store(newSubject(), [{ at: same }]); // someone else's
		const pages = await read(subject, 5);
		expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 5, 2]);
		const rows = pages.flat();
		expect(new Set(rows.map((r) => r.event_id)).size).toBe(27);
		// Everything but the sealed use, and the restricted one blanked.
		expect(rows.map((r) => r.event_id).sort()).toEqual(ids.filter((_, i) => i !== 26).sort());
		expect(rows[0]!.restricted).toBe(true);
		expect(rows[0]!.agency_code).toBe('');
		for (let i = 1; i < rows.length; i++) {
			const [a, b] = [rows[i - 1]!, rows[i]!];
			expect(a.logged_at > b.logged_at || (a.logged_at === b.logged_at && a.event_id > b.event_id), `row ${i}`).toBe(true);
		}
	});

	it('end at once for an empty history', async () => {
		expect(await read(newSubject(), 5)).toEqual([]);
	});
});
