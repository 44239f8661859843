/**
 * The differentially private release: discrete Laplace noise of scale 1/ε on every figure
 * about people (value and people of each cell of signatures, services, adoption and the
 * people metrics of coverage), clamped at 0 afterwards (post-processing costs no privacy),
 * before the usual suppression. Exchange (messages between organisations) and the count
 * of agencies reporting are about no person and stay exact.
 */
import { laplaceNoise, type Rational } from '$lib/stats/discrete-laplace';
import { TOTAL } from '$lib/stats/dimensions';
import { sensitiveCounts, type Cell, type Dataset } from '$lib/stats/suppression';

/** Datasets whose value IS the people figure: one noisy draw serves both. */
const VALUE_IS_PEOPLE = (c: Cell) => c.dataset === 'adoption' || (c.dataset === 'coverage' && c.d1 === 'citizens_viewed');

const aboutPeople = (c: Cell) => sensitiveCounts(c).length > 0;

export function addNoise(cells: readonly Cell[], epsilon: Rational, noise: () => bigint = laplaceNoise(epsilon)): Cell[] {
	const noisy = (n: number) => Math.max(0, n + Number(noise()));
	return cells.map((c) => {
		if (!aboutPeople(c)) return c;
		const people = noisy(c.people);
		return { ...c, people, value: VALUE_IS_PEOPLE(c) ? people : noisy(c.value) };
	});
}

/**
 * What one person can cost over the whole release under sequential composition: ε times
 * the number of noisy figures one person's data can change by one. Counted per dataset
 * and period from the cube's shape:
 *  - a person has one county and one age band in a period (the register's, the band of the
 *    year), so of those dimensions they touch their value and '*': 2 each;
 *  - of the other dimensions (method, sector; service, channel; flag kind, case outcome)
 *    they may touch every value and '*';
 *  - each touched cell has two noisy figures (value and people), one where value is the
 *    people count (adoption, citizens who looked).
 * A value figure counts events: one event moves it by 1. A person with k events in one
 * cell moves it by k and costs k·ε there, so this bound is per person with one event per
 * cell (event-level for the value figures, person-level for the people figures).
 */
export function epsilonPerPerson(cells: readonly Cell[], epsilon: number): number {
	const byDataset = new Map<Dataset, Cell[]>();
	for (const c of cells) if (aboutPeople(c)) (byDataset.get(c.dataset) ?? byDataset.set(c.dataset, []).get(c.dataset)!).push(c);
	let figures = 0;
	for (const [dataset, part] of byDataset) {
		const periods = new Set(part.map((c) => c.period)).size;
		const valuesOf = (j: 'd1' | 'd2' | 'd3' | 'd4') => new Set(part.map((c) => c[j]).filter((v) => v !== TOTAL)).size;
		let perPeriod = 0;
		switch (dataset) {
			case 'signatures':
			case 'services':
				// d1, d2 free; d3 county and d4 band fixed.
				perPeriod = (valuesOf('d1') + 1) * (valuesOf('d2') + 1) * 2 * 2 * 2;
				break;
			case 'adoption':
				perPeriod = 2 * 2;
				break;
			case 'coverage':
				// One cell per (metric, detail) the person can be in, two figures (one for citizens_viewed).
				perPeriod = part
					.filter((c) => c.period === part[0]!.period)
					.reduce((n, c) => n + (VALUE_IS_PEOPLE(c) ? 1 : 2), 0);
				break;
			default:
				perPeriod = 0;
		}
		figures += perPeriod * periods;
	}
	return figures * epsilon;
}
