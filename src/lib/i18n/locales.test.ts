import { describe, expect, it } from 'vitest';
import { isLocale, negotiateLocale } from './locales';

describe('negotiateLocale', () => {
	it('takes the highest-weighted language we have', () => {
		expect(negotiateLocale('de-DE,de;q=0.9,ru;q=0.8,en;q=0.7')).toBe('ru');
		expect(negotiateLocale('en-US,en;q=0.9')).toBe('en');
		expect(negotiateLocale('et')).toBe('et');
		expect(negotiateLocale('en;q=0.5, et;q=0.6')).toBe('et');
	});
	it('keeps the header order on equal weights and skips q=0', () => {
		expect(negotiateLocale('ru, en')).toBe('ru');
		expect(negotiateLocale('ru;q=0, en;q=0.1')).toBe('en');
	});
	it('answers null when nothing fits', () => {
		expect(negotiateLocale('de, fr')).toBeNull();
		expect(negotiateLocale('')).toBeNull();
		expect(negotiateLocale(null)).toBeNull();
		expect(negotiateLocale('*')).toBeNull();
	});
	it('recognises only our locales', () => {
		expect(isLocale('et')).toBe(true);
		expect(isLocale('fi')).toBe(false);
		expect(isLocale(undefined)).toBe(false);
	});
});
