import { describe, expect, it } from 'vitest';
import { PURPOSES } from '../seed/catalogue';
import { KNOWN_ACTS, localiseLegalBasis } from './legal-acts';

describe('localiseLegalBasis', () => {
	it('names the act in the reader’s language and keeps the section', () => {
		expect(localiseLegalBasis('Population Register Act § 41', 'et').text).toBe('Rahvastikuregistri seadus §\u00a041');
		expect(localiseLegalBasis('Population Register Act § 41', 'ru').text).toBe('Закон о регистре народонаселения §\u00a041');
		expect(localiseLegalBasis('Population Register Act § 41', 'en').text).toBe('Population Register Act §\u00a041');
	});
	it('links an act whose official text we know', () => {
		expect(localiseLegalBasis('Population Register Act § 44', 'en').url).toMatch(/^https:\/\/www\.riigiteataja\.ee\//);
		expect(localiseLegalBasis('Taxation Act § 25', 'en').url).toMatch(/^https:\/\/www\.riigiteataja\.ee\//);
		expect(localiseLegalBasis('Customs Act § 10', 'en').url).toBeNull();
	});
	it('shows an unknown basis as written', () => {
		expect(localiseLegalBasis('Local bylaw no 7 § 3', 'et')).toEqual({ text: 'Local bylaw no 7 §\u00a03', url: null });
		expect(localiseLegalBasis('', 'ru').text).toBe('');
	});
	it('knows every act the purpose catalogue cites', () => {
		for (const p of PURPOSES) expect(KNOWN_ACTS, p.code).toContain(p.legal_basis.replace(/\s*§.*$/, ''));
	});
});
