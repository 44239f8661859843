/**
 * One translator per language, shared by server and browser: i18next's t() fixed to the
 * language, and the date and number formats that go with it (times always in Estonian time).
 */
import i18next, { type TFunction } from 'i18next';
import { formatDate, formatDateTime, formatIsoDate, formatMonth, formatNumber } from '../format';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';
import { resourcesFor } from './messages';

const instance = i18next.createInstance();
void instance.init({
	resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: resourcesFor(l) }])),
	lng: DEFAULT_LOCALE,
	supportedLngs: [...LOCALES],
	fallbackLng: 'en',
	// Resources are in the bundle: initialise synchronously, so t() works at once.
	initAsync: false,
	// Svelte escapes what it renders; escaping here too would show "&amp;".
	interpolation: { escapeValue: false },
	returnNull: false
});

export interface Translator {
	locale: Locale;
	t: TFunction;
	dateTime(t: Date | string | number): string;
	date(t: Date | string | number): string;
	isoDate(date: string): string;
	month(year: number, month: number): string;
	number(n: number): string;
}

const translators = new Map<Locale, Translator>();

/**
 * t() with the answers to plain calls (a key, no options) remembered: a page asks for the
 * same few hundred labels on every render, and each i18next lookup costs some microseconds.
 * Calls with options (counts, values) go to i18next every time.
 */
function memoised(t: TFunction): TFunction {
	const plain = new Map<string, string>();
	const call = t as unknown as (...a: unknown[]) => string;
	const fast = (key: unknown, ...rest: unknown[]) => {
		if (rest.length > 0 || typeof key !== 'string') return call(key, ...rest);
		let text = plain.get(key);
		if (text === undefined) {
			text = call(key);
			plain.set(key, text);
		}
		return text;
	};
	return fast as unknown as TFunction;
}

export function translator(locale: Locale): Translator {
	let tr = translators.get(locale);
	if (!tr) {
		tr = {
			locale,
			t: memoised(instance.getFixedT(locale)),
			dateTime: (t) => formatDateTime(t, locale),
			date: (t) => formatDate(t, locale),
			isoDate: (d) => formatIsoDate(d, locale),
			month: (y, m) => formatMonth(y, m, locale),
			number: (n) => formatNumber(n, locale)
		};
		translators.set(locale, tr);
	}
	return tr;
}
