/**
 * A cheap fingerprint of everything a release is computed from: each rollup's merged
 * content (rows and a hash of each key with its figures, so background merges of parts
 * change nothing), the register's cohorts (adoption's base) and the current month (a new
 * month adds a period). Equal fingerprints mean an equal release.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { queryOne } from '../../db/query';
import { registerCohorts } from './adoption';
import { currentMonth } from './periods';

/** Each rollup: its key columns and its merged figures. SQL text from constants only. */
const ROLLUPS: readonly { table: string; keys: string; figures: string }[] = [
	{ table: 'stats_signature_month', keys: 'month, method, sector, county, age_band', figures: 'sum(signatures), uniqMerge(people)' },
	{ table: 'stats_service_month', keys: 'month, agency_code, service, channel, county, age_band', figures: 'sum(uses), sum(completed), uniqMerge(people)' },
	{ table: 'stats_adoption_year', keys: 'year, county, age_band', figures: 'uniqMerge(people)' },
	{
		table: 'stats_exchange_month',
		keys: 'month, client_xroad_instance, client_member_class, client_member_code, service_member_class, service_member_code',
		figures: 'sum(messages), sum(bytes)'
	},
	{ table: 'stats_usage_month', keys: 'month, agency_code', figures: 'sum(events), uniqMerge(people)' },
	{ table: 'stats_visit_month', keys: 'month', figures: 'uniqMerge(people)' },
	{ table: 'stats_flag_month', keys: 'month, kind', figures: 'sum(flags), uniqMerge(people)' },
	{ table: 'stats_case_month', keys: 'month, source, outcome', figures: 'sum(cases), uniqMerge(people)' }
];

const summary = z.object({ n: z.union([z.number(), z.string()]), h: z.union([z.number(), z.string()]) });

async function rollupFingerprint(r: (typeof ROLLUPS)[number]): Promise<string> {
	const figures = r.figures.split(', ').map((f, i) => `${f} AS f${i}`);
	const row = await queryOne(
		`SELECT count() AS n, toString(groupBitXor(cityHash64(${r.keys}, ${figures.map((_, i) => `f${i}`).join(', ')}))) AS h
		 FROM (SELECT ${r.keys}, ${figures.join(', ')} FROM ${r.table} GROUP BY ${r.keys})`,
		{},
		summary
	);
	return `${r.table}:${row?.n ?? 0}:${row?.h ?? 0}`;
}

export async function rollupsFingerprint(now = new Date()): Promise<string> {
	const [parts, cohorts] = await Promise.all([Promise.all(ROLLUPS.map(rollupFingerprint)), registerCohorts()]);
	const register = cohorts
		.map((c) => `${c.birth_year}|${c.county}|${c.people}`)
		.sort()
		.join(',');
	return createHash('sha256').update([currentMonth(now), ...parts, register].join('\n')).digest('hex');
}
