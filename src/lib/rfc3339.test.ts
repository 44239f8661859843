import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from './rfc3339';

describe('parseRfc3339', () => {
	it('reads UTC and offsets to the same instant', () => {
		expect(parseRfc3339('2026-01-31T10:20:30Z')).toBe(Date.UTC(2026, 0, 31, 10, 20, 30));
		expect(parseRfc3339('2026-01-31T12:20:30+02:00')).toBe(Date.UTC(2026, 0, 31, 10, 20, 30));
		expect(parseRfc3339('2026-01-31T05:50:30-04:30')).toBe(Date.UTC(2026, 0, 31, 10, 20, 30));
		expect(parseRfc3339('2026-01-31T10:20:30.5Z')).toBe(Date.UTC(2026, 0, 31, 10, 20, 30, 500));
		expect(parseRfc3339('2026-01-31T10:20:30.123456789Z')).toBe(Date.UTC(2026, 0, 31, 10, 20, 30, 123));
	});
	it('knows the calendar', () => {
		expect(parseRfc3339('2024-02-29T00:00:00Z')).not.toBeNull();
		expect(parseRfc3339('2026-02-29T00:00:00Z')).toBeNull();
		expect(parseRfc3339('2026-02-30T00:00:00Z')).toBeNull();
		expect(parseRfc3339('2026-04-31T00:00:00Z')).toBeNull();
		expect(parseRfc3339('2026-13-01T00:00:00Z')).toBeNull();
		expect(parseRfc3339('2026-01-01T24:00:00Z')).toBeNull();
		expect(parseRfc3339('2026-01-01T23:60:00Z')).toBeNull();
	});
	it('wants a full date-time with an offset', () => {
		expect(parseRfc3339('2026-01-31')).toBeNull();
		expect(parseRfc3339('2026-01-31T10:20:30')).toBeNull();
		expect(parseRfc3339('2026-01-31 10:20:30Z')).toBeNull();
		expect(parseRfc3339('2026-01-31T10:20:30+0200')).toBeNull();
		expect(parseRfc3339('2026-01-31T10:20:30+24:00')).toBeNull();
	});
});

describe('parseRfc3339 edge cases', () => {
	it('refuses stray characters and empty fractions', () => {
		expect(parseRfc3339('2026-01-31T10:20:30.Z')).toBeNull();
		expect(parseRfc3339('2026-01-31T10:20:30.1234567890Z')).toBeNull();
		expect(parseRfc3339('2026-01-31T10:20:30ZZ')).toBeNull();
		expect(parseRfc3339('2026-01-31t10:20:30z')).toBeNull();
		expect(parseRfc3339('2026-1-31T10:20:30Z')).toBeNull();
		expect(parseRfc3339('2026-01-31T10:2a:30Z')).toBeNull();
	});
	it('agrees with Date.parse on valid input', () => {
		for (let i = 0; i < 2000; i++) {
			const t = Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 200 * 365 * 86_400_000);
			const iso = new Date(t).toISOString();
			expect(parseRfc3339(iso)).toBe(t);
		}
	});
});
