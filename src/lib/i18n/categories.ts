/** Data categories in the reader's language; an unknown category as categoryLabel writes it. */
import { categoryLabel } from '../format';
import type { Translator } from './translator';

/** A page shows the same few categories on every row: translate each once per language. */
const names = new Map<string, string>();

export function categoryName(category: string, i18n: Pick<Translator, 't' | 'locale'>): string {
	const cacheKey = `${i18n.locale}\u0000${category}`;
	let name = names.get(cacheKey);
	if (name === undefined) {
		const key = `categories.${category.replaceAll('.', '_')}`;
		name = i18n.t(key as 'categories.identity', { defaultValue: '' }) || categoryLabel(category);
		// Categories are a small vocabulary; the bound only guards against a flood of odd ones.
		if (names.size >= 10_000) names.clear();
		names.set(cacheKey, name);
	}
	return name;
}
