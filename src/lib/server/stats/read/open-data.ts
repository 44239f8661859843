/**
 * Open data: an answer as CSV or JSON, one row per period and group value. Columns: the
 * release, the period, the dataset's dimensions ('*' = all), names where codes need them,
 * its counts, and `suppressed`. A suppressed figure is an empty field in CSV and null in
 * JSON, never a number. Sums over a range (by=range) carry no people column (people are not
 * additive over months).
 */
import { stringify } from 'csv-stringify/sync';
import { SPECS, type CubeAnswer } from '$lib/stats/datasets';
import type { PublicRelease } from '$lib/stats/release-info';
import type { ReleaseInfo } from './release';

export type OpenRow = Record<string, string | number | boolean | null>;

/** Extra name columns: per column name, the dimension it names and the names. */
export type NameColumns = Record<string, { dim: string; names: Record<string, string> }>;

export function openColumns(answer: CubeAnswer, names: NameColumns = {}): string[] {
	const spec = SPECS[answer.dataset];
	const cols = ['release_id', 'period', ...spec.dims, ...Object.keys(names), spec.measures.value];
	if (spec.measures.people && answer.by === 'period') cols.push(spec.measures.people);
	if (spec.measures.base) cols.push(spec.measures.base);
	if (answer.dataset === 'adoption') cols.push('rate');
	cols.push('suppressed');
	return cols;
}

export function openRows(answer: CubeAnswer, release: ReleaseInfo, names: NameColumns = {}): OpenRow[] {
	const spec = SPECS[answer.dataset];
	const cols = new Set(openColumns(answer, names));
	return answer.rows.map((r) => {
		const row: OpenRow = { release_id: release.release_id, period: r.period };
		spec.dims.forEach((d, i) => (row[d] = r.dims[i]!));
		for (const [col, n] of Object.entries(names)) {
			const v = r.dims[spec.dims.indexOf(n.dim)]!;
			row[col] = v === '*' ? '' : (n.names[v] ?? v);
		}
		row[spec.measures.value] = r.cell.value;
		if (spec.measures.people && cols.has(spec.measures.people)) row[spec.measures.people] = r.cell.people;
		if (spec.measures.base) row[spec.measures.base] = r.cell.base;
		if (answer.dataset === 'adoption') row.rate = adoptionRate(r.cell.value, r.cell.base);
		row.suppressed = r.cell.suppressed;
		return row;
	});
}

/** People who signed or used an e-service per person in the population (0..1, 4 decimals), or null. */
export function adoptionRate(value: number | null, base: number | null): number | null {
	if (value === null || base === null || base === 0) return null;
	return Math.round((value / base) * 10_000) / 10_000;
}

export function releaseJson(release: ReleaseInfo): PublicRelease {
	return {
		release_id: release.release_id,
		created_at: release.created_at,
		method: release.method,
		min_people: release.min_people,
		epsilon: release.method === 'dp' ? release.epsilon : null,
		epsilon_per_person: release.method === 'dp' ? release.epsilon_per_person : null
	};
}

export function csvBody(answer: CubeAnswer, release: ReleaseInfo, names: NameColumns = {}): string {
	const columns = openColumns(answer, names);
	const rows = openRows(answer, release, names).map((r) => columns.map((c) => (r[c] === null ? '' : r[c])));
	return stringify(rows, { header: true, columns, cast: { boolean: (b) => (b ? 'true' : 'false') } });
}

export function jsonBody(answer: CubeAnswer, release: ReleaseInfo, query: Record<string, unknown>, names: NameColumns = {}) {
	return {
		release: releaseJson(release),
		dataset: answer.dataset,
		query,
		columns: openColumns(answer, names),
		rows: openRows(answer, release, names)
	};
}
