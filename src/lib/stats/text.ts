/**
 * The words around released figures, shared by the pages: category and period labels, a
 * figure or "fewer than 10 people", and a series' change from its first period to its last.
 */
import type { Translator } from '$lib/i18n/translator';
import { TOTAL } from './dimensions';
import { percentChange } from './cube';
import type { ShownCell } from './datasets';

const TRANSLATED = new Set(['method', 'sector', 'channel', 'county', 'age_band', 'metric', 'detail']);

/** A dimension value's label: translated categories, named codes (services, members), '*' as "Total". */
export function valueLabel(tr: Pick<Translator, 't'>, dim: string, value: string, names: Record<string, string> = {}): string {
	if (value === TOTAL) return tr.t('stats.table.total');
	if (TRANSLATED.has(dim)) {
		const key = `stats.categories.${dim}.${value}`;
		const text = tr.t(key as 'stats.title');
		return text === key ? value : text;
	}
	return names[value] ?? value;
}

/** 'YYYY-MM' as "May 2025", 'YYYY' as itself, 'a/b' as "a – b". */
export function periodLabel(tr: Pick<Translator, 'month'>, period: string): string {
	const range = period.split('/');
	if (range.length === 2) return `${periodLabel(tr, range[0]!)} – ${periodLabel(tr, range[1]!)}`;
	const m = /^(\d{4})-(\d{2})$/.exec(period);
	return m ? tr.month(Number(m[1]), Number(m[2])) : period;
}

/** A figure as text: the number, or "fewer than 10 people" when it is withheld. */
export function figure(tr: Pick<Translator, 't' | 'number'>, cell: ShownCell | undefined, measure: 'value' | 'people' | 'base', min: number): string {
	if (!cell) return '—';
	if (cell.suppressed) return tr.t('stats.suppressed', { min });
	const v = cell[measure];
	return v === null ? '—' : tr.number(v);
}

/** A percentage with one decimal and its sign ("+12.5 %"), in the language's number format. */
export function signedPercent(tr: Pick<Translator, 'number'>, p: number): string {
	const rounded = Math.round(p * 10) / 10;
	const text = `${tr.number(Math.abs(rounded))}\u00a0%`;
	return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

/** "From X in Jan 2025 to Y in Dec 2025 (+Z %)." for a series of cells over periods. */
export function changeSummary(tr: Translator, periods: readonly string[], cells: readonly (ShownCell | undefined)[], min: number): string {
	if (periods.length === 0) return tr.t('stats.summary.none');
	const first = cells[0];
	const last = cells[cells.length - 1];
	for (const [cell, period] of [
		[first, periods[0]!],
		[last, periods[periods.length - 1]!]
	] as const) {
		if (cell?.suppressed) return tr.t('stats.summary.suppressedEnd', { period: periodLabel(tr, period), min });
	}
	const params = {
		first: tr.number(first?.value ?? 0),
		last: tr.number(last?.value ?? 0),
		firstPeriod: periodLabel(tr, periods[0]!),
		lastPeriod: periodLabel(tr, periods[periods.length - 1]!)
	};
	const change = percentChange(first?.value ?? null, last?.value ?? null);
	return change === null || periods.length < 2 ? tr.t('stats.summary.noChange', params) : tr.t('stats.summary.change', { ...params, change: signedPercent(tr, change) });
}
