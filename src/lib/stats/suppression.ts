/**
 * Statistical disclosure control for released statistics: primary suppression of small
 * counts of people, then secondary (complementary) suppression so a suppressed figure
 * cannot be worked back out of the totals released beside it. Pure and browser-safe (the
 * site and tests may run auditRelease on what they read).
 *
 * The cube: a dataset's cells for one period are every combination of its dimensions'
 * values and '*' (the total over that dimension). A LINE is a set of cells that agree on
 * all dimensions but one, that one ranging over its values plus its '*' total, within one
 * period: total = the sum of the others (for counts of events exactly; distinct people
 * almost, a person may fall in two values). Whoever reads a line can subtract the released
 * cells from the total. So, in every line:
 *  - the suppressed cells are 0 or at least 2 (one alone would be the difference), and
 *  - when the total is released, the suppressed cells' combined value and combined people
 *    are 0 or at least MIN_PEOPLE: the difference total − released is then no small figure.
 * Complements are chosen among the line's cells by smallest value (over the whole release:
 * what is lost), repeated until no line needs more: a fixed point, since suppression only
 * grows.
 *
 * Consistency across periods: suppression decides per COMBINATION of dimension values, not
 * per cell: a combination suppressed in one period is suppressed in every period of the
 * release (of a dataset whose periods add up: see PATTERN_PER_PERIOD). Without that, a reader who adds up months could subtract: the yearly total (or
 * any range's) of a combination is the sum of its months, so a month suppressed only in
 * some months is the range total minus the released months; and a combination released in
 * some months but not others tells which months were small. With one pattern, every range
 * of months has the same suppressed combinations, each line of the summed table still has
 * 0 or ≥ 2 of them, and their combined figure over the range is a sum of per-month
 * combined figures that are each 0 or ≥ MIN_PEOPLE, so it is 0 or ≥ MIN_PEOPLE too.
 *
 * Per-line protection is what is guaranteed and audited; it is the standard line rule of
 * cell suppression (each row and column of every two-way slice), checked by auditRelease.
 */
import { MIN_PEOPLE, TOTAL } from './dimensions';

export const DATASETS = ['signatures', 'services', 'adoption', 'exchange', 'coverage'] as const;
export type Dataset = (typeof DATASETS)[number];

/** One figure of the cube, as computed (true, or noisy in a DP release). */
export interface Cell {
	dataset: Dataset;
	period: string;
	d1: string;
	d2: string;
	d3: string;
	d4: string;
	value: number;
	people: number;
	base: number;
}

export interface ReleaseCell extends Cell {
	suppressed: boolean;
}

/** Coverage's metric that counts agencies, not people. */
const NOT_ABOUT_PEOPLE = new Set(['agencies_reporting']);

/**
 * The figures of a cell that must not be a small count of people: its people; for
 * adoption also the people who did NOT adopt (population − people), else a rate of 0 %
 * or 100 % in a small group tells what each of them did. Empty: the cell counts no people.
 */
export function sensitiveCounts(cell: Cell): number[] {
	switch (cell.dataset) {
		case 'exchange':
			return [];
		case 'coverage':
			return NOT_ABOUT_PEOPLE.has(cell.d1) ? [] : [cell.people];
		case 'adoption':
			return [cell.people, Math.max(0, cell.base - cell.people)];
		default:
			return [cell.people];
	}
}

const small = (n: number, min: number) => n >= 1 && n < min;

/** Whether a cell needs primary suppression. */
export function isPrimary(cell: Cell, min = MIN_PEOPLE): boolean {
	return sensitiveCounts(cell).some((n) => small(n, min));
}

const dimsOf = (c: Cell): [string, string, string, string] => [c.d1, c.d2, c.d3, c.d4];
const SEP = '\u0001';
const keyOf = (c: Cell) => `${c.d1}${SEP}${c.d2}${SEP}${c.d3}${SEP}${c.d4}`;

/** A dataset's cells laid out as combinations × periods, figures in flat arrays. */
class Grid<C extends Cell = Cell> {
	readonly comboIds = new Map<string, number>();
	readonly comboDims: string[][] = [];
	readonly periodIds = new Map<string, number>();
	/** Per cell (in the order given): its combination. */
	readonly comboOfCell: Int32Array;
	/** cell index per (period * combos + combo); -1 when absent. */
	readonly cellAt: Int32Array;
	/** Figures per (period * combos + combo); absent cells are zeros. */
	readonly value: Float64Array;
	readonly s0: Float64Array;
	readonly s1: Float64Array;
	/** How many sensitive counts a combination has (0: it counts no people). */
	readonly sensitive: Uint8Array;

	constructor(readonly cells: readonly C[]) {
		this.comboOfCell = new Int32Array(cells.length);
		cells.forEach((c, i) => {
			const key = keyOf(c);
			let id = this.comboIds.get(key);
			if (id === undefined) {
				id = this.comboDims.length;
				this.comboIds.set(key, id);
				this.comboDims.push(dimsOf(c));
			}
			this.comboOfCell[i] = id;
			if (!this.periodIds.has(c.period)) this.periodIds.set(c.period, this.periodIds.size);
		});
		const size = this.combos * this.periods;
		this.cellAt = new Int32Array(size).fill(-1);
		this.value = new Float64Array(size);
		this.s0 = new Float64Array(size);
		this.s1 = new Float64Array(size);
		this.sensitive = new Uint8Array(this.combos);
		cells.forEach((c, i) => {
			const combo = this.comboOfCell[i]!;
			const at = this.periodIds.get(c.period)! * this.combos + combo;
			if (this.cellAt[at] !== -1) throw new Error(`Two cells for ${c.dataset} ${c.period} ${dimsOf(c).join('/')}`);
			this.cellAt[at] = i;
			const counts = sensitiveCounts(c);
			this.sensitive[combo] = counts.length;
			this.value[at] = c.value;
			this.s0[at] = counts[0] ?? 0;
			this.s1[at] = counts[1] ?? 0;
		});
	}

	get combos(): number {
		return this.comboDims.length;
	}
	get periods(): number {
		return this.periodIds.size;
	}
	cell(period: number, combo: number): C | undefined {
		const i = this.cellAt[period * this.combos + combo]!;
		return i === -1 ? undefined : this.cells[i];
	}

	/** Every line: the total's combination and its members', members by ascending weight. */
	lines(weight: (combo: number) => number): Line[] {
		const lines: Line[] = [];
		for (let j = 0; j < 4; j++) {
			const groups = new Map<string, Line>();
			this.comboDims.forEach((dims, id) => {
				const key = dims.map((d, i) => (i === j ? '' : d)).join(SEP);
				let line = groups.get(key);
				if (!line) groups.set(key, (line = { total: -1, members: [] }));
				if (dims[j] === TOTAL) line.total = id;
				else line.members.push(id);
			});
			for (const line of groups.values()) {
				if (line.total === -1 || line.members.length === 0) continue;
				line.members.sort((a, b) => weight(a) - weight(b) || a - b);
				lines.push(line);
			}
		}
		return lines;
	}
}

interface Line {
	total: number;
	members: number[];
}

type Verdict = 'ok' | 'single' | 'small-sum';

/** A line's state in one period under a suppression pattern (true figures of suppressed cells). */
function judgeLine(grid: Grid, line: Line, period: number, suppressed: Uint8Array, min: number): Verdict {
	let k = 0;
	let value = 0;
	let s0 = 0;
	let s1 = 0;
	let sensitive = 0;
	const offset = period * grid.combos;
	for (const m of line.members) {
		if (!suppressed[m]) continue;
		k++;
		const at = offset + m;
		value += grid.value[at]!;
		s0 += grid.s0[at]!;
		s1 += grid.s1[at]!;
		if (grid.sensitive[m]! > sensitive) sensitive = grid.sensitive[m]!;
	}
	if (suppressed[line.total]) return k === 0 ? 'single' : 'ok';
	if (k === 0) return 'ok';
	if (k === 1) return 'single';
	if (sensitive > 0 && (small(value, min) || small(s0, min) || (sensitive > 1 && small(s1, min)))) return 'small-sum';
	return 'ok';
}

/**
 * The release's suppression: every cell with suppressed set. Figures are kept as given
 * (blankSuppressed removes them before anything is stored). Cells of datasets that count
 * no people come back unsuppressed.
 */
export function suppress(cells: readonly Cell[], min = MIN_PEOPLE): ReleaseCell[] {
	const out: ReleaseCell[] = cells.map((c) => ({ ...c, suppressed: false }));
	for (const indices of byDataset(cells).values()) {
		const pattern = suppressionPattern(
			indices.map((i) => cells[i]!),
			min
		);
		if (!pattern) continue;
		indices.forEach((i, n) => (out[i]!.suppressed = pattern.suppressed[pattern.grid.comboOfCell[n]!] === 1));
	}
	return out;
}

/**
 * Datasets whose periods do not add up: adoption counts distinct people per year, and no
 * sum of years is a figure of anything, so nothing is derived across its years and each
 * year gets its own pattern (a small first, partial year need not hide every later one).
 */
const PATTERN_PER_PERIOD: ReadonlySet<Dataset> = new Set(['adoption']);

/** The cells that share one suppression pattern: a dataset's, or a dataset's period's. */
function byDataset(cells: readonly Cell[]): Map<string, number[]> {
	const groups = new Map<string, number[]>();
	cells.forEach((c, i) => {
		const scope = PATTERN_PER_PERIOD.has(c.dataset) ? `${c.dataset} ${c.period}` : c.dataset;
		let g = groups.get(scope);
		if (!g) groups.set(scope, (g = []));
		g.push(i);
	});
	return groups;
}

function suppressionPattern(cells: readonly Cell[], min: number): { grid: Grid; suppressed: Uint8Array } | null {
	if (!cells.some((c) => sensitiveCounts(c).length > 0)) return null;
	const grid = new Grid(cells);
	const suppressed = new Uint8Array(grid.combos);
	// Primary: small in ANY period → suppressed in all (one pattern for the release).
	cells.forEach((c, i) => {
		if (isPrimary(c, min)) suppressed[grid.comboOfCell[i]!] = 1;
	});

	// What suppressing a combination costs: its value over the whole release.
	const weight = new Float64Array(grid.combos);
	cells.forEach((c, i) => (weight[grid.comboOfCell[i]!]! += c.value));
	const lines = grid.lines((id) => weight[id]!);

	// A worklist to the fixed point: every line once, then again each line a new suppression touches.
	const linesOf: number[][] = Array.from({ length: grid.combos }, () => []);
	lines.forEach((line, l) => {
		linesOf[line.total]!.push(l);
		for (const m of line.members) linesOf[m]!.push(l);
	});
	const queued = new Uint8Array(lines.length).fill(1);
	const queue = lines.map((_, l) => l);
	while (queue.length > 0) {
		const l = queue.pop()!;
		queued[l] = 0;
		const line = lines[l]!;
		for (let p = 0; p < grid.periods; p++) {
			for (let verdict = judgeLine(grid, line, p, suppressed, min); verdict !== 'ok'; verdict = judgeLine(grid, line, p, suppressed, min)) {
				const added = complement(grid, line, p, suppressed, verdict);
				suppressed[added] = 1;
				// Every line through it is checked again (this one too: its earlier periods may now sum to a small figure).
				for (const other of linesOf[added]!) {
					if (!queued[other]) {
						queued[other] = 1;
						queue.push(other);
					}
				}
			}
		}
	}
	return { grid, suppressed };
}

/**
 * The next cell to suppress in a failing line: the smallest released member (one that
 * adds to the suppressed sum when the sum is what is too small), else the line's total
 * (once the total is suppressed too, the line's equation has two unknowns on each side).
 */
function complement(grid: Grid, line: Line, period: number, suppressed: Uint8Array, verdict: Verdict): number {
	const offset = period * grid.combos;
	const helps = (m: number) => verdict !== 'small-sum' || grid.value[offset + m]! > 0 || grid.s0[offset + m]! > 0 || grid.s1[offset + m]! > 0;
	for (const m of line.members) if (!suppressed[m] && helps(m)) return m;
	// 'single' with every member suppressed cannot happen (k ≥ 2 then), so the total is released here.
	return line.total;
}

/** What may be stored: suppressed cells keep no figure. */
export function blankSuppressed(cells: readonly ReleaseCell[]): ReleaseCell[] {
	return cells.map((c) => (c.suppressed ? { ...c, value: 0, people: 0, base: 0 } : c));
}

export interface AuditOptions {
	min?: number;
	/** The cells are as stored: suppressed cells must carry no figure (their sums cannot be checked then). */
	stored?: boolean;
}

/**
 * Everything the release promises, checked on its cells; an empty list means it holds.
 * On cells with their true figures (before blanking) it also checks the suppressed
 * cells' combined figures per line.
 */
export function auditRelease(cells: readonly ReleaseCell[], opts: AuditOptions = {}): string[] {
	const min = opts.min ?? MIN_PEOPLE;
	const problems: string[] = [];
	const report = (p: string) => {
		if (problems.length < 50) problems.push(p);
	};
	const name = (c: Cell) => `${c.dataset} ${c.period} ${[c.d1, c.d2, c.d3, c.d4].join('/')}`;
	for (const c of cells) {
		if (!c.suppressed && isPrimary(c, min)) report(`${name(c)}: released with a count of 1..${min - 1} people`);
		if (c.suppressed && opts.stored && (c.value !== 0 || c.people !== 0 || c.base !== 0)) report(`${name(c)}: suppressed but stores a figure`);
		if (c.suppressed && sensitiveCounts(c).length === 0) report(`${name(c)}: suppressed in a dataset that counts no people`);
	}
	for (const indices of byDataset(cells).values()) {
		const part = indices.map((i) => cells[i]!);
		const grid = new Grid(part);
		const dataset = part[0]!.dataset;
		const suppressed = new Uint8Array(grid.combos);
		part.forEach((c, i) => {
			if (c.suppressed) suppressed[grid.comboOfCell[i]!] = 1;
		});
		for (let p = 0; p < grid.periods; p++) {
			for (let id = 0; id < grid.combos; id++) {
				const c = grid.cell(p, id);
				if (!c) report(`${dataset}: combination ${grid.comboDims[id]!.join('/')} missing in a period`);
				else if (c.suppressed !== (suppressed[id] === 1)) report(`${name(c)}: suppressed in some periods only`);
			}
		}
		for (const line of grid.lines(() => 0)) {
			for (let p = 0; p < grid.periods; p++) {
				const verdict = judgeLine(grid, line, p, suppressed, min);
				const total = grid.cell(p, line.total);
				if (verdict === 'single') report(`${total ? name(total) : dataset}: a line with one suppressed cell (derivable)`);
				if (verdict === 'small-sum' && !opts.stored) report(`${total ? name(total) : dataset}: a line whose suppressed cells add up to 1..${min - 1}`);
			}
		}
	}
	return problems;
}
