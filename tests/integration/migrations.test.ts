/**
 * The migration runner's checksum guard, in this process against its own embedded
 * ClickHouse (vitest runs each integration file in its own process), and the built
 * server's refusal to start on a changed migration.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ROOT } from '../support/server';
import { testLedgerKey } from '../support/ledger-key';

// The configuration is read once, on first use: set it before any server module loads.
const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-migrations-'));
const migrationsDir = path.join(dataDir, 'migrations');
cpSync(path.join(ROOT, 'db/migrations'), migrationsDir, { recursive: true });
process.env.PEEGEL_DATA_DIR = dataDir;
process.env.PEEGEL_MIGRATIONS_DIR = migrationsDir;
delete process.env.CLICKHOUSE_URL;

type Migrate = typeof import('../../src/lib/server/db/migrate');
type Client = typeof import('../../src/lib/server/db/client');
type Query = typeof import('../../src/lib/server/db/query');
let m: Migrate;
let client: Client;
let query: Query;

const files = readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).sort();

beforeAll(async () => {
	m = await import('../../src/lib/server/db/migrate');
	client = await import('../../src/lib/server/db/client');
	query = await import('../../src/lib/server/db/query');
	const { config } = await import('../../src/lib/server/config');
	expect(config().dataDir).toBe(dataDir);
	expect(config().embeddedPath).toBe(path.join(dataDir, 'clickhouse'));
});

afterAll(async () => {
	await client?.closeDb();
	rmSync(dataDir, { recursive: true, force: true });
});

/** Change a migration file for the length of fn, then put it back. */
async function withFile<T>(file: string, change: (p: string) => void, fn: () => Promise<T>): Promise<T> {
	const p = path.join(migrationsDir, file);
	const original = readFileSync(p, 'utf8');
	change(p);
	try {
		return await fn();
	} finally {
		writeFileSync(p, original);
	}
}

describe('migrate()', () => {
	it('applies every migration in order on an empty database and records each with its checksum', async () => {
		expect(files.length).toBeGreaterThan(0);
		const result = await m.migrate();
		expect(result).toEqual({ applied: files, alreadyApplied: 0 });
		const { z } = await import('zod');
		const rows = await query.queryRows(
			'SELECT version, name, checksum FROM schema_migration ORDER BY version',
			{},
			z.object({ version: z.coerce.number(), name: z.string(), checksum: z.string() })
		);
		expect(rows).toEqual(m.readMigrations().map((f) => ({ version: f.version, name: f.name, checksum: f.checksum })));
		// The tables exist.
		const tables = await query.queryRows('SHOW TABLES', {}, z.object({ name: z.string() }));
		expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['usage_event', 'api_key', 'agency', 'schema_migration']));
	});

	it('does nothing when run again', async () => {
		expect(await m.migrate()).toEqual({ applied: [], alreadyApplied: files.length });
	});

	it('refuses a changed applied migration, naming the file', async () => {
		const file = files[1]!;
		await withFile(
			file,
			(p) => appendFileSync(p, '\n-- an innocent-looking comment\n'),
			async () => {
				await expect(m.migrate()).rejects.toThrow(m.MigrationError);
				await expect(m.migrate()).rejects.toThrow(file);
			}
		);
		// Restored: fine again.
		expect((await m.migrate()).applied).toEqual([]);
	});

	it('refuses when an applied migration is missing, naming the file', async () => {
		const file = files[files.length - 1]!;
		const p = path.join(migrationsDir, file);
		renameSync(p, `${p}.bak`);
		try {
			await expect(m.migrate()).rejects.toThrow(new RegExp(`${file}.*missing`));
		} finally {
			renameSync(`${p}.bak`, p);
		}
		expect((await m.migrate()).applied).toEqual([]);
	});

	it('refuses a badly named migration file, naming it', async () => {
		for (const bad of ['5_short_number.sql', '0099_Upper_Case.sql', '0100-dashes.sql']) {
			const p = path.join(migrationsDir, bad);
			writeFileSync(p, 'SELECT 1;\n');
			try {
				await expect(m.migrate()).rejects.toThrow(bad);
			} finally {
				rmSync(p);
			}
		}
	});

	it('refuses two files with the same version', async () => {
		const p = path.join(migrationsDir, `${files[0]!.slice(0, 4)}_duplicate_version.sql`);
		writeFileSync(p, 'SELECT 1;\n');
		try {
			await expect(m.migrate()).rejects.toThrow(/share version/);
		} finally {
			rmSync(p);
		}
	});

	it('applies a new migration added later, and only that one', async () => {
		const next = String(Number(files[files.length - 1]!.slice(0, 4)) + 1).padStart(4, '0');
		const file = `${next}_test_added_later.sql`;
		writeFileSync(
			path.join(migrationsDir, file),
			'-- added by the test\nCREATE TABLE IF NOT EXISTS test_added_later (x UInt8) ENGINE = MergeTree ORDER BY x;\n'
		);
		expect(await m.migrate()).toEqual({ applied: [file], alreadyApplied: files.length });
		expect(await m.migrate()).toEqual({ applied: [], alreadyApplied: files.length + 1 });
		// Leave it in place: it is applied now, so removing it would be "missing".
	});
});

describe('the built server', () => {
	const ledgerKey = testLedgerKey();
	function runServer(env: Record<string, string>, until: (out: string) => boolean, timeoutMs = 60_000) {
		return new Promise<{ code: number | null; output: string; matched: boolean }>((resolve, reject) => {
			const child = spawn(process.execPath, [path.join(ROOT, 'build/index.js')], {
				cwd: ROOT,
				env: { ...process.env, PEEGEL_DATA_DIR: dataDir, PEEGEL_MIGRATIONS_DIR: migrationsDir, PEEGEL_DEMO: '0', PEEGEL_LEDGER_KEY: ledgerKey, HOST: '127.0.0.1', ...env },
				stdio: ['ignore', 'pipe', 'pipe']
			});
			let output = '';
			let matched = false;
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`server neither exited nor matched in ${timeoutMs} ms:\n${output}`));
			}, timeoutMs);
			const onData = (d: Buffer) => {
				output += d;
				if (!matched && until(output)) {
					matched = true;
					child.kill('SIGTERM');
				}
			};
			child.stdout.on('data', onData);
			child.stderr.on('data', onData);
			child.on('exit', (code) => {
				clearTimeout(timer);
				resolve({ code, output, matched });
			});
			child.on('error', reject);
		});
	}

	it('refuses to start when an applied migration was changed, naming the file', async () => {
		// One process per embedded data directory: let go of it first.
		await client.closeDb();
		const file = files[0]!;
		const port = await freePort();
		const result = await withFile(
			file,
			(p) => appendFileSync(p, '\n-- changed after it was applied\n'),
			() => runServer({ PORT: String(port) }, (out) => /Listening on/i.test(out))
		);
		expect(result.matched, result.output).toBe(false);
		expect(result.code).not.toBe(0);
		expect(result.code).not.toBeNull();
		expect(result.output).toContain(file);
		expect(result.output).toMatch(/cannot start/);
	});

	it('starts on the same data directory once the file is restored', async () => {
		const port = await freePort();
		const result = await runServer({ PORT: String(port) }, (out) => /Listening on/i.test(out) || /ready in/.test(out));
		expect(result.matched, result.output).toBe(true);
	});
});
