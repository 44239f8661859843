/**
 * The e-service uses per month, from stats_service_month (base = completed uses), as three
 * tables: service (`<agency_code>/<service code>`) × channel, service × county and
 * service × age band.
 */
import { AGE_BANDS, CHANNELS, COUNTY_NAMES } from '$lib/stats/dimensions';
import type { Cell } from '$lib/stats/suppression';
import { queryRows } from '../../db/query';
import { completeCube, grouped, tableCombos, tableGroupingSets, valuesOf } from './cube';
import { monthRange } from './periods';

/** Dimension indexes (service, channel, county, age band) of the released tables. */
export const SERVICE_TABLES = [
	[0, 1],
	[0, 2],
	[0, 3]
] as const;

export async function serviceCells(now = new Date(), through?: string): Promise<Cell[]> {
	const rows = await queryRows(
		`SELECT formatDateTime(month, '%Y-%m') AS period, concat(agency_code, '/', service) AS d1, channel AS d2, county AS d3,
		        age_band AS d4, sum(uses) AS value, uniqMerge(people) AS people, sum(completed) AS base
		 FROM stats_service_month
		 GROUP BY ${tableGroupingSets('month', ['d1', 'd2', 'd3', 'd4'], SERVICE_TABLES)}
		 SETTINGS group_by_use_nulls = 1`,
		{},
		grouped
	);
	const periods = rows.map((r) => r.period).sort();
	const dims = [valuesOf([], rows, 'd1'), valuesOf(CHANNELS, rows, 'd2'), valuesOf(COUNTY_NAMES, rows, 'd3'), valuesOf(AGE_BANDS, rows, 'd4')];
	return completeCube('services', monthRange(periods[0] ?? null, now, through), tableCombos(dims, SERVICE_TABLES), rows);
}
