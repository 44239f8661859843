/**
 * Every message exists in every language: the same keys as English, the plural forms each
 * language's plural rules need, and the same {{placeholders}}.
 */
import { describe, expect, it } from 'vitest';
import type { MessageTree } from './define';
import { INTL_TAGS, LOCALES, type Locale } from './locales';
import { AREAS } from './messages';
import { translator } from './translator';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: MessageTree, prefix = ''): Map<string, string> {
	const out = new Map<string, string>();
	for (const [k, v] of Object.entries(tree)) {
		const key = prefix ? `${prefix}.${k}` : k;
		if (typeof v === 'string') out.set(key, v);
		else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
	}
	return out;
}

/** Message keys with plural forms folded: 'uses_one', 'uses_other' → 'uses' → {'one','other'}. */
function shape(tree: MessageTree): Map<string, { forms: Set<string>; text: string[] }> {
	const out = new Map<string, { forms: Set<string>; text: string[] }>();
	for (const [key, text] of flatten(tree)) {
		const m = PLURAL.exec(key);
		const base = m ? key.slice(0, -m[0].length) : key;
		const entry = out.get(base) ?? { forms: new Set<string>(), text: [] };
		if (m) entry.forms.add(m[1]!);
		entry.text.push(text);
		out.set(base, entry);
	}
	return out;
}

const placeholders = (texts: string[]) => [...new Set(texts.flatMap((t) => [...t.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1])))].sort();

describe.each(Object.entries(AREAS))('messages of %s', (_name, area) => {
	const english = shape(area.en);
	it.each(LOCALES.filter((l) => l !== 'en'))('%s has every English message, with its plural forms and placeholders', (locale: Locale) => {
		const translated = shape(area[locale]);
		const needed = new Intl.PluralRules(INTL_TAGS[locale]).resolvedOptions().pluralCategories;
		expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
		for (const [key, en] of english) {
			const tr = translated.get(key)!;
			if (en.forms.size > 0) {
				for (const form of needed) expect(tr.forms.has(form) || (form === 'zero' && tr.forms.has('other')), `${locale} ${key}_${form}`).toBe(true);
			}
			expect(placeholders(tr.text), `${locale} ${key}`).toEqual(placeholders(en.text));
			for (const t of tr.text) expect(t.trim(), `${locale} ${key} is empty`).not.toBe('');
		}
	});
});

describe('translator', () => {
	it('formats per language', () => {
		expect(translator('en').dateTime('2026-11-26T12:05:00Z')).toBe('26 Nov 2026, 14:05');
		expect(translator('et').dateTime('2026-11-26T12:05:00Z')).toBe('26. nov 2026, 14:05');
		expect(translator('ru').dateTime('2026-11-26T12:05:00Z')).toBe('26 нояб. 2026\u00a0г., 14:05');
		expect(translator('en').number(1234)).toBe('1,234');
		expect(translator('et').number(12345)).toMatch(/^12\s345$/u);
		expect(translator('ru').month(2026, 5)).toBe('май 2026');
	});
	it('translates, falling back to nothing missing', () => {
		expect(translator('et').t('common.nav.me')).toBe('Minu andmed');
		expect(translator('ru').t('common.nav.me')).toBe('Мои данные');
		expect(translator('en').t('common.nav.me')).toBe('My data');
	});
});
