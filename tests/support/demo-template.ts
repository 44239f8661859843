/**
 * Seeded data directories made once per test run: a test server that would seed the same
 * demo data into an empty data directory starts on a copy of one instead. Seeding is most
 * of a test server's start (the generator, the inserts, the ledger over every event), and
 * the seed is deterministic, so a copy holds what seeding would have written; each server
 * still gets its own directory, so tests share no state.
 *
 * A global setup calls prepareDemoTemplates(); the directories are handed to the test
 * processes in PEEGEL_TEST_DEMO_TEMPLATES (workers inherit the environment). Without it,
 * or with PEEGEL_TEST_NO_TEMPLATE=1, every server seeds its own data as before.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const TEMPLATES_VAR = 'PEEGEL_TEST_DEMO_TEMPLATES';

/** The demo data startTestServer seeds when the caller does not say otherwise. */
export const DEFAULT_DEMO = { PEEGEL_DEMO_PEOPLE: '200', PEEGEL_DEMO_EVENTS: '3000' } as const;

/**
 * Server variables that do not change what the first start stores, so a copy of a
 * template is what that start would have made. Any other PEEGEL_/CLICKHOUSE_ variable
 * (ledger keys, key files, origin, migrations, witnesses, benchmark modes, ...) means a
 * real first start.
 */
const NEUTRAL = new Set([
	'PEEGEL_DATA_DIR',
	'PEEGEL_DEMO',
	'PEEGEL_DEMO_PEOPLE',
	'PEEGEL_DEMO_EVENTS',
	'PEEGEL_DEMO_SEED',
	'PEEGEL_NOTIFY_INTERVAL_MS',
	'PEEGEL_DETECT_INTERVAL_MS',
	'PEEGEL_MAIL_FROM',
	'PEEGEL_VALIDATOR_THREADS',
	'PEEGEL_FAILPOINT',
	TEMPLATES_VAR,
	'PEEGEL_TEST_NO_TEMPLATE'
]);

/** The template a server environment would seed, by demo size and seed; null: not demo mode. */
export function demoKey(env: Record<string, string | undefined>): string | null {
	if (env.PEEGEL_DEMO !== '1' && env.PEEGEL_DEMO !== 'true') return null;
	return `${env.PEEGEL_DEMO_PEOPLE ?? '20000'}/${env.PEEGEL_DEMO_EVENTS ?? '150000'}/${env.PEEGEL_DEMO_SEED ?? '2026'}`;
}

function templates(): Record<string, string> {
	const raw = process.env[TEMPLATES_VAR];
	return raw ? (JSON.parse(raw) as Record<string, string>) : {};
}

/**
 * Fills an empty `dataDir` with the seeded template for `env`, when there is one and no
 * variable in `env` could make the first start store something else. True when it did.
 */
export function copyDemoTemplate(env: Record<string, string | undefined>, dataDir: string): boolean {
	if (env.PEEGEL_TEST_NO_TEMPLATE === '1') return false;
	const key = demoKey(env);
	const from = key ? templates()[key] : undefined;
	if (!from) return false;
	for (const [name, value] of Object.entries(env)) {
		if ((name.startsWith('PEEGEL_') || name.startsWith('CLICKHOUSE_')) && value !== undefined && value !== '' && !NEUTRAL.has(name)) return false;
	}
	if (readdirSync(dataDir).length > 0) return false;
	cpSync(from, dataDir, { recursive: true });
	return true;
}

/**
 * Seeds one data directory per environment (a real first start, then a clean stop) and
 * publishes them to this process's environment for the workers. Returns the teardown.
 */
export async function prepareDemoTemplates(envs: Record<string, string>[]): Promise<() => void> {
	const made: string[] = [];
	if (process.env.PEEGEL_TEST_NO_TEMPLATE === '1') return () => {};
	// Imported here: server.ts imports this module.
	const { startTestServer } = await import('./server');
	const published = templates();
	for (const env of envs) {
		const key = demoKey({ PEEGEL_DEMO: '1', ...DEFAULT_DEMO, ...env });
		if (!key || published[key]) continue;
		const dir = mkdtempSync(path.join(tmpdir(), 'peegel-template-'));
		made.push(dir);
		const server = await startTestServer(env, { dataDir: dir, startTimeoutMs: 300_000, template: false });
		await server.stop({ keepData: true });
		published[key] = dir;
	}
	process.env[TEMPLATES_VAR] = JSON.stringify(published);
	return () => {
		for (const dir of made) rmSync(dir, { recursive: true, force: true });
	};
}
