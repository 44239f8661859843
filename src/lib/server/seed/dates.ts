/**
 * Calendar arithmetic on day numbers (days since 1970-01-01), so generating millions of
 * birth dates and timestamps needs no Date objects, plus Europe/Tallinn's UTC offset.
 */

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** Day number of a proleptic Gregorian date (month 1-12). */
export function daysFromCivil(y: number, m: number, d: number): number {
	const yy = m <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const mp = (m + 9) % 12; // March = 0
	const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

export interface Civil {
	year: number;
	month: number;
	day: number;
}

/** The date of a day number (inverse of daysFromCivil). */
export function civilFromDays(n: number): Civil {
	const z = n + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** 'YYYY-MM-DD' of a day number. */
export function isoDate(n: number): string {
	const c = civilFromDays(n);
	return `${c.year}-${pad2(c.month)}-${pad2(c.day)}`;
}

/** Day number of a 'YYYY-MM-DD' string (no validation: callers pass what isoDate made). */
export function parseIsoDate(s: string): number {
	return daysFromCivil(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(n: number): number {
	return (((n + 4) % 7) + 7) % 7;
}

function lastSunday(year: number, month: number): number {
	const last = daysFromCivil(year, month + 1, 1) - 1; // month 12 is not needed here
	return last - weekday(last);
}

/**
 * Tallinn's UTC offset in hours on a local calendar day: EET (+2), EEST (+3) from the last
 * Sunday of March to the last Sunday of October. The switch happens at night, so using
 * one offset for the whole day misplaces only a few night-time hours twice a year.
 */
export function tallinnOffsetHours(n: number): number {
	const { year, month } = civilFromDays(n);
	if (month > 3 && month < 10) return 3;
	if (month === 3) return n >= lastSunday(year, 3) ? 3 : 2;
	if (month === 10) return n < lastSunday(year, 10) ? 3 : 2;
	return 2;
}

/** The UTC instant (ms) of local midnight in Tallinn on day n. */
export function tallinnMidnightUtc(n: number): number {
	return n * DAY_MS - tallinnOffsetHours(n) * HOUR_MS;
}

/** The Tallinn local calendar day of a UTC instant. */
export function tallinnDay(ms: number): number {
	const n = Math.floor(ms / DAY_MS);
	// Local time is ahead of UTC, so the local day is n or n + 1.
	return ms >= tallinnMidnightUtc(n + 1) ? n + 1 : n;
}

/** RFC 3339 in UTC with milliseconds (off the hot path; the event generator formats its own). */
export function rfc3339(ms: number): string {
	return new Date(ms).toISOString();
}
