/**
 * Formatting shared by server and browser: times in Estonian time (Europe/Tallinn), numbers,
 * data-category labels, and Tallinn calendar days as UTC instants for queries.
 * Output does not depend on the machine's time zone or locale data quirks (ICU spells
 * September "Sept" in en-GB on some versions), so server and browser render the same text.
 */

import { INTL_TAGS, type Locale } from './i18n/locales';

export const TIME_ZONE = 'Europe/Tallinn';

/**
 * Short month names as each language writes them in a date (Russian in the genitive: "26
 * нояб."); fixed tables, because ICU versions differ ("Sept", "sept.") between Node and
 * browsers.
 */
const MONTHS: Record<Locale, readonly string[]> = {
	en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
	et: ['jaan', 'veebr', 'märts', 'apr', 'mai', 'juuni', 'juuli', 'aug', 'sept', 'okt', 'nov', 'dets'],
	ru: ['янв.', 'февр.', 'марта', 'апр.', 'мая', 'июня', 'июля', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.']
};

/** Full month names for a month on its own ("May 2026"), nominative. */
const MONTHS_LONG: Record<Locale, readonly string[]> = {
	en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
	et: ['jaanuar', 'veebruar', 'märts', 'aprill', 'mai', 'juuni', 'juuli', 'august', 'september', 'oktoober', 'november', 'detsember'],
	ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь']
};

/** A day, month and year as each language writes them: "26 Nov 2026", "26. nov 2026", "26 нояб. 2026 г.". */
function dayMonthYear(day: number, month: number, year: number, locale: Locale): string {
	const m = MONTHS[locale][month - 1];
	if (locale === 'et') return `${day}. ${m} ${year}`;
	if (locale === 'ru') return `${day} ${m} ${year}\u00a0г.`;
	return `${day} ${m} ${year}`;
}

interface WallTime {
	year: number;
	month: number; // 1-12
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallFormatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
			hourCycle: 'h23'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** The wall-clock time at an instant, read from the time zone database (slow: a formatter call). */
function wallTimeFromZoneData(instant: Date, timeZone: string): WallTime {
	const out: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
	for (const p of wallFormatter(timeZone).formatToParts(instant)) {
		if (p.type === 'year' || p.type === 'month' || p.type === 'day' || p.type === 'hour' || p.type === 'minute' || p.type === 'second') {
			out[p.type] = Number(p.value);
		}
	}
	if (out.hour === 24) out.hour = 0; // some engines render midnight as 24 even with h23
	return out;
}

function offsetFromZoneData(ms: number, timeZone: string): number {
	const w = wallTimeFromZoneData(new Date(ms), timeZone);
	return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

const DAY_MS = 86_400_000;
/**
 * Per zone and UTC day, the offset in force the whole day, or null for a day on which it
 * changes. A timeline page formats dozens of times; a formatter call each costs more than
 * the rest of the page's rows together.
 */
const dayOffsets = new Map<string, Map<number, number | null>>();

/** The zone's offset from UTC at an instant, in milliseconds (Tallinn: +2 h winter, +3 h summer). */
export function zoneOffsetMs(instant: Date, timeZone: string = TIME_ZONE): number {
	const ms = instant.getTime();
	if (!Number.isFinite(ms)) return offsetFromZoneData(ms, timeZone); // throws, as the formatter does
	let days = dayOffsets.get(timeZone);
	if (!days) dayOffsets.set(timeZone, (days = new Map()));
	const day = Math.floor(ms / DAY_MS);
	let offset = days.get(day);
	if (offset === undefined) {
		const first = offsetFromZoneData(day * DAY_MS, timeZone);
		offset = first === offsetFromZoneData(day * DAY_MS + DAY_MS - 1000, timeZone) ? first : null;
		if (days.size >= 100_000) days.clear();
		days.set(day, offset);
	}
	return offset ?? offsetFromZoneData(ms, timeZone);
}

/** The wall-clock time in a time zone at an instant. */
export function wallTime(instant: Date, timeZone: string = TIME_ZONE): WallTime {
	const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + zoneOffsetMs(instant, timeZone));
	return {
		year: local.getUTCFullYear(),
		month: local.getUTCMonth() + 1,
		day: local.getUTCDate(),
		hour: local.getUTCHours(),
		minute: local.getUTCMinutes(),
		second: local.getUTCSeconds()
	};
}

function toDate(t: Date | string | number): Date {
	return t instanceof Date ? t : new Date(t);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "26 Nov 2026, 14:05" in Estonian time (per language: "26. nov 2026, 14:05"). */
export function formatDateTime(t: Date | string | number, locale: Locale = 'en', timeZone: string = TIME_ZONE): string {
	const w = wallTime(toDate(t), timeZone);
	return `${dayMonthYear(w.day, w.month, w.year, locale)}, ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** "26 Nov 2026" in Estonian time. */
export function formatDate(t: Date | string | number, locale: Locale = 'en', timeZone: string = TIME_ZONE): string {
	const w = wallTime(toDate(t), timeZone);
	return dayMonthYear(w.day, w.month, w.year, locale);
}

/** A YYYY-MM-DD calendar date as "26 Nov 2026" (no time zone involved). */
export function formatIsoDate(date: string, locale: Locale = 'en'): string {
	const d = parseIsoDate(date);
	return d ? dayMonthYear(d.day, d.month, d.year, locale) : date;
}

/** A month on its own: "May 2026", "mai 2026", "май 2026". `month` is 1-12. */
export function formatMonth(year: number, month: number, locale: Locale = 'en'): string {
	return `${MONTHS_LONG[locale][month - 1]} ${year}`;
}

/** The Tallinn calendar day of an instant, as YYYY-MM-DD. */
export function tallinnIsoDate(t: Date | string | number, timeZone: string = TIME_ZONE): string {
	const w = wallTime(toDate(t), timeZone);
	return `${String(w.year).padStart(4, '0')}-${pad2(w.month)}-${pad2(w.day)}`;
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/** 1234 → "1,234" (en), "1 234" (et, ru). */
export function formatNumber(n: number, locale: Locale = 'en'): string {
	let f = numberFormats.get(locale);
	if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(INTL_TAGS[locale])));
	return f.format(n);
}

const categoryLabels = new Map<string, string>();

/** 'contact.address' → 'contact: address'; 'family.relations' → 'family: relations'. */
export function categoryLabel(category: string): string {
	let label = categoryLabels.get(category);
	if (label === undefined) {
		const parts = category
			.split('.')
			.map((p) => p.replace(/[_-]+/g, ' ').trim())
			.filter((p) => p !== '');
		label = parts.length === 0 ? category : parts.length === 1 ? parts[0]! : `${parts[0]}: ${parts.slice(1).join(' ')}`;
		// Categories are a small vocabulary; the bound only guards against a flood of odd ones.
		if (categoryLabels.size >= 10_000) categoryLabels.clear();
		categoryLabels.set(category, label);
	}
	return label;
}

export interface CivilDate {
	year: number;
	month: number; // 1-12
	day: number;
}

/** A real calendar date written YYYY-MM-DD, or null. */
export function parseIsoDate(value: string): CivilDate | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!m) return null;
	const year = Number(m[1]);
	const month = Number(m[2]);
	const day = Number(m[3]);
	if (month < 1 || month > 12 || day < 1) return null;
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (day > days || year < 1900 || year > 2299) return null;
	return { year, month, day };
}

/**
 * The instant a local calendar day starts in a time zone (Tallinn by default), e.g.
 * '2026-01-15' → 2026-01-14T22:00:00Z, '2026-07-15' → 2026-07-14T21:00:00Z. The offset is
 * looked up for that date, never assumed. Throws on an invalid date.
 */
export function zoneDayStart(date: string, timeZone: string = TIME_ZONE): Date {
	const d = parseIsoDate(date);
	if (!d) throw new Error(`not a YYYY-MM-DD date: ${date}`);
	return civilDayStart(Date.UTC(d.year, d.month - 1, d.day), timeZone);
}

/** The instant the next local day starts: the exclusive end of `date` (its last moment included). */
export function zoneDayEnd(date: string, timeZone: string = TIME_ZONE): Date {
	const d = parseIsoDate(date);
	if (!d) throw new Error(`not a YYYY-MM-DD date: ${date}`);
	return civilDayStart(Date.UTC(d.year, d.month - 1, d.day + 1), timeZone);
}

/** `wallMidnight`: the local day's midnight written as if it were UTC. */
function civilDayStart(wallMidnight: number, timeZone: string): Date {
	// Guess with the offset at that wall time read as UTC, then correct once: offsets
	// change by at most an hour or two, and Tallinn never changes them at midnight.
	const guess = wallMidnight - zoneOffsetMs(new Date(wallMidnight), timeZone);
	return new Date(wallMidnight - zoneOffsetMs(new Date(guess), timeZone));
}
