/**
 * The interface language of a request: `?lang=et|en|ru` (remembered in a cookie for a
 * year), else the remembered choice, else the browser's Accept-Language, else Estonian.
 */
import type { Cookies } from '@sveltejs/kit';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, negotiateLocale, type Locale } from '$lib/i18n/locales';

const YEAR_S = 365 * 24 * 60 * 60;

export function requestLocale(url: URL, cookies: Cookies, acceptLanguage: string | null): Locale {
	const asked = url.searchParams.get('lang');
	if (isLocale(asked)) {
		if (cookies.get(LOCALE_COOKIE) !== asked) {
			cookies.set(LOCALE_COOKIE, asked, { path: '/', maxAge: YEAR_S, httpOnly: false, sameSite: 'lax', secure: url.protocol === 'https:' });
		}
		return asked;
	}
	const remembered = cookies.get(LOCALE_COOKIE);
	if (isLocale(remembered)) return remembered;
	return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}
