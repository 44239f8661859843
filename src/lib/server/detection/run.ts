/**
 * The detection engine: every rule from its cursor to the ledger size at the start of the
 * run, then the explanation step, then alerts (once per dedupe_key) and the record of the
 * run. On a schedule (startDetectionScheduler, every minute by default) and on demand
 * (runDetection({ trigger: 'manual' }) from /oversight/detection).
 *
 * Single flight: one run at a time. A call while a run is going waits for it to finish and
 * then starts a new run, which every call arriving during the same run shares (so a caller
 * always gets a run that began after its call, covering every event stored before it).
 *
 * A big backlog (the first run over a seeded log) is worked off in chunks of ledger
 * positions, each recorded as done when finished, and each chunk in parts of officials or
 * people (sql.ts shardOf): embedded ClickHouse runs one query at a time, so every query is
 * kept short and pages stay responsive while detection catches up.
 */
import { randomUUID } from 'node:crypto';
import { RULE_IDS, type RuleId } from '../../oversight/rules';
import { storedEventCount } from '../notifications/uses';
import { explainHits } from './explain';
import { RULES, RULES_BY_ID } from './rules';
import { recordRun, ruleCursors, writeAlerts, writeExplained } from './store';
import type { Hit } from './types';

/**
 * Ledger positions per recorded chunk. Windowed rules read back history for every chunk,
 * and a seeded log's positions are in random time order, so chunks are large and the
 * parts within them small.
 */
export const CHUNK_POSITIONS = 1_000_000;
/** About this many new events per query part. */
export const PART_EVENTS = 50_000;

export type Trigger = 'schedule' | 'manual';

export interface RuleSummary {
	rule: RuleId;
	from_index: number;
	to_index: number;
	hits: number;
	explained: number;
	alerts: number;
	ms: number;
}

export interface DetectionSummary {
	run_id: string;
	trigger: Trigger;
	/** The ledger size the run covered up to. */
	size: number;
	rules: RuleSummary[];
	ms: number;
	/** True when stopped (shutdown) before every rule reached `size`; finished chunks are kept. */
	interrupted: boolean;
}

export interface RunOptions {
	trigger?: Trigger;
	rules?: readonly RuleId[];
}

let stopping = false;

async function execute(opts: RunOptions): Promise<DetectionSummary> {
	const t0 = Date.now();
	const runId = randomUUID();
	const trigger = opts.trigger ?? 'schedule';
	const wanted = new Set(opts.rules ?? RULE_IDS);
	const size = await storedEventCount();
	const cursors = await ruleCursors();
	const summaries: RuleSummary[] = [];
	let interrupted = false;
	for (const rule of RULES) {
		if (!wanted.has(rule.id)) continue;
		const start = Math.min(cursors.get(rule.id) ?? 0, size);
		const ruleStart = Date.now();
		const s: RuleSummary = { rule: rule.id, from_index: start, to_index: start, hits: 0, explained: 0, alerts: 0, ms: 0 };
		summaries.push(s);
		for (let from = start; from < size && !interrupted; ) {
			const to = Math.min(size, from + CHUNK_POSITIONS);
			const startedAt = new Date();
			const parts = Math.max(1, Math.ceil((to - from) / (rule.partEvents ?? PART_EVENTS)));
			const hits: Hit[] = [];
			for (let part = 0; part < parts; part++) {
				if (stopping) {
					interrupted = true;
					break;
				}
				hits.push(...(await rule.find({ from, to, part, parts })));
			}
			if (interrupted) break;
			const { standing, dropped } = await explainHits(RULES_BY_ID, hits, to);
			const at = new Date();
			const alerts = await writeAlerts(standing, runId, at);
			const explained = await writeExplained(dropped, runId, at);
			// Recorded last: a crash before this repeats the chunk, and dedupe_key keeps its alerts single.
			await recordRun({ run_id: runId, rule: rule.id, from_index: from, to_index: to, started_at: startedAt, finished_at: new Date(), hits: hits.length, explained, alerts, trigger });
			s.to_index = to;
			s.hits += hits.length;
			s.explained += explained;
			s.alerts += alerts;
			from = to;
		}
		s.ms = Date.now() - ruleStart;
	}
	return { run_id: runId, trigger, size, rules: summaries, ms: Date.now() - t0, interrupted };
}

let current: Promise<DetectionSummary> | null = null;
let next: Promise<DetectionSummary> | null = null;
let nextOpts: { manual: boolean; rules: Set<RuleId> | null } | null = null;

function merge(opts: RunOptions): void {
	const rules = opts.rules ? new Set(opts.rules) : null;
	if (!nextOpts) nextOpts = { manual: opts.trigger === 'manual', rules };
	else {
		nextOpts.manual ||= opts.trigger === 'manual';
		nextOpts.rules = nextOpts.rules && rules ? new Set([...nextOpts.rules, ...rules]) : null;
	}
}

/** Run detection now (single flight: see the module comment). */
export function runDetection(opts: RunOptions = {}): Promise<DetectionSummary> {
	if (!current) {
		current = execute(opts).finally(() => (current = null));
		return current;
	}
	merge(opts);
	next ??= current
		.catch(() => undefined)
		.then(() => {
			const o = nextOpts!;
			next = null;
			nextOpts = null;
			return runDetection({ trigger: o.manual ? 'manual' : 'schedule', rules: o.rules ? [...o.rules] : undefined });
		});
	return next;
}

let timer: NodeJS.Timeout | null = null;
let first: NodeJS.Timeout | null = null;
let scheduled: Promise<unknown> | null = null;

function tick(): void {
	if (scheduled || stopping) return;
	scheduled = runDetection({ trigger: 'schedule' })
		.catch((err) => console.error('peegel: detection: run failed (repeated at the next run)', err))
		.finally(() => (scheduled = null));
}

/** Run every `intervalMs` (and once shortly after start, to work off what is already stored). */
export function startDetectionScheduler(intervalMs: number): void {
	if (timer) return;
	stopping = false;
	first = setTimeout(tick, Math.min(intervalMs, 1000));
	first.unref();
	timer = setInterval(tick, intervalMs);
	timer.unref();
}

/** Stop the schedule; a run in progress stops after its current part. Resolves when it has. */
export function stopDetectionScheduler(): Promise<void> {
	if (timer) clearInterval(timer);
	if (first) clearTimeout(first);
	timer = null;
	first = null;
	stopping = true;
	return Promise.all([scheduled, current?.catch(() => undefined), next?.catch(() => undefined)]).then(() => undefined);
}
