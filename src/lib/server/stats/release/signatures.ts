/**
 * The signatures per month, from stats_signature_month, as two tables: method × sector
 * (the national picture, the government's share) and county × age band (who signs where).
 */
import { AGE_BANDS, COUNTY_NAMES, SECTORS, SIGNATURE_METHODS } from '$lib/stats/dimensions';
import type { Cell } from '$lib/stats/suppression';
import { queryRows } from '../../db/query';
import { completeCube, grouped, tableCombos, tableGroupingSets, valuesOf } from './cube';
import { monthRange } from './periods';

/** Dimension indexes (method, sector, county, age band) of the released tables. */
export const SIGNATURE_TABLES = [
	[0, 1],
	[2, 3]
] as const;

export async function signatureCells(now = new Date(), through?: string): Promise<Cell[]> {
	const rows = await queryRows(
		`SELECT formatDateTime(month, '%Y-%m') AS period, method AS d1, sector AS d2, county AS d3, age_band AS d4,
		        sum(signatures) AS value, uniqMerge(people) AS people
		 FROM stats_signature_month
		 GROUP BY ${tableGroupingSets('month', ['d1', 'd2', 'd3', 'd4'], SIGNATURE_TABLES)}
		 SETTINGS group_by_use_nulls = 1`,
		{},
		grouped
	);
	const periods = rows.map((r) => r.period).sort();
	const dims = [
		valuesOf(SIGNATURE_METHODS, rows, 'd1'),
		valuesOf(SECTORS, rows, 'd2'),
		valuesOf(COUNTY_NAMES, rows, 'd3'),
		valuesOf(AGE_BANDS, rows, 'd4')
	];
	return completeCube('signatures', monthRange(periods[0] ?? null, now, through), tableCombos(dims, SIGNATURE_TABLES), rows);
}
