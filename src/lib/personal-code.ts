/**
 * Estonian personal identification codes (isikukood), GYYMMDDSSSC, as used on the
 * national ID card, and the country-prefixed form X-Road carries (EE38001085718).
 * Shared by server and browser: the ingestion API validates with it, the seed makes them.
 */
import { digitsAt } from './digits';

const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1] as const;
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3] as const;

/** The check digit for the first ten digits of a personal code (on the ingestion hot path: no allocation). */
export function checkDigit(first10: string): number {
	return checkDigitAt(first10, 0);
}

function checkDigitAt(s: string, start: number): number {
	let a = 0;
	let b = 0;
	for (let i = 0; i < 10; i++) {
		const d = s.charCodeAt(start + i) - 48;
		a += d * WEIGHTS_1[i]!;
		b += d * WEIGHTS_2[i]!;
	}
	a %= 11;
	if (a < 10) return a;
	b %= 11;
	return b < 10 ? b : 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export type Sex = 'M' | 'F';

export interface ParsedPersonalCode {
	code: string;
	birthDate: string; // YYYY-MM-DD
	sex: Sex;
}

/** 1-2: 1800s, 3-4: 1900s, 5-6: 2000s, 7-8: 2100s (odd: male, even: female). */
const centuryOf = (firstDigit: number) => 1800 + Math.floor((firstDigit - 1) / 2) * 100;

/** Why an 11-digit Estonian code (at `start` in `value`) is invalid, or null when it is valid. */
function personalCodeErrorAt(value: string, start: number): string | null {
	if (value.length - start !== 11 || digitsAt(value, start, start + 11) < 0) return 'must be 11 digits';
	const g = value.charCodeAt(start) - 48;
	if (g < 1 || g > 8) return 'first digit must be 1-8 (century and sex)';
	const year = centuryOf(g) + digitsAt(value, start + 1, start + 3);
	const month = digitsAt(value, start + 3, start + 5);
	const day = digitsAt(value, start + 5, start + 7);
	const monthDays = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
	if (monthDays === undefined || day < 1 || day > monthDays) {
		return 'digits 2-7 must be a real birth date (YYMMDD)';
	}
	if (checkDigitAt(value, start) !== value.charCodeAt(start + 10) - 48) return 'check digit does not match';
	return null;
}

/** Why an 11-digit Estonian code is invalid, or null when it is valid. */
export function personalCodeError(code: string): string | null {
	return personalCodeErrorAt(code, 0);
}

export function parsePersonalCode(code: string): ParsedPersonalCode | null {
	if (personalCodeError(code) !== null) return null;
	const year = centuryOf(code.charCodeAt(0) - 48) + Number(code.slice(1, 3));
	return {
		code,
		birthDate: `${year}-${code.slice(3, 5)}-${code.slice(5, 7)}`,
		sex: Number(code[0]) % 2 === 1 ? 'M' : 'F'
	};
}

/** Build a valid code from its parts; serial is 0-999. */
export function makePersonalCode(birth: { year: number; month: number; day: number }, sex: Sex, serial: number): string {
	const centuryBase = Math.floor((birth.year - 1800) / 100); // 0 for 1800s, 1 for 1900s...
	const g = centuryBase * 2 + (sex === 'M' ? 1 : 2);
	const first10 =
		String(g) +
		String(birth.year % 100).padStart(2, '0') +
		String(birth.month).padStart(2, '0') +
		String(birth.day).padStart(2, '0') +
		String(serial).padStart(3, '0');
	return first10 + String(checkDigit(first10));
}

/**
 * Why a country-prefixed subject code is invalid, or null. Estonian codes (EE) get the full
 * check; other countries' codes (cross-border X-Road) are checked for shape only, since
 * their check rules differ per country.
 */
export function subjectCodeError(value: string): string | null {
	if (value.length < 3 || !isUpper(value.charCodeAt(0)) || !isUpper(value.charCodeAt(1))) return 'must start with a two-letter country prefix, e.g. EE38001085718';
	if (value.charCodeAt(0) === 69 && value.charCodeAt(1) === 69) {
		const err = personalCodeErrorAt(value, 2);
		return err ? `Estonian personal code ${err}` : null;
	}
	return FOREIGN_CODE.test(value) ? null : 'must be 4-30 letters, digits or dashes after the country prefix';
}

const FOREIGN_CODE = /^[A-Z]{2}[A-Z0-9-]{4,30}$/;
const isUpper = (c: number) => c >= 65 && c <= 90;

/** Age in whole years on a given date (UTC), from a YYYY-MM-DD birth date. */
export function ageOn(birthDate: string, on: Date): number {
	const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
	let age = on.getUTCFullYear() - y;
	const beforeBirthday = on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d);
	if (beforeBirthday) age -= 1;
	return age;
}
