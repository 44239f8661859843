// npm run seed -- [--people N] [--events N] [--seed N] [--signatures N] [--services N]
//                 [--xroad N]
//
// Fills a fresh database with deterministic demo data: a population register, agencies,
// officials, personas and two years of usage events. Applies migrations first. Refuses a
// database that already has reference data, and a data directory a running server owns.
import { z } from 'zod';
import { countFlag, readFlags } from './cli-flags';
import { config } from '../src/lib/server/config';
import { closeDb, isEmbedded } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';
import { readLiveServer } from '../src/lib/server/runtime/server-lock';
import { referenceIsEmpty } from '../src/lib/server/seed/insert-reference';
import { MIN_PEOPLE } from '../src/lib/server/seed/reference';
import { seedDatabase, type SeedProgress } from '../src/lib/server/seed/seed';
import { keyFilePath, ledgerKeys } from '../src/lib/server/ledger/keys';
import { signCheckpoint } from '../src/lib/server/ledger/checkpoints';

const USAGE = `Usage: npm run seed -- [options]
  --people N   people in the population register (default 10000, ${MIN_PEOPLE}..1000000)
  --events N   usage events over the last two years (default 1000000, at most 50000000)
  --seed N     seed: the same seed gives the same data (default 1)
  --signatures N  e-signature events over the same two years (default: --events)
  --services N    e-service uses over the same two years (default: --events / 2)
  --xroad N    X-Road messages, a Client and a Producer record each (default events / 10)
  --help       this text
Numbers may be written 1000000, 1_000_000, 1M or 500k.
The database is PEEGEL_DATA_DIR (default ./.data) or CLICKHOUSE_URL.`;

const flagsSchema = z.object({
	people: countFlag('people', MIN_PEOPLE, 1_000_000).default(10_000),
	events: countFlag('events', 0, 50_000_000).default(1_000_000),
	xroad: countFlag('xroad', 0, 50_000_000).optional(),
	seed: z
		.string()
		.regex(/^-?\d{1,15}$/, '--seed must be an integer')
		.transform(Number)
		.default(1),
	signatures: countFlag('signatures', 0, 50_000_000).optional(),
	services: countFlag('services', 0, 50_000_000).optional(),
	help: z.boolean().default(false)
});

function fail(message: string, code = 2): never {
	console.error(`seed: ${message}${code === 2 ? `\n\n${USAGE}` : ''}`);
	process.exit(code);
}

const readSeedFlags = () =>
	readFlags(
		{
			people: { type: 'string' },
			events: { type: 'string' },
			seed: { type: 'string' },
			signatures: { type: 'string' },
			services: { type: 'string' },
			xroad: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		},
		flagsSchema,
		fail
	);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(seconds: number): string {
	if (!Number.isFinite(seconds)) return '?';
	const s = Math.round(seconds);
	return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(s / 3600)}h${String(Math.floor(s / 60) % 60).padStart(2, '0')}m`;
}

/** A line on stderr at most every 2 s per phase: done/total, rate, ETA. */
function progressPrinter(): (p: SeedProgress) => void {
	let phase = '';
	let phaseStart = 0;
	let lastPrint = 0;
	return (p) => {
		const now = Date.now();
		if (p.phase !== phase) {
			phase = p.phase;
			phaseStart = now;
			lastPrint = now;
			return;
		}
		if (now - lastPrint < 2000 && p.done < p.total) return;
		lastPrint = now;
		const seconds = (now - phaseStart) / 1000;
		const rate = seconds > 0 ? p.done / seconds : 0;
		const pct = p.total > 0 ? ((100 * p.done) / p.total).toFixed(1) : '100.0';
		const eta = rate > 0 ? duration((p.total - p.done) / rate) : '?';
		const what = p.phase === 'reference' ? 'people' : p.phase;
		console.error(`seed: ${what} ${fmt(p.done)} / ${fmt(p.total)} (${pct}%)  ${fmt(rate)}/s  ETA ${eta}`);
		const what = p.phase === 'reference' ? 'people' : 'events';
		const unit = p.phase === 'xroad' ? 'X-Road messages' : what;
		console.error(`seed: ${unit} ${fmt(p.done)} / ${fmt(p.total)} (${pct}%)  ${fmt(rate)}/s  ETA ${eta}`);
	};
}

const flags = readSeedFlags();
if (flags.help) {
	console.log(USAGE);
	process.exit(0);
}

let c: ReturnType<typeof config>;
try {
	c = config();
} catch (err) {
	fail((err as Error).message, 1);
}
if (isEmbedded()) {
	const live = readLiveServer(c.dataDir);
	if (live) {
		fail(
			`a Peegel server (pid ${live.pid}, port ${live.port}) owns ${c.dataDir}; embedded ClickHouse allows one process per directory.\n` +
				'Stop the server first, or seed a fresh directory: PEEGEL_DATA_DIR=./.data-demo npm run seed -- ...',
			1
		);
	}
}

/** Migrate, check, seed; returns the exit code. The database is closed by the caller. */
async function run(): Promise<number> {
	// Seeding makes a demo or benchmark database: its ledger keys are made if missing.
	ledgerKeys({ create: true });
	const { applied } = await migrate();
	if (applied.length > 0) console.error(`seed: applied migrations ${applied.join(', ')}`);
	const where = c.embeddedPath ?? c.CLICKHOUSE_URL;
	if (!(await referenceIsEmpty())) {
		console.error(
			`seed: the database in ${where} already has reference data; seeding again would mix two populations.\n` +
				'Seed a fresh data directory instead, e.g. PEEGEL_DATA_DIR=./.data-demo npm run seed -- ...'
		);
		return 1;
	}
	console.error(`seed: ${fmt(flags.people)} people, ${fmt(flags.events)} events, seed ${flags.seed}, into ${where}`);
	const summary = await seedDatabase({
		people: flags.people,
		events: flags.events,
		seed: flags.seed,
		const what = p.phase === 'reference' ? 'people' : p.phase === 'xroad' ? 'X-Road messages' : p.phase;
		console.error(`seed: ${what} ${fmt(p.done)} / ${fmt(p.total)} (${pct}%)  ${fmt(rate)}/s  ETA ${eta}`);
		onProgress: progressPrinter()
	});
	const checkpoint = await signCheckpoint();
	const seconds = summary.ms / 1000;
	console.log(
		[
			`Seeded in ${duration(seconds)}:`,
			`  ${fmt(summary.people)} people, ${summary.agencies} agencies, ${fmt(summary.officials)} officials, ${summary.purposes} purposes`,
			`  ${fmt(summary.events.accepted)} events committed (${fmt(summary.events.duplicates)} duplicates), ${fmt(summary.events.generated / seconds)} events/s overall`,
			`  ${fmt(summary.signatures.accepted)} signature events, ${fmt(summary.services.accepted)} service uses committed`,
			`  ${fmt(summary.xroad.newMessages)} X-Road messages from ${fmt(summary.xroad.accepted)} monitoring records (${fmt(summary.xroad.duplicates)} repeats dropped)`,
			`  ledger checkpoint signed at size ${fmt(checkpoint.size)} (keys: ${keyFilePath()})`,
			'  Personas (sign in with these in demo mode):',
			...summary.personas.map((p) => `    ${p.key.padEnd(8)} ${p.personal_code}`)
		].join('\n')
	);
	return 0;
}

try {
	process.exitCode = await run();
} catch (err) {
	console.error(`seed: ${(err as Error).message}`);
	process.exitCode = 1;
} finally {
	await closeDb();
}
