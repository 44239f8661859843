/**
 * The exchange cube: client member × service member per month, from stats_exchange_month.
 * Members of class GOV are named; any other class (companies, sole proprietors: people)
 * is one member per class, `<instance>/<class>/*`. value = messages, base = bytes; no
 * people are counted, so no threshold applies.
 */
import type { Cell } from '$lib/stats/suppression';
import { queryRows } from '../../db/query';
import { completeCube, cubeGroupingSets, grouped, productCombos, valuesOf } from './cube';
import { monthRange } from './periods';

export async function exchangeCells(now = new Date(), through?: string): Promise<Cell[]> {
	const rows = await queryRows(
		`SELECT formatDateTime(month, '%Y-%m') AS period,
		        if(client_member_class = 'GOV', concat(client_xroad_instance, '/GOV/', client_member_code),
		           concat(client_xroad_instance, '/', client_member_class, '/*')) AS d1,
		        if(service_member_class = 'GOV', concat(client_xroad_instance, '/GOV/', service_member_code),
		           concat(client_xroad_instance, '/', service_member_class, '/*')) AS d2,
		        sum(messages) AS value, sum(bytes) AS base
		 FROM stats_exchange_month
		 GROUP BY ${cubeGroupingSets('month', ['d1', 'd2'])}
		 SETTINGS group_by_use_nulls = 1`,
		{},
		grouped
	);
	const periods = rows.map((r) => r.period).sort();
	const dims = [valuesOf([], rows, 'd1'), valuesOf([], rows, 'd2')];
	return completeCube('exchange', monthRange(periods[0] ?? null, now, through), productCombos(dims), rows);
}
