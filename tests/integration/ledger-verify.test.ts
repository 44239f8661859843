/**
 * The verifier (npm run ledger:verify's engine) against a real embedded ClickHouse: an
 * intact log passes; a row deleted, a row changed and two rows swapped directly in
 * ClickHouse are each named by position. Then the CLI itself, on the same directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsageEvent } from '../../src/lib/schemas/usage-event';
import { newSubject } from '../support/data';
import { testLedgerKey } from '../support/ledger-key';
import { ROOT } from '../support/server';

const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-ledger-verify-'));
const ledgerKey = testLedgerKey();
process.env.PEEGEL_DATA_DIR = dataDir;
process.env.PEEGEL_LEDGER_KEY = ledgerKey;
delete process.env.CLICKHOUSE_URL;
delete process.env.PEEGEL_MIGRATIONS_DIR;

type Verify = typeof import('../../src/lib/server/ledger/verify-log');
let verifyLog: Verify['verifyLog'];
let command: typeof import('../../src/lib/server/db/query').command;
let closeDb: () => Promise<void>;
let keys: ReturnType<typeof import('../../src/lib/server/ledger/keys').ledgerKeys>;
const subjects = [newSubject(), newSubject(), newSubject()];

function event(i: number): UsageEvent {
	return {
		event_id: crypto.randomUUID(),
		logged_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
		subject_code: subjects[i % 3]!,
		agency_code: '70008440',
		system: 'RR',
		action: `Lookup ${i}`,
		purpose_code: 'ADDR-CHECK',
		legal_basis: 'Act § 1',
		actor_code: '',
		case_ref: i % 5 === 0 ? `K-${i}` : '',
		data_categories: ['identity'],
		intermediary_code: '',
		xroad_client: '',
		xroad_service: '',
		xroad_message_id: '',
		visibility: i % 11 === 0 ? 'sealed' : 'visible',
		disclose_after: i % 11 === 0 ? '2030-01-01T00:00:00Z' : null,
		bulk: false
	};
}

const verify = () => verifyLog(keys.saltKey, keys.signer);
const mutate = (sql: string) => command(`${sql} SETTINGS mutations_sync = 2`);

beforeAll(async () => {
	const { migrate } = await import('../../src/lib/server/db/migrate');
	({ closeDb } = await import('../../src/lib/server/db/client'));
	({ command } = await import('../../src/lib/server/db/query'));
	({ verifyLog } = await import('../../src/lib/server/ledger/verify-log'));
	keys = (await import('../../src/lib/server/ledger/keys')).ledgerKeys();
	const { commitEvents } = await import('../../src/lib/server/usage/writer');
	const { signCheckpoint } = await import('../../src/lib/server/ledger/checkpoints');
	await migrate();
	// Three commits, each signed: 700 events, so the tree has full tiles and a partial one.
	for (const [from, to] of [[0, 300], [300, 600], [600, 700]] as const) {
		await commitEvents(Array.from({ length: to - from }, (_, k) => event(from + k)));
		await signCheckpoint();
	}
});

afterAll(async () => {
	await closeDb?.();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('ledger verification', () => {
	it('passes an intact log, with every checkpoint', async () => {
		const report = await verify();
		expect(report.problems).toEqual([]);
		expect(report).toMatchObject({ positions: 700, events: 700, checkpoints: 3 });
	});

	it('names a row deleted in ClickHouse, and whose it was from the chain', async () => {
		await mutate('ALTER TABLE usage_event DELETE WHERE ledger_index = 400');
		const report = await verify();
		expect(report.problems).toContainEqual(expect.objectContaining({ position: 400, kind: 'missing', message: 'position 400: no event in usage_event' }));
		// Position 403 is the same person's next event (every third belongs to one person).
		expect(report.problems).toContainEqual(
			expect.objectContaining({ position: 400, kind: 'missing', message: expect.stringContaining(`held an event of ${subjects[400 % 3]}`) })
		);
		expect(report.problems.filter((p) => p.kind === 'altered')).toEqual([]);
	});

	it('names a row changed in ClickHouse', async () => {
		await mutate("ALTER TABLE usage_event UPDATE action = 'Nothing to see' WHERE ledger_index = 123");
		const report = await verify();
		expect(report.problems).toContainEqual(expect.objectContaining({ position: 123, kind: 'altered' }));
		expect(report.problems.some((p) => p.kind === 'checkpoint' && p.message.includes('size 300'))).toBe(true);
		// The stored tiles are as committed: only the row changed.
		expect(report.problems.filter((p) => p.kind === 'tile')).toEqual([]);
	});

	it('names two rows swapped in ClickHouse as reordered', async () => {
		await mutate('ALTER TABLE usage_event UPDATE ledger_index = if(ledger_index = 601, 604, 601) WHERE ledger_index IN (601, 604)');
		const report = await verify();
		expect(report.problems).toContainEqual(expect.objectContaining({ position: 601, kind: 'reordered', message: expect.stringContaining('committed at position 604') }));
		expect(report.problems).toContainEqual(expect.objectContaining({ position: 604, kind: 'reordered', message: expect.stringContaining('committed at position 601') }));
	});

	it('is a command that exits non-zero and prints what it found', async () => {
		await closeDb();
		const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/ledger-verify.ts'], {
			cwd: ROOT,
			env: { ...process.env, PEEGEL_DATA_DIR: dataDir, PEEGEL_LEDGER_KEY: ledgerKey },
			encoding: 'utf8',
			timeout: 120_000
		});
		expect(run.status, run.stderr).toBe(1);
		expect(run.stdout).toMatch(/MISSING +position 400: no event in usage_event/);
		expect(run.stdout).toMatch(/ALTERED +position 123/);
		expect(run.stdout).toMatch(/REORDERED +position 601/);
		expect(run.stdout).toMatch(/problem\(s\) found: 700 positions, 699 events, 3 checkpoints/);
	});
});
