import { describe, expect, it } from 'vitest';
import { tallinnIsoDate } from '../../format';
import { eighteenthBirthday, judgeRepresentation, minorsBornAfter, registerCode, subjectCodeOf, type RegisterPerson } from './representation-rules';

const MOTHER = '48801010001';
const FATHER = '38701010002';
const STRANGER = '37001010003';

const child = (birth_date: string, links: Partial<RegisterPerson> = {}): RegisterPerson => ({
	personal_code: '61001010004',
	birth_date,
	mother_code: MOTHER,
	father_code: FATHER,
	...links
});

describe('eighteenthBirthday', () => {
	it('is the same day 18 years later', () => {
		expect(eighteenthBirthday('2010-06-15')).toBe('2028-06-15');
		expect(eighteenthBirthday('2007-12-31')).toBe('2025-12-31');
	});

	it('puts a 29 February birth on 28 February: 18 years after a leap year is always a common year', () => {
		expect(eighteenthBirthday('2008-02-29')).toBe('2026-02-28');
		expect(eighteenthBirthday('2012-02-29')).toBe('2030-02-28');
		expect(eighteenthBirthday('2000-02-29')).toBe('2018-02-28');
	});

	it('keeps 28 February and 1 March births on their own day, leap year or not', () => {
		expect(eighteenthBirthday('2014-02-28')).toBe('2032-02-28');
		expect(eighteenthBirthday('2010-03-01')).toBe('2028-03-01');
	});

	it('refuses a value that is not a date', () => {
		expect(() => eighteenthBirthday('15.06.2010')).toThrow(/YYYY-MM-DD/);
	});
});

describe('judgeRepresentation: the 18th birthday', () => {
	const c = child('2008-06-15');

	it('allows the day before the 18th birthday, naming the day access ends', () => {
		expect(judgeRepresentation(MOTHER, c, '2026-06-14')).toEqual({ ok: true, accessEnds: '2026-06-15' });
	});

	it('refuses on the 18th birthday and after', () => {
		expect(judgeRepresentation(MOTHER, c, '2026-06-15')).toEqual({ ok: false, reason: 'adult', adultOn: '2026-06-15' });
		expect(judgeRepresentation(MOTHER, c, '2030-01-01')).toEqual({ ok: false, reason: 'adult', adultOn: '2026-06-15' });
	});

	it('allows from the day of birth, not before', () => {
		expect(judgeRepresentation(FATHER, c, '2008-06-15').ok).toBe(true);
		expect(judgeRepresentation(FATHER, c, '2008-06-14')).toEqual({ ok: false, reason: 'not-born', bornOn: '2008-06-15' });
	});

	it('counts the Tallinn calendar day: 21:00 UTC on the eve is already the birthday in Tallinn (summer time)', () => {
		const eve = new Date('2026-06-14T20:59:59Z'); // 23:59:59 in Tallinn
		const midnight = new Date('2026-06-14T21:00:00Z'); // 00:00 on the birthday in Tallinn
		expect(judgeRepresentation(MOTHER, c, tallinnIsoDate(eve)).ok).toBe(true);
		expect(judgeRepresentation(MOTHER, c, tallinnIsoDate(midnight)).ok).toBe(false);
	});
});

describe('judgeRepresentation: leap-day births', () => {
	const leap = child('2008-02-29');

	it('ends access on 28 February when the 18th year is a common year', () => {
		expect(judgeRepresentation(MOTHER, leap, '2026-02-27')).toEqual({ ok: true, accessEnds: '2026-02-28' });
		expect(judgeRepresentation(MOTHER, leap, '2026-02-28')).toEqual({ ok: false, reason: 'adult', adultOn: '2026-02-28' });
		expect(judgeRepresentation(MOTHER, leap, '2026-03-01').ok).toBe(false);
	});

	it('keeps access on 28 and 29 February of a leap 18th year for a 1 March birth', () => {
		const march = child('2010-03-01'); // 2028 is a leap year
		expect(judgeRepresentation(MOTHER, march, '2028-02-29').ok).toBe(true);
		expect(judgeRepresentation(MOTHER, march, '2028-03-01').ok).toBe(false);
	});

	it('treats a leap-day child as a minor on 29 February of leap years before the 18th', () => {
		expect(judgeRepresentation(FATHER, leap, '2024-02-29').ok).toBe(true);
	});
});

describe('judgeRepresentation: who is a parent', () => {
	const c = child('2015-03-01');

	it('allows both the mother and the father', () => {
		expect(judgeRepresentation(MOTHER, c, '2026-11-28').ok).toBe(true);
		expect(judgeRepresentation(FATHER, c, '2026-11-28').ok).toBe(true);
	});

	it('allows a parent when the other parent is unknown to the register', () => {
		expect(judgeRepresentation(MOTHER, child('2015-03-01', { father_code: '' }), '2026-11-28').ok).toBe(true);
		expect(judgeRepresentation(FATHER, child('2015-03-01', { mother_code: '' }), '2026-11-28').ok).toBe(true);
	});

	it('refuses a non-parent, and anyone for a person the register does not have', () => {
		expect(judgeRepresentation(STRANGER, c, '2026-11-28')).toEqual({ ok: false, reason: 'not-a-child' });
		expect(judgeRepresentation(MOTHER, null, '2026-11-28')).toEqual({ ok: false, reason: 'not-a-child' });
	});

	it('never matches an empty parent link to an empty asker, nor a person to themself', () => {
		const orphan = child('2015-03-01', { mother_code: '', father_code: '' });
		expect(judgeRepresentation('', orphan, '2026-11-28').ok).toBe(false);
		const selfLinked = child('2015-03-01', { mother_code: '61001010004' });
		expect(judgeRepresentation('61001010004', selfLinked, '2026-11-28').ok).toBe(false);
	});
});

describe('codes', () => {
	it('converts between subject codes and register codes; other countries have no register code', () => {
		expect(registerCode('EE38001085718')).toBe('38001085718');
		expect(registerCode('38001085718')).toBeNull();
		expect(registerCode('FI010190-123A')).toBeNull();
		expect(registerCode('EE3800108571')).toBeNull();
		expect(subjectCodeOf('38001085718')).toBe('EE38001085718');
	});

	it('filters births coarsely but never drops a minor', () => {
		const day = '2026-11-28';
		const after = minorsBornAfter(day);
		// The oldest minor on that day was born on 2008-11-29.
		expect(after < '2008-11-29').toBe(true);
		expect(judgeRepresentation(MOTHER, child('2008-11-29'), day).ok).toBe(true);
		expect(judgeRepresentation(MOTHER, child('2008-11-28'), day).ok).toBe(false);
	});
});
