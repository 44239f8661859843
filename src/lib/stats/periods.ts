/**
 * Periods of released statistics: 'YYYY-MM' months and 'YYYY' years, which sort as text.
 * The current month (or year) is still running when a release is made, so headline figures
 * and default ranges end at the latest full one.
 */

/** The latest period that had ended when the release was made (the last one if none had). */
export function latestFullPeriod(periods: readonly string[], releaseMonth: string, kind: 'month' | 'year'): string | null {
	const running = kind === 'month' ? releaseMonth : releaseMonth.slice(0, 4);
	const ended = periods.filter((p) => p < running);
	return ended[ended.length - 1] ?? periods[periods.length - 1] ?? null;
}

/** The default range: the `count` periods up to and including `last` (fewer when the release has fewer). */
export function defaultRange(periods: readonly string[], last: string | null, count: number): { from: string; to: string } | null {
	if (last === null) return null;
	const upTo = periods.filter((p) => p <= last);
	const chosen = upTo.slice(-count);
	return chosen.length > 0 ? { from: chosen[0]!, to: chosen[chosen.length - 1]! } : null;
}

/** Each year that has all twelve months in the periods, newest first (for "whole year" links). */
export function wholeYears(months: readonly string[]): string[] {
	const count = new Map<string, number>();
	for (const m of months) count.set(m.slice(0, 4), (count.get(m.slice(0, 4)) ?? 0) + 1);
	return [...count].filter(([, n]) => n === 12).map(([y]) => y).sort().reverse();
}
