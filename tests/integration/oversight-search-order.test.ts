/**
 * Migration 0013 gives the oversight search its own orders: the by_official and by_agency
 * projections and the case_ref bloom filter cover events stored before it (not only new
 * parts), running it (or 0019, which widens the projections to a results page's columns)
 * again after a crash at any statement changes nothing, and the search's queries read the
 * projections.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROOT } from '../support/server';

const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-search-order-'));
const migrationsDir = path.join(dataDir, 'migrations');
cpSync(path.join(ROOT, 'db/migrations'), migrationsDir, { recursive: true });
process.env.PEEGEL_DATA_DIR = dataDir;
process.env.PEEGEL_MIGRATIONS_DIR = migrationsDir;
delete process.env.CLICKHOUSE_URL;

const ORDER = '0013_oversight_search_order.sql';

type Migrate = typeof import('../../src/lib/server/db/migrate');
type Query = typeof import('../../src/lib/server/db/query');
let m: Migrate;
let q: Query;
let closeDb: () => Promise<void>;

const count = z.object({ n: z.union([z.number(), z.string()]).transform(Number) });
const rowCount = async () => (await q.queryOne('SELECT count() AS n FROM usage_event', {}, count))!.n;
const checksum = async () =>
	(await q.queryOne('SELECT toString(groupBitXor(cityHash64(event_id, actor_code, agency_code, case_ref))) AS s FROM usage_event', {}, z.object({ s: z.string() })))!.s;

/** Per active part: its rows, and the rows of each of its projections. */
async function coverage() {
	const parts = await q.queryRows(
		"SELECT name, toUInt64(rows) AS rows, toUInt64(secondary_indices_compressed_bytes) AS idx FROM system.parts WHERE database = currentDatabase() AND table = 'usage_event' AND active",
		{},
		z.object({ name: z.string(), rows: z.union([z.number(), z.string()]).transform(Number), idx: z.union([z.number(), z.string()]).transform(Number) })
	);
	const projections = await q.queryRows(
		"SELECT parent_name, name, toUInt64(rows) AS rows FROM system.projection_parts WHERE database = currentDatabase() AND table = 'usage_event' AND active",
		{},
		z.object({ parent_name: z.string(), name: z.string(), rows: z.union([z.number(), z.string()]).transform(Number) })
	);
	return parts.map((p) => ({
		rows: p.rows,
		indexed: p.idx > 0,
		by_official: projections.find((x) => x.parent_name === p.name && x.name === 'by_official')?.rows ?? 0,
		by_agency: projections.find((x) => x.parent_name === p.name && x.name === 'by_agency')?.rows ?? 0
	}));
}

const PAGE_COLUMNS = '0019_oversight_page_columns.sql';
const statements = (file = ORDER) => m.splitStatements(m.readMigrations().find((f) => f.file === file)!.sql);

beforeAll(async () => {
	m = await import('../../src/lib/server/db/migrate');
	q = await import('../../src/lib/server/db/query');
	({ closeDb } = await import('../../src/lib/server/db/client'));
	await m.migrate(m.readMigrations().filter((f) => f.version < 13));
	// Events stored before the migration, in three parts, with enough rows for several granules.
	for (let part = 0; part < 3; part++) {
		await q.command(
			`INSERT INTO usage_event (event_id, logged_at, received_at, subject_code, agency_code, system, action, purpose_code, actor_code, case_ref, data_categories, visibility, disclose_after, bulk, ledger_index)
			 SELECT generateUUIDv4(), now64(3) - number * 7, now64(3), concat('EE', toString(38001085718 + number % 997)),
			        toString(70000000 + number % 13), concat('SYS', toString(number % 5)), 'Päring', 'P-1',
			        if(number % 3 = 0, '', concat('EE', toString(47001010000 + number % 41))), concat('REF-', toString(number)),
			        ['identity'], 'visible', NULL, false, {part:UInt32} * 100000 + number
			 FROM numbers({n:UInt32})`,
			{ n: 20_000, part }
		);
	}
});

afterAll(async () => {
	await closeDb?.();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('migration 0013', () => {
	it('covers the events stored before it with both projections and the case_ref index', async () => {
		const before = await checksum();
		expect((await coverage()).every((p) => p.by_official === 0 && p.by_agency === 0 && !p.indexed)).toBe(true);
		// The later migrations come along; 0013 is the first of them.
		const { applied } = await m.migrate(m.readMigrations());
		expect(applied[0]).toBe(ORDER);
		expect(await rowCount()).toBe(60_000);
		expect(await checksum()).toBe(before);
		const parts = await coverage();
		expect(parts.length).toBeGreaterThan(0);
		for (const p of parts) expect(p).toEqual({ rows: p.rows, indexed: true, by_official: p.rows, by_agency: p.rows });
		const engine = (await q.queryOne("SELECT engine_full FROM system.tables WHERE database = currentDatabase() AND name = 'usage_event'", {}, z.object({ engine_full: z.string() })))!;
		expect(engine.engine_full).toContain("default_compression_codec = 'ZSTD(3)'");
	});

	it('changes nothing when run again from any statement (a crash part-way), nor does 0019 after it', async () => {
		const before = await checksum();
		const all = [...statements(), ...statements(PAGE_COLUMNS)];
		for (let from = 0; from < all.length; from++) for (const s of all.slice(from)) await q.command(s);
		expect(await rowCount()).toBe(60_000);
		expect(await checksum()).toBe(before);
		for (const p of await coverage()) expect(p).toEqual({ rows: p.rows, indexed: true, by_official: p.rows, by_agency: p.rows });
	});

	it('gives new parts the projections and the index on insert', async () => {
		await q.command(
			`INSERT INTO usage_event (event_id, logged_at, received_at, subject_code, agency_code, system, action, actor_code, case_ref, data_categories, visibility, disclose_after, bulk, ledger_index)
			 SELECT generateUUIDv4(), now64(3), now64(3), 'EE38001085718', '70000001', 'SYS0', 'Päring', 'EE47001010001', 'REF-NEW', ['identity'], 'visible', NULL, false, 900000 + number
			 FROM numbers(10)`
		);
		for (const p of await coverage()) expect(p).toEqual({ rows: p.rows, indexed: true, by_official: p.rows, by_agency: p.rows });
	});

	it('lets the search read its pages and pairs from the projections, and skip granules by case reference', async () => {
		const plan = async (sql: string) =>
			(await q.queryRows(`EXPLAIN projections = 1, indexes = 1 ${sql}`, {}, z.object({ explain: z.string() }))).map((r) => r.explain).join('\n');
		const byOfficial = await plan(
			"SELECT logged_at, subject_code FROM usage_event WHERE actor_code = 'EE47001010005' ORDER BY logged_at DESC, subject_code DESC LIMIT 1 BY logged_at, subject_code LIMIT 51"
		);
		expect(byOfficial).toContain('ReadFromMergeTree (by_official)');
		const byAgency = await plan(
			"SELECT logged_at, subject_code FROM usage_event WHERE agency_code = '70000003' AND system = 'SYS3' ORDER BY logged_at DESC, subject_code DESC LIMIT 1 BY logged_at, subject_code LIMIT 51"
		);
		expect(byAgency).toContain('ReadFromMergeTree (by_agency)');
		// A results page in one read (migration 0019): every column it shows is in the projection.
		const page = (where: string) =>
			`SELECT event_id, logged_at, subject_code, agency_code, system, action, purpose_code, actor_code, case_ref, intermediary_code, visibility, disclose_after, ledger_index
			 FROM usage_event WHERE ${where} ORDER BY logged_at DESC, subject_code DESC LIMIT 200`;
		expect(await plan(page("actor_code = 'EE47001010005' AND case_ref != ''"))).toContain('ReadFromMergeTree (by_official)');
		expect(await plan(page("agency_code = '70000003' AND system = 'SYS3' AND purpose_code = 'P-1'"))).toContain('ReadFromMergeTree (by_agency)');
		const byRef = await plan("SELECT logged_at, subject_code FROM usage_event WHERE case_ref = 'REF-123'");
		expect(byRef).toMatch(/Name: usage_event_case_ref[\s\S]*?Granules: (\d+)\/(\d+)/);
		const [, kept, all] = /Name: usage_event_case_ref[\s\S]*?Granules: (\d+)\/(\d+)/.exec(byRef)!;
		expect(Number(kept)).toBeLessThan(Number(all));
	});
});
