// npm run bench:detect -- [--people N] [--events N] [--seed N] [--per-rule N] [--keep]
//
// Detection quality (issue 5, item 8): a fresh temporary database gets a realistic
// background (the demo generator: population register, officials, protected list, two
// years of usage events), then the labelled misuse scenarios of every rule and the decoys
// that must not fire (src/lib/server/detection/scenarios.ts), all through the one commit
// path. Detection then runs to the end of the log, and its alerts are compared with the
// labels as the rules' semantics define it (src/lib/server/detection/score.ts). Prints a
// table, the missed scenarios and where the false positives came from, and writes
// detect-results.json to the current directory. Target: recall >= 0.9, precision >= 0.8.
// The demo generator's own planted misuse (one instance per rule) counts as labelled too.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { countFlag, readFlags } from './cli-flags';

const USAGE = `Usage: npm run bench:detect -- [options]
  --people N     people in the population register (default 20000)
  --events N     background usage events (default 300000)
  --seed N       seed of the background and the scenarios (default 2026)
  --per-rule N   scenarios per rule (default 6: every variant once)
  --keep         keep the temporary data directory
  --help         this text`;

const flagsSchema = z.object({
	people: countFlag('people', 1_000, 1_000_000).default(20_000),
	events: countFlag('events', 0, 20_000_000).default(300_000),
	seed: z
		.string()
		.regex(/^-?\d{1,15}$/, '--seed must be an integer')
		.transform(Number)
		.default(2026),
	'per-rule': countFlag('per-rule', 1, 60).default(6),
	keep: z.boolean().default(false),
	help: z.boolean().default(false)
});

function fail(message: string): never {
	console.error(`bench:detect: ${message}\n\n${USAGE}`);
	process.exit(2);
}

const flags = readFlags(
	{ people: { type: 'string' }, events: { type: 'string' }, seed: { type: 'string' }, 'per-rule': { type: 'string' }, keep: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
	flagsSchema,
	fail
);
if (flags.help) {
	console.log(USAGE);
	process.exit(0);
}

const T0 = performance.now();
const log = (msg: string) => console.error(`bench:detect [${((performance.now() - T0) / 1000).toFixed(1).padStart(6)} s]: ${msg}`);

// The database is chosen by the environment when first used: set it before anything loads it.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'peegel-detect-'));
process.env.PEEGEL_DATA_DIR = dataDir;
delete process.env.CLICKHOUSE_URL;
delete process.env.PEEGEL_BENCH_NO_LEDGER;

const { closeDb } = await import('../src/lib/server/db/client');
const { migrate } = await import('../src/lib/server/db/migrate');
const { insertRows, queryRows } = await import('../src/lib/server/db/query');
const { int64 } = await import('../src/lib/server/db/columns');
const { ledgerKeys } = await import('../src/lib/server/ledger/keys');
const { seedDatabase } = await import('../src/lib/server/seed/seed');
const { generateReference } = await import('../src/lib/server/seed/reference');
const { plantedAnomalies } = await import('../src/lib/server/seed/events');
const { commitEvents } = await import('../src/lib/server/usage/writer');
const { buildScenarios } = await import('../src/lib/server/detection/scenarios');
const { scoreDetection } = await import('../src/lib/server/detection/score');
const { RULE_IDS } = await import('../src/lib/oversight/rules');

type RunDetection = (opts?: { trigger?: 'schedule' | 'manual' }) => Promise<unknown>;

async function loadRunner(): Promise<RunDetection> {
	const modulePath = '../src/lib/server/detection/run';
	try {
		const mod = (await import(modulePath)) as { runDetection?: RunDetection };
		if (typeof mod.runDetection !== 'function') throw new Error('run.ts exports no runDetection');
		return mod.runDetection;
	} catch (err) {
		throw new Error(`the detection engine (src/lib/server/detection/run.ts, runDetection) is not available: ${(err as Error).message}`);
	}
}

const alertRow = z.object({ alert_id: z.string(), rule: z.string(), actor_code: z.string(), subject_code: z.string(), event_ids: z.array(z.string()), detail: z.string() });
const cursorRow = z.object({ rule: z.string(), to: int64 });
const countRow = z.object({ n: int64 });
const explainedRow = z.object({ rule: z.string(), n: int64 });

/** Runs detection until every rule's cursor has reached the log's size (the first run may work in chunks). */
async function detectToTheEnd(runDetection: RunDetection, size: number): Promise<number> {
	for (let runs = 1; runs <= 1000; runs++) {
		await runDetection({ trigger: 'manual' });
		const cursors = await queryRows('SELECT rule, max(to_index) AS to FROM detection_run GROUP BY rule', {}, cursorRow);
		const behind = RULE_IDS.filter((r) => (cursors.find((c) => c.rule === r)?.to ?? 0) < size);
		if (behind.length === 0) return runs;
		if (runs % 10 === 0) log(`detection: ${runs} runs, still behind: ${behind.join(', ')}`);
	}
	throw new Error('detection did not reach the end of the log in 1000 runs');
}

const pct = (x: number | null) => (x === null ? '   -  ' : x.toFixed(3).padStart(6));

async function main(): Promise<number> {
	const now = Date.now() - 60_000;
	const runDetection = await loadRunner();
	ledgerKeys({ create: true });
	await migrate();

	log(`background: ${flags.people.toLocaleString('en-US')} people, ${flags.events.toLocaleString('en-US')} events, seed ${flags.seed}, in ${dataDir}`);
	const seeded = await seedDatabase({ people: flags.people, events: flags.events, seed: flags.seed, now });
	const ref = generateReference({ people: flags.people, seed: flags.seed });

	const set = buildScenarios(ref, { seed: flags.seed, now, perRule: flags['per-rule'] });
	await insertRows('protected_person', set.protectedChanges);
	const mixed = [...set.scenarios.flatMap((s) => s.events), ...set.decoys.flatMap((d) => d.events)];
	for (let i = 0; i < mixed.length; i += 20_000) await commitEvents(mixed.slice(i, i + 20_000));
	const size = (await queryRows('SELECT count() AS n FROM usage_event', {}, countRow))[0]!.n;
	const seedMs = performance.now() - T0;
	log(`mixed in ${set.scenarios.length} scenarios and ${set.decoys.length} decoys (${mixed.length.toLocaleString('en-US')} events); log size ${size.toLocaleString('en-US')}`);

	const t1 = performance.now();
	const runs = await detectToTheEnd(runDetection, size);
	const detectMs = performance.now() - t1;
	const alerts = await queryRows('SELECT toString(alert_id) AS alert_id, rule, actor_code, subject_code, arrayMap(x -> toString(x), event_ids) AS event_ids, detail FROM alert', {}, alertRow);
	const explained = await queryRows('SELECT rule, count() AS n FROM detection_explained GROUP BY rule', {}, explainedRow);
	log(`detection: ${runs} run(s), ${alerts.length} alerts, ${(detectMs / 1000).toFixed(1)} s`);

	// The background is the demo's data, with its own planted misuse (one instance of every
	// rule): labelled too, or finding it would count against precision.
	const planted = plantedAnomalies(ref, { seed: flags.seed, now }).map((a) => ({
		label: { rule: a.kind, actor_code: a.actor_code, subject_code: a.subject_code, event_ids: a.event_ids },
		note: `demo's planted misuse: ${a.note}`
	}));
	const labelled = [...set.scenarios, ...planted];
	const decoyOf = new Map(set.decoys.flatMap((d) => d.events.map((e) => [e.event_id, d.kind] as const)));
	const score = scoreDetection(
		labelled.map((s) => s.label),
		alerts,
		decoyOf
	);
	const noteOf = new Map(labelled.map((s) => [s.label, s.note]));

	// The table.
	const lines = [`${'rule'.padEnd(18)} ${'scen'.padStart(5)} ${'found'.padStart(5)} ${'alerts'.padStart(6)} ${'TP'.padStart(5)} ${'recall'.padStart(6)} ${'prec.'.padStart(6)} ${'expl.'.padStart(6)}`];
	for (const rule of RULE_IDS) {
		const c = score.rules[rule];
		const ex = explained.find((e) => e.rule === rule)?.n ?? 0;
		lines.push(`${rule.padEnd(18)} ${String(c.scenarios).padStart(5)} ${String(c.detected).padStart(5)} ${String(c.alerts).padStart(6)} ${String(c.true_positives).padStart(5)} ${pct(c.recall)} ${pct(c.precision)} ${String(ex).padStart(6)}`);
	}
	const o = score.overall;
	lines.push(`${'overall'.padEnd(18)} ${String(o.scenarios).padStart(5)} ${String(o.detected).padStart(5)} ${String(o.alerts).padStart(6)} ${String(o.true_positives).padStart(5)} ${pct(o.recall)} ${pct(o.precision)}`);
	console.log(lines.join('\n'));

	// Why: the missed scenarios, and where false positives came from (per rule and cause).
	if (score.missed.length) {
		console.log('\nMissed scenarios:');
		for (const l of score.missed) console.log(`  ${l.rule.padEnd(18)} ${noteOf.get(l) ?? ''} [actor ${l.actor_code || '-'}, person ${l.subject_code || '-'}, ${l.event_ids.length} events]`);
	}
	const causes = new Map<string, number>();
	for (const f of score.falseAlerts) causes.set(`${f.alert.rule} <- ${f.cause}`, (causes.get(`${f.alert.rule} <- ${f.cause}`) ?? 0) + 1);
	if (causes.size) {
		console.log('\nFalse positives by rule and what they touched:');
		for (const [k, n] of [...causes].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${k}`);
	}
	const target = o.recall !== null && o.precision !== null && o.recall >= 0.9 && o.precision >= 0.8;
	console.log(`\nTarget (recall >= 0.9, precision >= 0.8 overall): ${target ? 'met' : 'NOT met'}`);

	const results = {
		overall: o,
		rules: score.rules,
		target: { recall: 0.9, precision: 0.8, met: target },
		sizes: {
			people: flags.people,
			background_events: seeded.events.accepted,
			scenario_events: set.scenarios.reduce((n, s) => n + s.events.length, 0),
			decoy_events: set.decoys.reduce((n, d) => n + d.events.length, 0),
			log_size: size,
			scenarios: set.scenarios.length,
			planted_in_background: planted.length,
			decoys: set.decoys.length,
			officials: seeded.officials
		},
		seed: flags.seed,
		per_rule: flags['per-rule'],
		ms: { setup: Math.round(seedMs), detection: Math.round(detectMs), total: Math.round(performance.now() - T0) },
		detection_runs: runs,
		explained: Object.fromEntries(explained.map((e) => [e.rule, e.n])),
		missed: score.missed.map((l) => ({ ...l, note: noteOf.get(l) ?? '' })),
		false_positives: {
			by_cause: Object.fromEntries([...causes].sort((a, b) => b[1] - a[1])),
			// A sample per rule, with the rule's measured values, for tuning.
			examples: Object.fromEntries(
				RULE_IDS.map((rule) => [
					rule,
					score.falseAlerts
						.filter((f) => f.alert.rule === rule)
						.slice(0, 5)
						.map((f) => ({ cause: f.cause, actor_code: f.alert.actor_code, subject_code: f.alert.subject_code, events: f.alert.event_ids.length, detail: safeJson(f.alert.detail) }))
				])
			)
		}
	};
	writeFileSync(path.resolve('detect-results.json'), JSON.stringify(results, null, 2) + '\n');
	log(`wrote ${path.resolve('detect-results.json')}`);
	return 0;
}

function safeJson(s: string): unknown {
	try {
		return JSON.parse(s);
	} catch {
		return s;
	}
}

try {
	process.exitCode = await main();
} catch (err) {
	console.error(`bench:detect: ${(err as Error).stack ?? (err as Error).message}`);
	process.exitCode = 1;
} finally {
	await closeDb();
	if (flags.keep) log(`kept ${dataDir}`);
	else rmSync(dataDir, { recursive: true, force: true });
}
