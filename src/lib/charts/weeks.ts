/**
 * Calendar weeks (Monday to Sunday, Estonian time) as the official's profile counts them,
 * shared by server and browser: a week is named by its Monday, 'YYYY-MM-DD'. Plain calendar
 * arithmetic on dates (no instants), so daylight saving time cannot shift a day.
 */
import { wallTime } from '../format';
import { monthKey, type Month } from './months';

const DAY_MS = 86_400_000;

function toDayNumber(day: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!m) throw new Error(`not a YYYY-MM-DD date: ${day}`);
	return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

function fromDayNumber(n: number): string {
	return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week a day falls in. */
export function mondayOf(day: string): string {
	const n = toDayNumber(day);
	// Day 0 (1970-01-01) was a Thursday: Monday is 3 days before it.
	const sinceMonday = (((n + 3) % 7) + 7) % 7;
	return fromDayNumber(n - sinceMonday);
}

/** The Mondays of every week from the one holding `from` to the one holding `to`, both included. */
export function weeksBetween(from: string, to: string): string[] {
	const out: string[] = [];
	for (let n = toDayNumber(mondayOf(from)), end = toDayNumber(mondayOf(to)); n <= end; n += 7) out.push(fromDayNumber(n));
	return out;
}

/** The last day of a month, YYYY-MM-DD. */
export function lastDayOf(m: Month): string {
	return fromDayNumber(Math.floor(Date.UTC(m.year, m.month, 1) / DAY_MS) - 1);
}

export function firstDayOf(m: Month): string {
	return `${monthKey(m)}-01`;
}

/** The calendar day an instant falls on, in Estonian time. */
export function tallinnDay(instant: Date): string {
	const w = wallTime(instant);
	return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The earlier of two YYYY-MM-DD days. */
export function earlierDay(a: string, b: string): string {
	return a <= b ? a : b;
}
