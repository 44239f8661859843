import { describe, expect, it } from 'vitest';
import { outsideWorkingHours, unusualReasons, UseHistory, type JudgedUse } from './unusual';

const A = '70000001';
const B = '70000002';

function use(logged_at: string, over: Partial<JudgedUse> = {}): JudgedUse {
	return { logged_at, restricted: false, agency_code: A, purpose_code: 'P1', action: 'Checking an address', ...over };
}

// Wednesday 14 January 2026, 10:00 in Tallinn (UTC+2).
const WORKDAY_10 = '2026-01-14T08:00:00Z';
const recentA = new UseHistory([{ agency_code: A, logged_at: '2025-06-01T09:00:00Z' }]);

describe('outside working hours (Tallinn time)', () => {
	it('is before 07:00, from 19:00, and at weekends', () => {
		expect(outsideWorkingHours(new Date('2026-01-14T04:59:00Z'))).toBe(true); // 06:59
		expect(outsideWorkingHours(new Date('2026-01-14T05:00:00Z'))).toBe(false); // 07:00
		expect(outsideWorkingHours(new Date('2026-01-14T16:59:00Z'))).toBe(false); // 18:59
		expect(outsideWorkingHours(new Date('2026-01-14T17:00:00Z'))).toBe(true); // 19:00
		expect(outsideWorkingHours(new Date('2026-01-17T10:00:00Z'))).toBe(true); // Saturday
		expect(outsideWorkingHours(new Date('2026-01-18T10:00:00Z'))).toBe(true); // Sunday
		// Summer time: 06:30 Tallinn is 03:30 UTC; 18:30 is 15:30 UTC.
		expect(outsideWorkingHours(new Date('2026-07-15T03:30:00Z'))).toBe(true);
		expect(outsideWorkingHours(new Date('2026-07-15T15:30:00Z'))).toBe(false);
	});
});

describe('unusual uses', () => {
	it('finds nothing unusual in a working-hours use by a known agency with a purpose', () => {
		expect(unusualReasons(use(WORKDAY_10), recentA)).toEqual([]);
	});

	it('flags an agency that has not used the data in the preceding 365 days', () => {
		expect(unusualReasons(use(WORKDAY_10, { agency_code: B }), recentA)).toEqual(['new_agency']);
		const old = new UseHistory([{ agency_code: A, logged_at: '2025-01-13T08:00:00Z' }]); // 366 days before
		expect(unusualReasons(use(WORKDAY_10), old)).toEqual(['new_agency']);
		const justInside = new UseHistory([{ agency_code: A, logged_at: '2025-01-14T08:00:01Z' }]);
		expect(unusualReasons(use(WORKDAY_10), justInside)).toEqual([]);
		// A later use does not count as a preceding one.
		const later = new UseHistory([{ agency_code: A, logged_at: '2026-01-15T08:00:00Z' }]);
		expect(unusualReasons(use(WORKDAY_10), later)).toEqual(['new_agency']);
	});

	it('flags a use with no purpose given (neither a code nor a text)', () => {
		expect(unusualReasons(use(WORKDAY_10, { purpose_code: '', action: '  ' }), recentA)).toEqual(['no_purpose']);
		expect(unusualReasons(use(WORKDAY_10, { purpose_code: '', action: 'Something' }), recentA)).toEqual([]);
		expect(unusualReasons(use(WORKDAY_10, { purpose_code: 'P9', action: '' }), recentA)).toEqual([]);
	});

	it('gives every reason that applies', () => {
		expect(unusualReasons(use('2026-01-17T20:00:00Z', { agency_code: B, purpose_code: '', action: '' }), recentA)).toEqual([
			'outside_hours',
			'new_agency',
			'no_purpose'
		]);
	});

	it('judges a restricted use by its time only', () => {
		const restricted = use(WORKDAY_10, { restricted: true, agency_code: '', purpose_code: '', action: '' });
		expect(unusualReasons(restricted, new UseHistory([]))).toEqual([]);
		expect(unusualReasons({ ...restricted, logged_at: '2026-01-14T18:00:00Z' }, new UseHistory([]))).toEqual(['outside_hours']);
	});
});
