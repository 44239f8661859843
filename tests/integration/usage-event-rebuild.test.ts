/**
 * Migration 0005 rebuilds usage_event with compact parts: every stored event survives it,
 * and running it again after a crash at any statement neither loses nor doubles a row.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROOT } from '../support/server';

const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-rebuild-'));
const migrationsDir = path.join(dataDir, 'migrations');
cpSync(path.join(ROOT, 'db/migrations'), migrationsDir, { recursive: true });
process.env.PEEGEL_DATA_DIR = dataDir;
process.env.PEEGEL_MIGRATIONS_DIR = migrationsDir;
delete process.env.CLICKHOUSE_URL;

const REBUILD = '0005_usage_event_compact_parts.sql';

type Migrate = typeof import('../../src/lib/server/db/migrate');
type Query = typeof import('../../src/lib/server/db/query');
let m: Migrate;
let q: Query;
let closeDb: () => Promise<void>;

const row = z.object({ event_id: z.string(), subject_code: z.string(), action: z.string(), data_categories: z.array(z.string()), visibility: z.string() });
const allRows = () => q.queryRows('SELECT event_id, subject_code, action, data_categories, visibility FROM usage_event ORDER BY event_id', {}, row);
const settingsOf = async () =>
	(await q.queryOne("SELECT engine_full FROM system.tables WHERE database = currentDatabase() AND name = 'usage_event'", {}, z.object({ engine_full: z.string() })))!
		.engine_full;
const rebuildStatements = () => m.splitStatements(m.readMigrations().find((f) => f.file === REBUILD)!.sql);

beforeAll(async () => {
	m = await import('../../src/lib/server/db/migrate');
	q = await import('../../src/lib/server/db/query');
	({ closeDb } = await import('../../src/lib/server/db/client'));
	// The database as it was before the rebuild, with events in it.
	await m.migrate(m.readMigrations().filter((f) => f.version < 5));
	for (let part = 0; part < 3; part++) {
		await q.command(
			`INSERT INTO usage_event (event_id, logged_at, received_at, subject_code, agency_code, system, action, data_categories, visibility, disclose_after, bulk)
			 SELECT generateUUIDv4(), now64(3) - number, now64(3), concat('EE', toString(38001085718 + number % 7)), '70008440', 'RR',
			        concat('Päring § ', toString(number)), ['identity'], if(number % 5 = 0, 'restricted', 'visible'), NULL, false
			 FROM numbers({n:UInt32})`,
			{ n: 700 }
		);
	}
});

afterAll(async () => {
	await closeDb?.();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('the usage_event rebuild (0005)', () => {
	it('keeps every event and switches the table to compact parts with small granules', async () => {
		const before = await allRows();
		expect(before).toHaveLength(2100);
		expect(await settingsOf()).not.toContain('min_bytes_for_wide_part');
		expect(await m.migrate(m.readMigrations().filter((f) => f.version <= 5))).toMatchObject({ applied: [REBUILD] });
		expect(await allRows()).toEqual(before);
		expect(await settingsOf()).toMatch(/index_granularity = 2048.*min_bytes_for_wide_part/);
	});

	it('is safe to run again after a crash past the exchange (the old table still there)', async () => {
		const before = await allRows();
		// As if the process died between EXCHANGE and DROP: the old table is still beside it.
		await q.command('CREATE TABLE usage_event_rebuild AS usage_event');
		await q.command('INSERT INTO usage_event_rebuild SELECT * FROM usage_event');
		for (const s of rebuildStatements()) await q.command(s);
		expect(await allRows()).toEqual(before);
	});

	it('is safe to run again after a crash before the exchange (a half-made copy)', async () => {
		const before = await allRows();
		await q.command('CREATE TABLE usage_event_rebuild AS usage_event');
		await q.command('INSERT INTO usage_event_rebuild SELECT * FROM usage_event LIMIT 100');
		for (const s of rebuildStatements()) await q.command(s);
		expect(await allRows()).toEqual(before);
		const tables = await q.queryRows("SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE 'usage_event%'", {}, z.object({ name: z.string() }));
		expect(tables.map((t) => t.name)).toEqual(['usage_event']);
	});
});

describe('the ledger numbering (0006)', () => {
	const NUMBERING = '0006_ledger.sql';
	const positions = z.object({ event_id: z.string(), ledger_index: z.number() });
	const numbered = () =>
		q.queryRows('SELECT toString(event_id) AS event_id, toUInt32(ledger_index) AS ledger_index FROM usage_event ORDER BY event_id', {}, positions);
	const numberingStatements = () => m.splitStatements(m.readMigrations().find((f) => f.file === NUMBERING)!.sql);

	it('gives every stored event a position, without gaps, in the order they were received', async () => {
		const before = await allRows();
		expect(await m.migrate(m.readMigrations().filter((f) => f.version <= 6))).toMatchObject({ applied: [NUMBERING] });
		expect(await allRows()).toEqual(before);
		const rows = await numbered();
		expect(rows.map((r) => r.ledger_index).sort((a, b) => a - b)).toEqual(Array.from({ length: before.length }, (_, i) => i));
		const order = await q.queryRows(
			'SELECT toUInt32(ledger_index) AS ledger_index, toString(event_id) AS event_id FROM usage_event ORDER BY received_at, logged_at, event_id',
			{},
			positions
		);
		expect(order.map((r) => r.ledger_index)).toEqual(order.map((_, i) => i));
	});

	it('numbers them the same when run again after a crash past the exchange', async () => {
		const before = await numbered();
		await q.command('CREATE TABLE usage_event_rebuild AS usage_event');
		await q.command('INSERT INTO usage_event_rebuild SELECT * FROM usage_event');
		for (const s of numberingStatements()) await q.command(s);
		expect(await numbered()).toEqual(before);
	});
});
