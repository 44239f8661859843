import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_PEOPLE, TOTAL } from './dimensions';
import { auditRelease, blankSuppressed, suppress, type Cell, type Dataset, type ReleaseCell } from './suppression';

interface Cube {
	dataset: Dataset;
	/** Each used dimension's values (unused dimensions are ''). */
	dims: string[][];
	periods: string[];
	/** People and value per period and innermost combination. */
	figures: (p: number, combo: string[]) => { people: number; value: number; base: number };
}

/** Every combination of the used dimensions' values and '*', margins summed from the inner cells. */
function cubeCells(cube: Cube): Cell[] {
	const choices = [0, 1, 2, 3].map((j) => (cube.dims[j] ? [...cube.dims[j]!, TOTAL] : ['']));
	const cells: Cell[] = [];
	cube.periods.forEach((period, p) => {
		for (const a of choices[0]!)
			for (const b of choices[1]!)
				for (const c of choices[2]!)
					for (const d of choices[3]!) {
						const want = [a, b, c, d];
						let people = 0;
						let value = 0;
						let base = 0;
						for (const inner of innerCombos(cube.dims)) {
							if (!inner.every((v, j) => want[j] === TOTAL || want[j] === v)) continue;
							const f = cube.figures(p, inner);
							people += f.people;
							value += f.value;
							base += f.base;
						}
						cells.push({ dataset: cube.dataset, period, d1: a, d2: b, d3: c, d4: d, value, people, base });
					}
	});
	return cells;
}

function innerCombos(dims: string[][]): string[][] {
	let out: string[][] = [[]];
	for (let j = 0; j < 4; j++) {
		const values = dims[j] ?? [''];
		out = out.flatMap((prefix) => values.map((v) => [...prefix, v]));
	}
	return out;
}

/** Random cubes: 1..4 dimensions of 1..3 values, 1..3 periods, many small counts. */
const cubeArb = (dataset: Dataset) =>
	fc
		.record({
			sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
			periods: fc.integer({ min: 1, max: 3 }),
			seed: fc.integer({ min: 1, max: 2 ** 30 })
		})
		.map(({ sizes, periods, seed }): Cube => {
			let s = seed;
			const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
			const table = new Map<string, { people: number; value: number; base: number }>();
			return {
				dataset,
				dims: sizes.map((n, j) => Array.from({ length: n }, (_, i) => `v${j}${i}`)),
				periods: Array.from({ length: periods }, (_, i) => `2025-0${i + 1}`),
				figures: (p, combo) => {
					const key = `${p}|${combo.join('|')}`;
					let f = table.get(key);
					if (!f) {
						const r = rand();
						const people = r < 0.3 ? 0 : r < 0.7 ? Math.floor(rand() * 12) : Math.floor(rand() * 60);
						const value = people + Math.floor(rand() * 3 * people);
						const base = dataset === 'adoption' ? people + (rand() < 0.4 ? Math.floor(rand() * 12) : Math.floor(rand() * 100)) : 0;
						table.set(key, (f = { people, value: dataset === 'adoption' ? people : value, base }));
					}
					return f;
				}
			};
		});

interface Finding {
	line: string;
	figure: string;
	derived: number;
}

/**
 * An attacker with the published cells only: in every line of every period, one unknown
 * is solved from the line's equation; with several unknowns and the total released, their
 * sum is. Finds a figure when that reveals a count of 1..9 (or any single suppressed cell).
 */
function attack(published: ReleaseCell[]): Finding[] {
	const findings: Finding[] = [];
	const byKey = new Map(published.map((c) => [`${c.period}|${c.d1}|${c.d2}|${c.d3}|${c.d4}`, c]));
	const values = [0, 1, 2, 3].map((j) => new Set(published.map((c) => [c.d1, c.d2, c.d3, c.d4][j]!).filter((v) => v !== TOTAL)));
	for (const c of published) {
		const dims = [c.d1, c.d2, c.d3, c.d4];
		for (let j = 0; j < 4; j++) {
			if (dims[j] !== TOTAL) continue;
			const members = [...values[j]!].flatMap((v) => {
				const m = byKey.get(`${c.period}|${dims.map((d, i) => (i === j ? v : d)).join('|')}`);
				return m ? [m] : [];
			});
			if (members.length === 0) continue;
			const unknown = members.filter((m) => m.suppressed);
			const released = members.filter((m) => !m.suppressed);
			const line = `${c.period}|${dims.join('/')}|dim${j}`;
			if (c.suppressed && unknown.length === 0) findings.push({ line, figure: 'total', derived: released.reduce((s, m) => s + m.people, 0) });
			if (c.suppressed) continue;
			for (const figure of ['people', 'value'] as const) {
				const derived = c[figure] - released.reduce((s, m) => s + m[figure], 0);
				if (unknown.length === 1) findings.push({ line, figure, derived });
				else if (unknown.length > 1 && derived >= 1 && derived < MIN_PEOPLE) findings.push({ line, figure, derived });
			}
		}
	}
		return findings;
}

function checkCube(cube: Cube) {
	const truth = cubeCells(cube);
	const released = suppress(truth);
	expect(auditRelease(released)).toEqual([]);
	const published = blankSuppressed(released);
	expect(auditRelease(published, { stored: true })).toEqual([]);
	const problems: string[] = [];
	// No released cell counts 1..9 people (or, for adoption, leaves 1..9 out).
	for (const c of published.filter((x) => !x.suppressed)) {
		if (c.people >= 1 && c.people < MIN_PEOPLE) problems.push(`released ${c.people} people`);
		if (cube.dataset === 'adoption' && c.base - c.people >= 1 && c.base - c.people < MIN_PEOPLE) problems.push(`released ${c.base - c.people} non-adopters`);
	}
	// The same pattern in every period (adoption's years do not add up: a pattern per year).
	const pattern = new Map<string, boolean>();
	for (const c of published) {
		const key = `${cube.dataset === 'adoption' ? c.period : ''}|${c.d1}|${c.d2}|${c.d3}|${c.d4}`;
		if (pattern.has(key) && pattern.get(key) !== c.suppressed) problems.push(`${key} suppressed in some periods only`);
		pattern.set(key, c.suppressed);
	}
	expect(problems).toEqual([]);
	expect(attack(published)).toEqual([]);
	return released;
}

describe('suppression', () => {
	it('leaves no released count of 1..9 people, no derivable cell, one pattern for all periods (signatures)', () => {
		fc.assert(fc.property(cubeArb('signatures'), (cube) => void checkCube(cube)), { numRuns: 150 });
	}, 30_000);

	it('protects adoption rates at both ends: few adopters and few non-adopters', () => {
		fc.assert(fc.property(cubeArb('adoption'), (cube) => void checkCube(cube)), { numRuns: 100 });
	}, 30_000);

	it('suppresses a small group and its complement, and nothing in a large table', () => {
		const cube: Cube = {
			dataset: 'services',
			dims: [['a', 'b', 'c']],
			periods: ['2025-01', '2025-02'],
			figures: (p, [d1]) => ({ people: d1 === 'a' && p === 1 ? 3 : d1 === 'b' ? 40 : 25, value: d1 === 'b' ? 200 : 100, base: 0 })
		};
		const released = checkCube(cube);
		const suppressedKeys = new Set(released.filter((c) => c.suppressed).map((c) => `${c.period}|${c.d1}`));
		// 'a' is small in February only, so it is suppressed in both months, with the smaller other member 'c'.
		expect([...suppressedKeys].sort()).toEqual(['2025-01|a', '2025-01|c', '2025-02|a', '2025-02|c']);
		const big = suppress(cubeCells({ ...cube, figures: () => ({ people: 50, value: 90, base: 0 }) }));
		expect(big.filter((c) => c.suppressed)).toEqual([]);
	});

	it('gives each adoption year its own pattern: a small first year hides nothing later', () => {
		const cube: Cube = {
			dataset: 'adoption',
			dims: [['a', 'b', 'c']],
			periods: ['2024', '2025'],
			figures: (p, [d1]) => (p === 0 && d1 === 'a' ? { people: 4, value: 4, base: 500 } : { people: 100, value: 100, base: 500 })
		};
		const released = checkCube(cube);
		expect(released.filter((c) => c.period === '2025' && c.suppressed)).toEqual([]);
		expect(released.filter((c) => c.period === '2024' && c.suppressed).map((c) => c.d1).sort()).toEqual(['a', 'b']);
	});

	it('releases zero as zero and never suppresses exchange (it counts no people)', () => {
		const zero = suppress(cubeCells({ dataset: 'signatures', dims: [['a', 'b']], periods: ['2025-01'], figures: () => ({ people: 0, value: 0, base: 0 }) }));
		expect(zero.every((c) => !c.suppressed)).toBe(true);
		const exchange = suppress(cubeCells({ dataset: 'exchange', dims: [['a', 'b']], periods: ['2025-01'], figures: () => ({ people: 0, value: 3, base: 10 }) }));
		expect(exchange.every((c) => !c.suppressed)).toBe(true);
	});

	it('audit catches a release that breaks the rules', () => {
		const cells = suppress(cubeCells({ dataset: 'signatures', dims: [['a', 'b', 'c']], periods: ['2025-01'], figures: (_, [d]) => ({ people: d === 'a' ? 4 : 30, value: 30, base: 0 }) }));
		const broken = cells.map((c) => (c.d1 === 'a' ? c : { ...c, suppressed: false }));
		expect(auditRelease(broken).some((p) => p.includes('one suppressed cell'))).toBe(true);
		const leaked = cells.map((c) => ({ ...c, suppressed: false }));
		expect(auditRelease(leaked).some((p) => p.includes('1..9 people'))).toBe(true);
		expect(auditRelease(cells, { stored: true }).some((p) => p.includes('stores a figure'))).toBe(true);
	});
});
