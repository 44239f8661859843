/**
 * What detection writes: alerts (once per dedupe_key), the hits the explanation step
 * dropped, and each run of each rule over a range of ledger positions (the rules'
 * cursors). All append-only tables of migration 0012.
 */
import { z } from 'zod';
import { chTime, int64 } from '../db/columns';
import { insertRows, queryRows } from '../db/query';
import type { ExplainedHit } from './explain';
import type { Hit } from './types';

/** Keys already raised, of those given. */
export async function existingAlertKeys(keys: readonly string[]): Promise<Set<string>> {
	if (keys.length === 0) return new Set();
	const rows = await queryRows('SELECT DISTINCT dedupe_key FROM alert WHERE dedupe_key IN {keys:Array(String)}', { keys: [...new Set(keys)] }, z.object({ dedupe_key: z.string() }));
	return new Set(rows.map((r) => r.dedupe_key));
}

/**
 * Raise the hits not raised before (one alert per dedupe_key; the first hit of a key in
 * the batch wins). Callers hold the run's single flight, so no other writer races the check.
 */
export async function writeAlerts(hits: readonly Hit[], runId: string, at: Date): Promise<number> {
	const raised = await existingAlertKeys(hits.map((h) => h.dedupe_key));
	const rows: Record<string, unknown>[] = [];
	for (const h of hits) {
		if (raised.has(h.dedupe_key) || h.events.length === 0) continue;
		raised.add(h.dedupe_key);
		rows.push({
			alert_id: crypto.randomUUID(),
			rule: h.rule,
			severity: h.severity,
			dedupe_key: h.dedupe_key,
			actor_code: h.actor_code,
			agency_code: h.agency_code,
			subject_code: h.subject_code,
			event_ids: h.events.map((e) => e.event_id),
			event_subjects: h.events.map((e) => e.subject_code),
			first_at: chTime(h.events[0]!.logged_at),
			last_at: chTime(h.events[h.events.length - 1]!.logged_at),
			detail: JSON.stringify(h.detail),
			detected_at: chTime(at),
			run_id: runId
		});
	}
	await insertRows('alert', rows);
	return rows.length;
}

/** Record why hits were dropped (a hit whose key was raised already is not recorded again). */
export async function writeExplained(dropped: readonly ExplainedHit[], runId: string, at: Date): Promise<number> {
	if (dropped.length === 0) return 0;
	const raised = await existingAlertKeys(dropped.map((d) => d.hit.dedupe_key));
	const rows = dropped
		.filter((d) => !raised.has(d.hit.dedupe_key))
		.map((d) => ({
			rule: d.hit.rule,
			dedupe_key: d.hit.dedupe_key,
			actor_code: d.hit.actor_code,
			subject_code: d.hit.subject_code,
			event_ids: d.hit.events.map((e) => e.event_id),
			event_subjects: d.hit.events.map((e) => e.subject_code),
			explanation: d.explanation,
			case_ref: d.case_ref,
			detail: JSON.stringify(d.detail),
			recorded_at: chTime(at),
			run_id: runId
		}));
	await insertRows('detection_explained', rows);
	return rows.length;
}

export interface RunRecord {
	run_id: string;
	rule: string;
	from_index: number;
	to_index: number;
	started_at: Date;
	finished_at: Date;
	hits: number;
	explained: number;
	alerts: number;
	trigger: 'schedule' | 'manual';
}

export async function recordRun(r: RunRecord): Promise<void> {
	await insertRows('detection_run', [{ ...r, started_at: chTime(r.started_at), finished_at: chTime(r.finished_at) }]);
}

const cursorRow = z.object({ rule: z.string(), cursor: int64 });

/** Each rule's cursor: the highest position its runs have covered up to (0 before any run). */
export async function ruleCursors(): Promise<Map<string, number>> {
	const rows = await queryRows('SELECT rule, max(to_index) AS cursor FROM detection_run GROUP BY rule', {}, cursorRow);
	return new Map(rows.map((r) => [r.rule, r.cursor]));
}
