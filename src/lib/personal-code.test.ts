import { describe, expect, it } from 'vitest';
import { ageOn, checkDigit, makePersonalCode, parsePersonalCode, personalCodeError, subjectCodeError } from './personal-code';

describe('Estonian personal codes', () => {
	it('accepts published valid codes', () => {
		// 38001085718 is the example used in Estonian ID-card documentation.
		expect(personalCodeError('38001085718')).toBeNull();
		expect(personalCodeError('49403136515')).toBeNull();
		expect(personalCodeError('60001019906')).toBeNull();
	});

	it('uses the second weight set when the first gives 10', () => {
		// first pass: 3*1+7*2+6*3+0*4+5*5+2*6+5*7+0*8+0*9+0*1 = 107, 107 % 11 = 8 -> not 10; build one that is.
		for (let serial = 0; serial < 1000; serial++) {
			const first10 = `3760101${String(serial).padStart(3, '0')}`;
			const w1 = Array.from(first10, Number).reduce((s, d, i) => s + d * [1, 2, 3, 4, 5, 6, 7, 8, 9, 1][i]!, 0) % 11;
			if (w1 === 10) {
				const w2 = Array.from(first10, Number).reduce((s, d, i) => s + d * [3, 4, 5, 6, 7, 8, 9, 1, 2, 3][i]!, 0) % 11;
				expect(checkDigit(first10)).toBe(w2 === 10 ? 0 : w2);
				return;
			}
		}
		throw new Error('no serial exercised the second weight set');
	});

	it('names what is wrong', () => {
		expect(personalCodeError('3800108571')).toBe('must be 11 digits');
		expect(personalCodeError('98001085718')).toMatch(/first digit/);
		expect(personalCodeError('38002305718')).toMatch(/birth date/);
		expect(personalCodeError('38001085719')).toBe('check digit does not match');
	});

	it('parses birth date and sex', () => {
		expect(parsePersonalCode('38001085718')).toEqual({ code: '38001085718', birthDate: '1980-01-08', sex: 'M' });
		expect(parsePersonalCode('60001019906')?.birthDate).toBe('2000-01-01');
		expect(parsePersonalCode('60001019906')?.sex).toBe('F');
		expect(parsePersonalCode('38001085719')).toBeNull();
	});

	it('makes codes that validate and round-trip', () => {
		for (const [year, sex] of [[1899, 'M'], [1955, 'F'], [2012, 'M'], [2024, 'F']] as const) {
			const code = makePersonalCode({ year, month: 2, day: 29 - (year % 4 === 0 ? 0 : 1) }, sex, 123);
			expect(personalCodeError(code)).toBeNull();
			expect(parsePersonalCode(code)?.sex).toBe(sex);
			expect(parsePersonalCode(code)?.birthDate.slice(0, 4)).toBe(String(year));
		}
	});
});

describe('subject codes', () => {
	it('checks Estonian codes fully and foreign ones by shape', () => {
		expect(subjectCodeError('EE38001085718')).toBeNull();
		expect(subjectCodeError('EE38001085719')).toMatch(/check digit/);
		expect(subjectCodeError('38001085718')).toMatch(/country prefix/);
		expect(subjectCodeError('LV123456-12345')).toBeNull();
		expect(subjectCodeError('FIabc')).toMatch(/after the country prefix/);
	});

	it('names what is wrong with a malformed code', () => {
		expect(subjectCodeError('')).toMatch(/country prefix/);
		expect(subjectCodeError('ee38001085718')).toMatch(/country prefix/);
		expect(subjectCodeError('EE')).toMatch(/country prefix/);
		expect(subjectCodeError('EE3800108571')).toBe('Estonian personal code must be 11 digits');
		expect(subjectCodeError('EE380010857181')).toBe('Estonian personal code must be 11 digits');
		expect(subjectCodeError('EE3800108571x')).toBe('Estonian personal code must be 11 digits');
		expect(subjectCodeError('EE98001085718')).toMatch(/^Estonian personal code first digit/);
		expect(subjectCodeError('EE38013085718')).toMatch(/^Estonian personal code digits 2-7/);
		expect(subjectCodeError('EE30002290000')).toMatch(/birth date/); // 1900 was not a leap year
		expect(subjectCodeError('LV123')).toMatch(/after the country prefix/);
		expect(subjectCodeError(`LV${'1'.repeat(31)}`)).toMatch(/after the country prefix/);
	});
});

describe('ageOn', () => {
	it('counts birthdays', () => {
		expect(ageOn('2010-06-15', new Date('2026-06-14T00:00:00Z'))).toBe(15);
		expect(ageOn('2010-06-15', new Date('2026-06-15T00:00:00Z'))).toBe(16);
	});
});
