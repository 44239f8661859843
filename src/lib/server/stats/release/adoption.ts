/**
 * The adoption cube: county × age band per year. value = people = who signed or used an
 * e-service that year (stats_adoption_year); base = the population: people in the register
 * born by the year's end, by county and by their age band in that year (the register
 * keeps no deaths, so "alive" is "born by then").
 */
import { z } from 'zod';
import { AGE_BANDS, COUNTY_NAMES, TOTAL, ageBand } from '$lib/stats/dimensions';
import type { Cell } from '$lib/stats/suppression';
import { int64 } from '../../db/columns';
import { queryRows } from '../../db/query';
import { completeCube, cubeGroupingSets, grouped, productCombos, valuesOf, type Grouped } from './cube';
import { yearRange } from './periods';

const cohort = z.object({ birth_year: z.number().int(), county: z.string(), people: int64 });

/** People in the register by birth year and county (the current version of each person). */
export async function registerCohorts(): Promise<z.output<typeof cohort>[]> {
	return queryRows(
		`SELECT toInt32(toYear(birth_date)) AS birth_year, county, count() AS people FROM person FINAL GROUP BY birth_year, county`,
		{},
		cohort
	);
}

/** Population per year, county and band, with every margin (counts of people add up exactly). */
function population(years: readonly string[], cohorts: readonly z.output<typeof cohort>[]): Map<string, number> {
	const totals = new Map<string, number>();
	const add = (key: string, n: number) => totals.set(key, (totals.get(key) ?? 0) + n);
	for (const year of years) {
		const y = Number(year);
		for (const c of cohorts) {
			if (c.birth_year > y) continue;
			const band = ageBand(c.birth_year, y);
			for (const county of [c.county, TOTAL]) for (const b of [band, TOTAL]) add(`${year}|${county}|${b}`, c.people);
		}
	}
	return totals;
}

export async function adoptionCells(now = new Date()): Promise<Cell[]> {
	const [rows, cohorts] = await Promise.all([
		queryRows(
			`SELECT toString(year) AS period, county AS d1, age_band AS d2, uniqMerge(people) AS value
			 FROM stats_adoption_year
			 GROUP BY ${cubeGroupingSets('year', ['d1', 'd2'])}
			 SETTINGS group_by_use_nulls = 1`,
			{},
			grouped
		),
		registerCohorts()
	]);
	const years = rows.map((r) => Number(r.period)).sort((a, b) => a - b);
	const periods = yearRange(years[0] ?? null, years.at(-1) ?? null, now);
	const pop = population(periods, cohorts);
	const withBase: Grouped[] = rows.map((r) => ({ ...r, people: r.value }));
	const dims = [valuesOf(COUNTY_NAMES, rows, 'd1'), valuesOf(AGE_BANDS, rows, 'd2')];
	return completeCube('adoption', periods, productCombos(dims), withBase).map((c) => ({ ...c, base: pop.get(`${c.period}|${c.d1}|${c.d2}`) ?? 0 }));
}
