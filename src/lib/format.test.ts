import { describe, expect, it } from 'vitest';
import {
	categoryLabel,
	formatDate,
	formatDateTime,
	formatIsoDate,
	formatNumber,
	parseIsoDate,
	tallinnIsoDate,
	zoneDayEnd,
	zoneDayStart,
	wallTime,
	zoneOffsetMs
} from './format';

const HOUR = 3_600_000;

describe('formatDateTime', () => {
	it('shows Estonian winter time (UTC+2)', () => {
		expect(formatDateTime('2026-11-26T12:05:00Z')).toBe('26 Nov 2026, 14:05');
	});
	it('shows Estonian summer time (UTC+3)', () => {
		expect(formatDateTime('2026-07-01T21:30:59.999Z')).toBe('2 Jul 2026, 00:30');
		expect(formatDateTime(new Date('2026-09-26T11:05:00Z'))).toBe('26 Sep 2026, 14:05');
	});
	it('puts midnight at 00, not 24', () => {
		expect(formatDateTime('2026-01-14T22:00:00Z')).toBe('15 Jan 2026, 00:00');
	});
	it('formats dates alone', () => {
		expect(formatDate('2026-01-14T22:00:00Z')).toBe('15 Jan 2026');
		expect(formatIsoDate('2026-03-05')).toBe('5 Mar 2026');
		expect(tallinnIsoDate('2026-01-14T21:59:59Z')).toBe('2026-01-14');
		expect(tallinnIsoDate('2026-01-14T22:00:00Z')).toBe('2026-01-15');
	});
});

describe('zoneOffsetMs', () => {
	it('is two hours in winter and three in summer', () => {
		expect(zoneOffsetMs(new Date('2026-01-15T12:00:00Z'))).toBe(2 * HOUR);
		expect(zoneOffsetMs(new Date('2026-07-15T12:00:00Z'))).toBe(3 * HOUR);
	});
	it('changes at 01:00 UTC on the last Sunday of March and October', () => {
		expect(zoneOffsetMs(new Date('2026-03-29T00:59:59Z'))).toBe(2 * HOUR);
		expect(zoneOffsetMs(new Date('2026-03-29T01:00:00Z'))).toBe(3 * HOUR);
		expect(zoneOffsetMs(new Date('2026-10-25T00:59:59Z'))).toBe(3 * HOUR);
		expect(zoneOffsetMs(new Date('2026-10-25T01:00:00Z'))).toBe(2 * HOUR);
	});
});

describe('wallTime', () => {
	it('agrees with the time zone database every 37 minutes through two years, clock changes included', () => {
		for (const zone of ['Europe/Tallinn', 'America/New_York', 'Australia/Lord_Howe']) {
			const reference = new Intl.DateTimeFormat('en-US', {
				timeZone: zone,
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
				minute: 'numeric',
				second: 'numeric',
				hourCycle: 'h23'
			});
			for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 37 * 60_000 + 1_234) {
				const parts = Object.fromEntries(reference.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
				const expected = {
					year: Number(parts.year),
					month: Number(parts.month),
					day: Number(parts.day),
					hour: Number(parts.hour) % 24,
					minute: Number(parts.minute),
					second: Number(parts.second)
				};
				expect(wallTime(new Date(t), zone), `${zone} ${new Date(t).toISOString()}`).toEqual(expected);
			}
		}
	});
	it('refuses an invalid instant', () => {
		expect(() => wallTime(new Date(NaN))).toThrow(RangeError);
	});
});

describe('zoneDayStart and zoneDayEnd', () => {
	it('start a winter day at 22:00 UTC the day before', () => {
		expect(zoneDayStart('2026-01-15').toISOString()).toBe('2026-01-14T22:00:00.000Z');
		expect(zoneDayEnd('2026-01-15').toISOString()).toBe('2026-01-15T22:00:00.000Z');
	});
	it('start a summer day at 21:00 UTC the day before', () => {
		expect(zoneDayStart('2026-07-15').toISOString()).toBe('2026-07-14T21:00:00.000Z');
		expect(zoneDayEnd('2026-07-15').toISOString()).toBe('2026-07-15T21:00:00.000Z');
	});
	it('handle the days the clocks change (23 and 25 hour days)', () => {
		const springStart = zoneDayStart('2026-03-29');
		const springEnd = zoneDayEnd('2026-03-29');
		expect(springStart.toISOString()).toBe('2026-03-28T22:00:00.000Z');
		expect(springEnd.toISOString()).toBe('2026-03-29T21:00:00.000Z');
		expect(springEnd.getTime() - springStart.getTime()).toBe(23 * HOUR);
		const autumnStart = zoneDayStart('2026-10-25');
		const autumnEnd = zoneDayEnd('2026-10-25');
		expect(autumnStart.toISOString()).toBe('2026-10-24T21:00:00.000Z');
		expect(autumnEnd.getTime() - autumnStart.getTime()).toBe(25 * HOUR);
	});
	it('cross month and year ends', () => {
		expect(zoneDayEnd('2025-12-31').toISOString()).toBe('2025-12-31T22:00:00.000Z');
		expect(zoneDayEnd('2024-02-28').toISOString()).toBe('2024-02-28T22:00:00.000Z');
		expect(zoneDayEnd('2299-12-31').toISOString()).toBe('2299-12-31T22:00:00.000Z');
	});
	it('reject dates that do not exist', () => {
		expect(() => zoneDayStart('2026-02-30')).toThrow();
		expect(() => zoneDayEnd('yesterday')).toThrow();
	});
});

describe('parseIsoDate', () => {
	it('accepts real dates only', () => {
		expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
		expect(parseIsoDate('2026-02-29')).toBeNull();
		expect(parseIsoDate('2026-13-01')).toBeNull();
		expect(parseIsoDate('2026-1-01')).toBeNull();
		expect(parseIsoDate('26.11.2026')).toBeNull();
		expect(parseIsoDate('')).toBeNull();
	});
});

describe('numbers and labels', () => {
	it('groups thousands', () => {
		expect(formatNumber(0)).toBe('0');
		expect(formatNumber(1234)).toBe('1,234');
		expect(formatNumber(1234567)).toBe('1,234,567');
	});
	it('turns data categories into words', () => {
		expect(categoryLabel('identity')).toBe('identity');
		expect(categoryLabel('contact.address')).toBe('contact: address');
		expect(categoryLabel('tax.income')).toBe('tax: income');
		expect(categoryLabel('health.prescriptions_history')).toBe('health: prescriptions history');
		expect(categoryLabel('')).toBe('');
	});
});
