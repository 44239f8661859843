/** Data categories in the reader's language; an unknown category as categoryLabel writes it. */
import { categoryLabel } from '../format';
import type { Translator } from './translator';

export function categoryName(category: string, i18n: Pick<Translator, 't'>): string {
	const key = `categories.${category.replaceAll('.', '_')}`;
	const text = i18n.t(key as 'categories.identity', { defaultValue: '' });
	return text || categoryLabel(category);
}
