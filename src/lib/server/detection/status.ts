/**
 * What /oversight/detection shows: each rule with its parameters, its cursor and last run
 * and what it has raised, and the latest hits the explanation step dropped. The dropped
 * hits are shown without the people they concern (official, case and why only), so the page
 * shows no one's events and needs no case reference of its own.
 */
import { z } from 'zod';
import type { RuleId, Severity } from '../../oversight/rules';
import { int64, utcDateTime } from '../db/columns';
import { queryRows } from '../db/query';
import { storedEventCount } from '../notifications/uses';
import type { Corroboration } from './explain';
import { RULES } from './rules';
import type { ParamValue } from './types';

export interface RuleRun {
	finished_at: string;
	from_index: number;
	to_index: number;
	hits: number;
	explained: number;
	alerts: number;
	trigger: 'schedule' | 'manual';
}

export interface RuleStatus {
	id: RuleId;
	severities: readonly Severity[];
	explainable: boolean;
	params: { name: string; value: ParamValue }[];
	/** Ledger positions below this have been looked at. */
	cursor: number;
	lastRun: RuleRun | null;
	alerts: number;
	explained: number;
}

const lastRunRow = z.object({
	rule: z.string(),
	cursor: int64,
	last_finished: utcDateTime,
	last_from: int64,
	last_hits: int64,
	last_explained: int64,
	last_alerts: int64,
	last_trigger: z.enum(['schedule', 'manual'])
});
const countRow = z.object({ rule: z.string(), n: int64 });

export async function detectionStatus(): Promise<{ size: number; rules: RuleStatus[] }> {
	const [size, runs, alerts, explained] = await Promise.all([
		storedEventCount(),
		queryRows(
			`SELECT rule, max(to_index) AS cursor, argMax(finished_at, to_index) AS last_finished, argMax(from_index, to_index) AS last_from,
				argMax(hits, to_index) AS last_hits, argMax(explained, to_index) AS last_explained,
				argMax(alerts, to_index) AS last_alerts, toString(argMax(trigger, to_index)) AS last_trigger
			 FROM detection_run GROUP BY rule`,
			{},
			lastRunRow
		),
		queryRows('SELECT rule, count() AS n FROM alert GROUP BY rule', {}, countRow),
		queryRows('SELECT rule, count() AS n FROM detection_explained GROUP BY rule', {}, countRow)
	]);
	const runOf = new Map(runs.map((r) => [r.rule, r]));
	const alertsOf = new Map(alerts.map((r) => [r.rule, r.n]));
	const explainedOf = new Map(explained.map((r) => [r.rule, r.n]));
	return {
		size,
		rules: RULES.map((rule) => {
			const run = runOf.get(rule.id);
			return {
				id: rule.id,
				severities: rule.severities,
				explainable: rule.explanation !== 'none',
				params: Object.entries(rule.params).map(([name, value]) => ({ name, value })),
				cursor: run?.cursor ?? 0,
				lastRun: run
					? {
							finished_at: run.last_finished,
							from_index: run.last_from,
							to_index: run.cursor,
							hits: run.last_hits,
							explained: run.last_explained,
							alerts: run.last_alerts,
							trigger: run.last_trigger
						}
					: null,
				alerts: alertsOf.get(rule.id) ?? 0,
				explained: explainedOf.get(rule.id) ?? 0
			};
		})
	};
}

export interface ExplainedEntry {
	recorded_at: string;
	rule: string;
	actor_code: string;
	case_ref: string;
	events: number;
	cases: Corroboration[];
	unexplained: number;
}

const corroboration = z.object({
	case_ref: z.string(),
	agency_code: z.string(),
	by_officials: z.number(),
	by_automated: z.number(),
	first_at: z.string()
});
const explainedDetail = z.object({ cases: z.array(corroboration).default([]), unexplained_events: z.number().default(0) }).catch({ cases: [], unexplained_events: 0 });
const explainedRow = z.object({
	recorded_at: utcDateTime,
	rule: z.string(),
	actor_code: z.string(),
	case_ref: z.string(),
	events: int64,
	detail: z.string().transform((s, ctx) => {
		try {
			return explainedDetail.parse(JSON.parse(s));
		} catch {
			ctx.addIssue({ code: 'custom', message: 'detail is not JSON' });
			return z.NEVER;
		}
	})
});

/** The latest dropped hits, newest first. */
export async function latestExplained(limit = 50): Promise<ExplainedEntry[]> {
	const rows = await queryRows(
		`SELECT recorded_at, rule, actor_code, case_ref, length(event_ids) AS events, detail
		 FROM detection_explained ORDER BY recorded_at DESC LIMIT {limit:UInt32}`,
		{ limit },
		explainedRow
	);
	return rows.map((r) => ({
		recorded_at: r.recorded_at,
		rule: r.rule,
		actor_code: r.actor_code,
		case_ref: r.case_ref,
		events: r.events,
		cases: r.detail.cases,
		unexplained: r.detail.unexplained_events
	}));
}
