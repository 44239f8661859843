/**
 * The interface languages: Estonian (the default: an Estonian public service), English and
 * Russian. Shared by server and browser.
 */
export const LOCALES = ['et', 'en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'et';

/** The cookie that remembers a `?lang=` choice. */
export const LOCALE_COOKIE = 'peegel_lang';

/** Each language's name in itself, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { et: 'Eesti', en: 'English', ru: 'Русский' };

/** BCP 47 tags for Intl (numbers, plural rules). */
export const INTL_TAGS: Record<Locale, string> = { et: 'et-EE', en: 'en-GB', ru: 'ru-RU' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best interface language for an Accept-Language header (RFC 9110 § 12.5.4): the
 * highest-weighted tag whose primary language we have; ties keep the header's order.
 */
export function negotiateLocale(header: string | null | undefined): Locale | null {
	if (!header) return null;
	let best: { locale: Locale; q: number; at: number } | null = null;
	header.split(',').forEach((part, at) => {
		const [tag, ...params] = part.trim().split(';');
		const primary = tag?.trim().toLowerCase().split('-')[0];
		if (!isLocale(primary)) return;
		let q = 1;
		for (const p of params) {
			const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p);
			if (m) q = Number(m[1]);
		}
		if (q <= 0) return;
		if (!best || q > best.q) best = { locale: primary, q, at };
	});
	return (best as { locale: Locale } | null)?.locale ?? null;
}
