/**
 * A dataset's released cells held in memory, and the one way the site asks them questions:
 * fix each dimension to a value or to all ('*'), optionally break one dimension out by its
 * values, over a range of periods, per period or summed over the range. Nothing is
 * estimated: a released cell is read as it is; a combination absent from a release is not
 * published (withheld like a suppressed cell); a suppressed cell stays without numbers, and
 * so does any sum that includes one.
 */
import { TOTAL } from './dimensions';
import { orderValues, SPECS, type CubeAnswer, type CubeRow, type Dataset, type ShownCell } from './datasets';

export interface ReleasedCell {
	period: string;
	d1: string;
	d2: string;
	d3: string;
	d4: string;
	value: number;
	people: number;
	base: number;
	suppressed: boolean;
}

export interface CubeQuery {
	from: string;
	to: string;
	/** Per dimension name: a value, or '*' (absent = '*'). */
	filters: Record<string, string>;
	/**
	 * A dimension to break out by its values (its own filter is then ignored), PAIR for every
	 * released pair of values of a two-dimension dataset (exchange: client and service), or null.
	 */
	group: string | null;
	/** 'period': one row per period; 'range': one row per group value, summed over the range. */
	by: 'period' | 'range';
}

const SEP = '\u0001';
const WITHHELD: ShownCell = { value: null, people: null, base: null, suppressed: true };
/** The group that breaks a two-dimension dataset out by both dimensions at once. */
export const PAIR = 'pair';

export class CellIndex {
	readonly dataset: Dataset;
	/** Periods with cells, ascending. */
	readonly periods: string[];
	/** Per dimension name: its released values (not '*'), in the documented order. */
	readonly values: Record<string, string[]>;
	/** Released pairs of values of the first two dimensions (neither '*'), as 'a SEP b'. */
	private readonly pairs = new Set<string>();
	private readonly at = new Map<string, ShownCell>();

	constructor(dataset: Dataset, cells: readonly ReleasedCell[]) {
		this.dataset = dataset;
		const spec = SPECS[dataset];
		const periods = new Set<string>();
		const seen = spec.dims.map(() => new Set<string>());
		for (const c of cells) {
			periods.add(c.period);
			const dims = [c.d1, c.d2, c.d3, c.d4];
			spec.dims.forEach((_, i) => {
				if (dims[i] !== TOTAL) seen[i]!.add(dims[i]!);
			});
			if (spec.dims.length === 2 && c.d1 !== TOTAL && c.d2 !== TOTAL) this.pairs.add(c.d1 + SEP + c.d2);
			this.at.set(
				[c.period, ...dims.slice(0, spec.dims.length)].join(SEP),
				c.suppressed
					? { value: null, people: null, base: null, suppressed: true }
					: { value: c.value, people: spec.measures.people ? c.people : null, base: spec.measures.base ? c.base : null, suppressed: false }
			);
		}
		this.periods = [...periods].sort();
		this.values = Object.fromEntries(spec.dims.map((d, i) => [d, orderValues(d, seen[i]!)]));
	}

	/**
	 * The released cell. A release holds every combination it publishes in every period
	 * (zeros included), so one it has no cell for is a detail it does not publish (method
	 * with county, say, where signatures come as two tables): withheld, never a zero.
	 */
	cell(period: string, dims: readonly string[]): ShownCell {
		return this.at.get([period, ...dims].join(SEP)) ?? WITHHELD;
	}

	/** The periods of the release within from..to (both included; same format as the periods). */
	periodsBetween(from: string, to: string): string[] {
		return this.periods.filter((p) => p >= from && p <= to);
	}

	answer(q: CubeQuery): CubeAnswer {
		const spec = SPECS[this.dataset];
		const periods = this.periodsBetween(q.from, q.to);
		if (q.group === PAIR) return this.pairAnswer(q, periods);
		const gi = q.group ? spec.dims.indexOf(q.group) : -1;
		const dimsFor = (key: string) => spec.dims.map((d, i) => (i === gi ? key : (q.filters[d] ?? TOTAL)));
		// A group's values are those released with the other dimensions as asked (coverage's
		// details differ by metric); a value released with none of them is not a row.
		const released = (key: string) => periods.some((p) => this.at.has([p, ...dimsFor(key)].join(SEP)));
		const keys = q.group ? [...(this.values[q.group] ?? []).filter(released), TOTAL] : [TOTAL];
		const rows: CubeRow[] = [];
		if (q.by === 'period') {
			for (const period of periods) for (const key of keys) rows.push({ period, dims: dimsFor(key), cell: this.cell(period, dimsFor(key)) });
		} else if (periods.length > 0) {
			const range = `${periods[0]}/${periods[periods.length - 1]}`;
			for (const key of keys) {
				const dims = dimsFor(key);
				rows.push({ period: range, dims, cell: sumCells(periods.map((p) => this.cell(p, dims)), spec.measures.base !== null) });
			}
		}
		return { dataset: this.dataset, group: q.group, by: q.by, periods: q.by === 'period' ? periods : rows.slice(0, 1).map((r) => r.period), keys, rows };
	}

	/** Every released pair (filters narrow either side), largest value over the range first. */
	private pairAnswer(q: CubeQuery, periods: string[]): CubeAnswer {
		const spec = SPECS[this.dataset];
		const [a, b] = spec.dims as [string, string];
		let pairs = [...this.pairs]
			.map((p) => p.split(SEP) as [string, string])
			.filter(([x]) => (q.filters[a] ?? TOTAL) === TOTAL || q.filters[a] === x)
			.filter(([, y]) => (q.filters[b] ?? TOTAL) === TOTAL || q.filters[b] === y);
		const hasBase = spec.measures.base !== null;
		const totals = new Map(pairs.map((p) => [p.join(SEP), sumCells(periods.map((period) => this.cell(period, p)), hasBase)]));
		// A pair with nothing between them in the range is no flow.
		pairs = pairs.filter((p) => totals.get(p.join(SEP))!.value !== 0);
		pairs.sort((p1, p2) => (totals.get(p2.join(SEP))!.value ?? -1) - (totals.get(p1.join(SEP))!.value ?? -1) || (p1.join(SEP) < p2.join(SEP) ? -1 : 1));
		const rows: CubeRow[] = [];
		if (q.by === 'period') {
			for (const period of periods) for (const p of pairs) rows.push({ period, dims: [...p], cell: this.cell(period, p) });
		} else if (periods.length > 0) {
			const range = `${periods[0]}/${periods[periods.length - 1]}`;
			for (const p of pairs) rows.push({ period: range, dims: [...p], cell: totals.get(p.join(SEP))! });
		}
		return { dataset: this.dataset, group: PAIR, by: q.by, periods: q.by === 'period' ? periods : rows.slice(0, 1).map((r) => r.period), keys: pairs.map((p) => p.join('→')), rows };
	}
}

/**
 * A sum over periods: values and bases add up; people do not (the same person may be in
 * several months), so a sum has none. Any suppressed part makes the sum suppressed (the
 * suppression pattern is the same in every period, so then every part is).
 */
export function sumCells(cells: readonly ShownCell[], hasBase: boolean): ShownCell {
	if (cells.some((c) => c.suppressed)) return { value: null, people: null, base: null, suppressed: true };
	return {
		value: cells.reduce((s, c) => s + (c.value ?? 0), 0),
		people: null,
		base: hasBase ? cells.reduce((s, c) => s + (c.base ?? 0), 0) : null,
		suppressed: false
	};
}

/** Change from the first to the last period of a series, in per cent (null when it cannot be said). */
export function percentChange(first: number | null, last: number | null): number | null {
	if (first === null || last === null || first === 0) return null;
	return ((last - first) / first) * 100;
}
