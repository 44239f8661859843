/**
 * Turning grouped rollup rows into a dataset's complete cube: every combination of each
 * dimension's values and '*' for every period in range, zeros where nothing happened (a
 * month without data is released as zeros, so the site and the suppression see one grid).
 */
import { z } from 'zod';
import { TOTAL } from '$lib/stats/dimensions';
import type { Cell, Dataset } from '$lib/stats/suppression';
import { int64 } from '../../db/columns';

/** A dimension ClickHouse left out of a grouping set comes back NULL (group_by_use_nulls): the total. */
export const dim = z
	.string()
	.nullable()
	.transform((v) => v ?? TOTAL);

export const grouped = z.object({
	period: z.string(),
	d1: dim.optional(),
	d2: dim.optional(),
	d3: dim.optional(),
	d4: dim.optional(),
	value: int64,
	people: int64.optional(),
	base: int64.optional()
});
export type Grouped = z.output<typeof grouped>;

/** Every subset of the dimension columns, each with the period column: one table holding every dimension. */
export function cubeGroupingSets(period: string, dims: readonly string[]): string {
	return tableGroupingSets(period, dims, [dims.map((_, i) => i)]);
}

/** Known values first (in their order), then any others seen in the data (sorted). */
export function valuesOf(known: readonly string[], rows: readonly Grouped[], key: 'd1' | 'd2' | 'd3' | 'd4'): string[] {
	const seen = new Set(known);
	const extra = new Set<string>();
	for (const r of rows) {
		const v = r[key];
		if (v !== undefined && v !== TOTAL && !seen.has(v)) extra.add(v);
	}
	return [...known, ...[...extra].sort()];
}

/**
 * The combinations of a dataset released as several tables: each table (a list of
 * dimension indexes) is the product of its dimensions' values with '*', every other
 * dimension '*'. Tables share only their margins, which are the same cells. Fewer, smaller
 * tables than the whole cube: in a four-way cube of a small population nearly every detailed
 * cell counts a handful of people, and the complements they need hide the two-way figures
 * people ask for (by county and age band, say).
 */
export function tableCombos(dims: readonly (readonly string[])[], tables: readonly (readonly number[])[]): string[][] {
	const seen = new Set<string>();
	const out: string[][] = [];
	for (const table of tables) {
		const inTable = dims.map((values, j) => (table.includes(j) ? values : []));
		for (const combo of productCombos(inTable)) {
			const c = combo.map((v, j) => (dims[j] ? v : ''));
			const key = c.join('\u0001');
			if (!seen.has(key)) {
				seen.add(key);
				out.push(c);
			}
		}
	}
	return out;
}

/** The grouping sets of several tables: every subset of each table's dimension columns, with the period. */
export function tableGroupingSets(period: string, dims: readonly string[], tables: readonly (readonly number[])[]): string {
	const sets = new Set<string>();
	for (const table of tables) {
		for (let mask = 0; mask < 1 << table.length; mask++) {
			sets.add(`(${[period, ...table.filter((_, i) => mask & (1 << i)).map((j) => dims[j]!)].join(', ')})`);
		}
	}
	return `GROUPING SETS (${[...sets].join(', ')})`;
}

/** The product of dimensions' values, each with '*'; missing dimensions are ''. */
export function productCombos(dims: readonly (readonly string[])[]): string[][] {
	let combos: string[][] = [[]];
	for (let j = 0; j < 4; j++) {
		const choices = dims[j] ? [...dims[j]!, TOTAL] : [''];
		combos = combos.flatMap((prefix) => choices.map((v) => [...prefix, v]));
	}
	return combos;
}

/** The complete cube: each combination in each period, its figures from rows or zeros. */
export function completeCube(dataset: Dataset, periods: readonly string[], combos: readonly string[][], rows: readonly Grouped[]): Cell[] {
	const found = new Map<string, Grouped>();
	for (const r of rows) found.set([r.period, r.d1 ?? '', r.d2 ?? '', r.d3 ?? '', r.d4 ?? ''].join('\u0001'), r);
	const cells: Cell[] = [];
	for (const period of periods) {
		for (const [d1, d2, d3, d4] of combos) {
			const r = found.get([period, d1, d2, d3, d4].join('\u0001'));
			cells.push({ dataset, period, d1: d1!, d2: d2!, d3: d3!, d4: d4!, value: r?.value ?? 0, people: r?.people ?? 0, base: r?.base ?? 0 });
		}
	}
	return cells;
}
