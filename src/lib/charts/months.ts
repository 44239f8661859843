/**
 * Calendar months as the overview counts them (Estonian time), shared by server and browser:
 * 'YYYY-MM' keys, month arithmetic, and the month an instant falls in.
 */
import { wallTime } from '../format';

export interface Month {
	year: number;
	/** 1-12 */
	month: number;
}

/** The earliest month an event can be in (ingestion refuses events before 2000-01-01). */
export const FIRST_MONTH: Month = { year: 2000, month: 1 };

export function monthKey(m: Month): string {
	return `${String(m.year).padStart(4, '0')}-${String(m.month).padStart(2, '0')}`;
}

/** A month written YYYY-MM (years 1900-2299, as dates elsewhere), or null. */
export function parseMonthKey(value: string): Month | null {
	const m = /^(\d{4})-(\d{2})$/.exec(value);
	if (!m) return null;
	const year = Number(m[1]);
	const month = Number(m[2]);
	if (month < 1 || month > 12 || year < 1900 || year > 2299) return null;
	return { year, month };
}

/** Months since year 0: a plain number to compare and subtract. */
export function monthIndex(m: Month): number {
	return m.year * 12 + (m.month - 1);
}

export function fromMonthIndex(i: number): Month {
	return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

export function addMonths(m: Month, n: number): Month {
	return fromMonthIndex(monthIndex(m) + n);
}

export function compareMonths(a: Month, b: Month): number {
	return monthIndex(a) - monthIndex(b);
}

/** Every month from `from` to `to`, both included (empty when `to` is before `from`). */
export function monthsBetween(from: Month, to: Month): Month[] {
	const out: Month[] = [];
	for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(fromMonthIndex(i));
	return out;
}

/** The month an instant falls in, in Estonian time. */
export function tallinnMonth(instant: Date): Month {
	const w = wallTime(instant);
	return { year: w.year, month: w.month };
}

/** The first day of a month as YYYY-MM-DD (for zoneDayStart). */
export function firstDay(m: Month): string {
	return `${monthKey(m)}-01`;
}
