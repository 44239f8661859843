/**
 * Strict RFC 3339 date-times (2026-01-31T10:20:30.123+02:00): a real calendar date, hours
 * 00-23, an explicit offset (Z or ±hh:mm). Date.parse alone accepts 2026-02-30 and 24:00,
 * which the database would then store as another day or refuse. Parsed by hand: it runs
 * for every event ingested.
 */

import { digitsAt as digits } from './digits';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Milliseconds since the epoch, or null when the text is not a valid RFC 3339 date-time. */
export function parseRfc3339(s: string): number | null {
	if (s.length < 20 || s.length > 35) return null;
	if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return null;
	const year = digits(s, 0, 4);
	const month = digits(s, 5, 7);
	const day = digits(s, 8, 10);
	const hour = digits(s, 11, 13);
	const minute = digits(s, 14, 16);
	const second = digits(s, 17, 19);
	if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
		return null;
	}
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	if (day > (month === 2 && leap ? 29 : DAYS[month - 1]!)) return null;

	let i = 19;
	let ms = 0;
	if (s[i] === '.') {
		const start = ++i;
		while (i < s.length && i - start < 9 && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
		if (i === start) return null;
		// Milliseconds: the first three digits, truncated like ClickHouse's DateTime64(3).
		const n = Math.min(3, i - start);
		ms = digits(s, start, start + n) * (n === 1 ? 100 : n === 2 ? 10 : 1);
	}
	let offsetMinutes = 0;
	if (s[i] === 'Z' && i + 1 === s.length) {
		offsetMinutes = 0;
	} else if ((s[i] === '+' || s[i] === '-') && i + 6 === s.length && s[i + 3] === ':') {
		const oh = digits(s, i + 1, i + 3);
		const om = digits(s, i + 4, i + 6);
		if (oh < 0 || oh > 23 || om < 0 || om > 59) return null;
		offsetMinutes = (s[i] === '-' ? -1 : 1) * (oh * 60 + om);
	} else {
		return null;
	}
	return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}
