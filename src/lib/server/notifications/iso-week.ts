/**
 * ISO 8601 weeks (Monday to Sunday) on the Tallinn calendar, for the weekly digest: a week
 * is written 2026-W05, and it is over at the Monday midnight that follows it, Estonian time.
 */
import { wallTime, zoneDayStart, type CivilDate } from '../../format';

/** A week as ISO 8601 writes it: 2026-W05. Such keys sort in time order as strings. */
export type WeekKey = string;

const DAY_MS = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

function civilUtc(d: CivilDate): Date {
	return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

function toCivil(d: Date): CivilDate {
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Monday = 0 ... Sunday = 6. */
function weekday(d: Date): number {
	return (d.getUTCDay() + 6) % 7;
}

/** The ISO week of a calendar date: the week's Thursday decides its year. */
export function isoWeekOfDate(date: CivilDate): WeekKey {
	const d = civilUtc(date);
	const thursday = new Date(d.getTime() + (3 - weekday(d)) * DAY_MS);
	const year = thursday.getUTCFullYear();
	const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
	return `${year}-W${pad2(week)}`;
}

/** The ISO week an instant falls in, on the Tallinn calendar. */
export function isoWeekAt(instant: Date): WeekKey {
	const w = wallTime(instant);
	return isoWeekOfDate({ year: w.year, month: w.month, day: w.day });
}

/** The Monday that starts a week. */
export function weekMonday(week: WeekKey): CivilDate {
	const m = /^(\d{4})-W(\d{2})$/.exec(week);
	if (!m) throw new RangeError(`not an ISO week: ${week}`);
	const year = Number(m[1]);
	const jan4 = new Date(Date.UTC(year, 0, 4));
	const mondayOfWeek1 = jan4.getTime() - weekday(jan4) * DAY_MS;
	return toCivil(new Date(mondayOfWeek1 + (Number(m[2]) - 1) * 7 * DAY_MS));
}

function isoDate(d: CivilDate): string {
	return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

function plusDays(d: CivilDate, days: number): CivilDate {
	return toCivil(new Date(civilUtc(d).getTime() + days * DAY_MS));
}

/** The week's first and last day (YYYY-MM-DD) and its bounds as instants: [start, end). */
export function weekBounds(week: WeekKey): { firstDay: string; lastDay: string; start: Date; end: Date } {
	const monday = weekMonday(week);
	return {
		firstDay: isoDate(monday),
		lastDay: isoDate(plusDays(monday, 6)),
		start: zoneDayStart(isoDate(monday)),
		end: zoneDayStart(isoDate(plusDays(monday, 7)))
	};
}

export function nextWeek(week: WeekKey): WeekKey {
	return isoWeekOfDate(plusDays(weekMonday(week), 7));
}

/** The newest week that is over at `now` (Tallinn time): the one before now's week. */
export function lastCompletedWeek(now: Date): WeekKey {
	const w = wallTime(now);
	return isoWeekOfDate(plusDays({ year: w.year, month: w.month, day: w.day }, -7));
}

/**
 * The weeks whose digests are due at `now`, oldest first, after `done` (the last week
 * already digested): at most `max`, so a server that was down for long catches up on
 * the latest weeks only.
 */
export function dueWeeks(done: WeekKey, now: Date, max = 4): WeekKey[] {
	const last = lastCompletedWeek(now);
	const out: WeekKey[] = [];
	for (let w = last; w > done && out.length < max; w = previousWeek(w)) out.unshift(w);
	return out;
}

function previousWeek(week: WeekKey): WeekKey {
	return isoWeekOfDate(plusDays(weekMonday(week), -7));
}
