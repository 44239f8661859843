/**
 * The released datasets as the public site and its open data present them: each one's
 * dimensions (d1..d4 of stats_release_cell, named), what its value, people and base count,
 * and how its periods run. Shared by server and browser so the pages' tables and the
 * downloads use the same names.
 */
import { AGE_BANDS, CHANNELS, COUNTY_NAMES, SECTORS, SIGNATURE_METHODS } from './dimensions';

export const DATASETS = ['signatures', 'services', 'adoption', 'exchange', 'coverage'] as const;
export type Dataset = (typeof DATASETS)[number];

export const COVERAGE_METRICS = ['agencies_reporting', 'usage_events', 'citizens_viewed', 'flags', 'cases_closed'] as const;
export const FLAG_KINDS = ['unrecognised', 'unjustified'] as const;
export const CASE_OUTCOMES = ['justified', 'misuse', 'inconclusive'] as const;

export interface DatasetSpec {
	name: Dataset;
	period: 'month' | 'year';
	/** The names of d1..d (as many as the dataset has), also the query parameters that filter them. */
	dims: readonly string[];
	/** Column names for the cell's value, people and base; null where the dataset has none. */
	measures: { value: string; people: string | null; base: string | null };
	/** Whether its cells count people (and so may be suppressed). */
	countsPeople: boolean;
}

export const SPECS: Record<Dataset, DatasetSpec> = {
	signatures: {
		name: 'signatures',
		period: 'month',
		dims: ['method', 'sector', 'county', 'age_band'],
		measures: { value: 'signatures', people: 'signers', base: null },
		countsPeople: true
	},
	services: {
		name: 'services',
		period: 'month',
		dims: ['service', 'channel', 'county', 'age_band'],
		measures: { value: 'uses', people: 'users', base: 'completed' },
		countsPeople: true
	},
	adoption: {
		name: 'adoption',
		period: 'year',
		dims: ['county', 'age_band'],
		measures: { value: 'adopters', people: null, base: 'population' },
		countsPeople: true
	},
	exchange: {
		name: 'exchange',
		period: 'month',
		dims: ['client', 'service'],
		measures: { value: 'messages', people: null, base: 'bytes' },
		countsPeople: false
	},
	coverage: {
		name: 'coverage',
		period: 'month',
		dims: ['metric', 'detail'],
		measures: { value: 'count', people: 'people', base: null },
		countsPeople: true
	}
};

/** The documented order of a dimension's values (values not listed follow, sorted). */
export const DIM_ORDER: Record<string, readonly string[]> = {
	method: SIGNATURE_METHODS,
	sector: SECTORS,
	county: COUNTY_NAMES,
	age_band: AGE_BANDS,
	channel: CHANNELS,
	metric: COVERAGE_METRICS,
	detail: [...FLAG_KINDS, ...CASE_OUTCOMES]
};

export function orderValues(dim: string, values: Iterable<string>): string[] {
	const order = DIM_ORDER[dim] ?? [];
	const rank = new Map(order.map((v, i) => [v, i]));
	return [...values].sort((a, b) => {
		const ra = rank.get(a) ?? Infinity;
		const rb = rank.get(b) ?? Infinity;
		return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
	});
}

/** One released figure as the site shows it: a suppressed one has no numbers at all. */
export interface ShownCell {
	value: number | null;
	people: number | null;
	base: number | null;
	suppressed: boolean;
}

/** A question's answer: one row per period (or the whole range) and group value ('*' = all). */
export interface CubeRow {
	/** 'YYYY-MM', 'YYYY', or 'from/to' for totals over the range */
	period: string;
	/** The dataset's dimension values in order ('*' = all). */
	dims: string[];
	cell: ShownCell;
}

export interface CubeAnswer {
	dataset: Dataset;
	group: string | null;
	by: 'period' | 'range';
	periods: string[];
	/** The group's values in order, then '*' (only '*' when not grouped). */
	keys: string[];
	rows: CubeRow[];
}

/** The key of an answer's row: its group value ('*' when not grouped; 'a→b' for pairs). */
export function rowKey(a: CubeAnswer, row: CubeRow): string {
	if (a.group === null) return '*';
	if (a.group === 'pair') return row.dims.join('→');
	return row.dims[SPECS[a.dataset].dims.indexOf(a.group)]!;
}

/** Look-up of an answer's cells by period and key. */
export function answerGrid(a: CubeAnswer): (period: string, key: string) => ShownCell | undefined {
	const grid = new Map<string, ShownCell>();
	for (const r of a.rows) grid.set(`${r.period}\u0001${rowKey(a, r)}`, r.cell);
	return (period, key) => grid.get(`${period}\u0001${key}`);
}
