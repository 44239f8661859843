/**
 * The page's translator for Svelte components: the root layout provides it from the
 * layout data's language; any component reads it with useI18n(). Reading through a getter
 * keeps it reactive when the language changes on navigation.
 */
import { getContext, setContext } from 'svelte';
import type { Locale } from './locales';
import { translator, type Translator } from './translator';

const KEY = Symbol('peegel-i18n');

export function provideI18n(locale: () => Locale): void {
	setContext(KEY, {
		get current() {
			return translator(locale());
		}
	});
}

/** The translator of the page being rendered: `const i18n = useI18n()`, then `i18n.t(...)`. */
export function useI18n(): Translator {
	const holder = getContext<{ current: Translator } | undefined>(KEY);
	if (!holder) throw new Error('useI18n() outside the root layout');
	return {
		get locale() {
			return holder.current.locale;
		},
		get t() {
			return holder.current.t;
		},
		dateTime: (t) => holder.current.dateTime(t),
		date: (t) => holder.current.date(t),
		isoDate: (d) => holder.current.isoDate(d),
		month: (y, m) => holder.current.month(y, m),
		number: (n) => holder.current.number(n)
	};
}
