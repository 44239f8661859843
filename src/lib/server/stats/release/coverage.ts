/**
 * The coverage cube (metric × detail per month) from the usage, visit, flag and case
 * rollups: agencies reporting (no people), usage events, citizens who looked at their
 * history, flags by kind, closed cases by outcome (each with its '*' total).
 */
import { z } from 'zod';
import { TOTAL } from '$lib/stats/dimensions';
import type { Cell } from '$lib/stats/suppression';
import { int64 } from '../../db/columns';
import { queryRows } from '../../db/query';
import { completeCube, dim, type Grouped } from './cube';
import { monthRange } from './periods';

export const FLAG_KINDS = ['unrecognised', 'unjustified'] as const;
export const CASE_OUTCOMES = ['justified', 'misuse', 'inconclusive'] as const;

const row = z.object({ period: z.string(), detail: dim, value: int64, people: int64 });
const usageRow = z.object({ period: z.string(), agencies: int64, usage_events: int64, people: int64 });

async function usage() {
	return queryRows(
		`SELECT formatDateTime(month, '%Y-%m') AS period, uniqExactIf(agency_code, events > 0) AS agencies,
		        sum(events) AS usage_events, uniqMerge(people) AS people
		 FROM stats_usage_month GROUP BY month`,
		{},
		usageRow
	);
}

async function visits() {
	return queryRows(
		`SELECT formatDateTime(month, '%Y-%m') AS period, NULL AS detail, uniqMerge(people) AS value, value AS people
		 FROM stats_visit_month GROUP BY month`,
		{},
		row
	);
}

async function flags() {
	return queryRows(
		`SELECT formatDateTime(month, '%Y-%m') AS period, kind AS detail, sum(flags) AS value, uniqMerge(people) AS people
		 FROM stats_flag_month GROUP BY GROUPING SETS ((month, detail), (month)) SETTINGS group_by_use_nulls = 1`,
		{},
		row
	);
}

async function cases() {
	return queryRows(
		`SELECT formatDateTime(month, '%Y-%m') AS period, outcome AS detail, sum(cases) AS value, uniqMerge(people) AS people
		 FROM stats_case_month GROUP BY GROUPING SETS ((month, detail), (month)) SETTINGS group_by_use_nulls = 1`,
		{},
		row
	);
}

export async function coverageCells(now = new Date(), through?: string): Promise<Cell[]> {
	const [u, v, f, c] = await Promise.all([usage(), visits(), flags(), cases()]);
	const rows: Grouped[] = [
		...u.flatMap((r) => [
			{ period: r.period, d1: 'agencies_reporting', d2: TOTAL, value: r.agencies, people: 0 },
			{ period: r.period, d1: 'usage_events', d2: TOTAL, value: r.usage_events, people: r.people }
		]),
		...v.map((r) => ({ period: r.period, d1: 'citizens_viewed', d2: TOTAL, value: r.value, people: r.people })),
		...f.map((r) => ({ period: r.period, d1: 'flags', d2: r.detail, value: r.value, people: r.people })),
		...c.map((r) => ({ period: r.period, d1: 'cases_closed', d2: r.detail, value: r.value, people: r.people }))
	];
	const periods = rows.map((r) => r.period).sort();
	const detailsOf = (known: readonly string[], metric: string) => [
		...new Set([...known, ...rows.filter((r) => r.d1 === metric && r.d2 !== TOTAL).map((r) => r.d2!)]),
		TOTAL
	];
	const combos = [
		['agencies_reporting', TOTAL],
		['usage_events', TOTAL],
		['citizens_viewed', TOTAL],
		...detailsOf(FLAG_KINDS, 'flags').map((d) => ['flags', d]),
		...detailsOf(CASE_OUTCOMES, 'cases_closed').map((d) => ['cases_closed', d])
	].map(([m, d]) => [m!, d!, '', '']);
	return completeCube('coverage', monthRange(periods[0] ?? null, now, through), combos, rows);
}
