/**
 * What the statistics pages build the same way: the filter fields, the quick period links,
 * a series' cells, table rows, and the download links of a chart.
 */
import type { Translator } from '$lib/i18n/translator';
import { downloadUrl } from '$lib/stats/catalogue';
import { answerGrid, type CubeAnswer, type Dataset, type ShownCell } from '$lib/stats/datasets';
import { TOTAL } from '$lib/stats/dimensions';
import { figure, periodLabel, valueLabel } from '$lib/stats/text';
import type { FilterField } from './StatsFilters.svelte';

export interface PageQuery {
	from: string;
	to: string;
	filters: Record<string, string>;
}

export function periodFields(tr: Translator, periods: readonly string[], q: PageQuery): FilterField[] {
	const options = periods.map((p) => ({ value: p, label: periodLabel(tr, p) }));
	return [
		{ name: 'from', label: tr.t('stats.filters.from'), value: q.from, options },
		{ name: 'to', label: tr.t('stats.filters.to'), value: q.to, options }
	];
}

export function dimField(tr: Translator, dim: string, values: readonly string[], q: PageQuery, names: Record<string, string> = {}): FilterField {
	return {
		name: dim,
		label: tr.t(`stats.dims.${dim}` as 'stats.title'),
		value: q.filters[dim] ?? TOTAL,
		options: [{ value: TOTAL, label: tr.t('stats.filters.all') }, ...values.map((v) => ({ value: v, label: valueLabel(tr, dim, v, names) }))]
	};
}

/** Links that set the period to a whole year or the default range, keeping the filters. */
export function quickLinks(tr: Translator, path: string, q: PageQuery, years: readonly string[], defaults: { from: string; to: string }) {
	const href = (from: string, to: string) => {
		const p = new URLSearchParams({ from, to });
		for (const [k, v] of Object.entries(q.filters)) p.set(k, v);
		return `${path}?${p}`;
	};
	return [
		{ href: href(defaults.from, defaults.to), label: tr.t('stats.filters.last12'), current: q.from === defaults.from && q.to === defaults.to },
		...years.slice(0, 3).map((y) => ({ href: href(`${y}-01`, `${y}-12`), label: y, current: q.from === `${y}-01` && q.to === `${y}-12` }))
	];
}

/** One series of an answer: the cells of a key in each period. */
export function seriesCells(a: CubeAnswer, key: string): (ShownCell | undefined)[] {
	const at = answerGrid(a);
	return a.periods.map((p) => at(p, key));
}

/** Lines for the series chart: withheld figures as null (gaps). */
export function chartValues(cells: readonly (ShownCell | undefined)[]): (number | null)[] {
	return cells.map((c) => (c && !c.suppressed ? c.value : null));
}

/** A table with a row per period and a column per key of the answer (its value measure). */
export function periodRows(tr: Translator, a: CubeAnswer, keys: readonly string[], min: number) {
	const at = answerGrid(a);
	return a.periods.map((p) => ({
		key: p,
		label: periodLabel(tr, p),
		cells: keys.map((k) => {
			const c = at(p, k);
			return { text: figure(tr, c, 'value', min), suppressed: c?.suppressed ?? false };
		})
	}));
}

/** The columns for an answer's keys. */
export function keyColumns(tr: Translator, dim: string, keys: readonly string[], names: Record<string, string> = {}) {
	return keys.map((k) => ({ key: k, label: valueLabel(tr, dim, k, names) }));
}

/** A chart's downloads: its dataset with the page's period and filters and the chart's group. */
export function downloads(dataset: Dataset, q: PageQuery, group: string | null, extra: Record<string, string> = {}) {
	const params: Record<string, string> = { from: q.from, to: q.to, ...q.filters, group: group ?? 'none', ...extra };
	// The grouped dimension's own filter does not apply to its chart: leave it out of the address.
	if (group) delete params[group];
	return { csv: downloadUrl(dataset, 'csv', params), json: downloadUrl(dataset, 'json', params) };
}
