import { describe, expect, it } from 'vitest';
import { Calendar } from './calendar';
import { WINDOW_DAYS } from './factory';
import { generateReference } from './reference';
import { generateServiceUses, SERVICES } from './services';
import { generateSignatures } from './signatures';

process.env.PEEGEL_STATS_PEPPER ??= 'unit-test-pepper-unit-test-pepper-0123';

const ref = generateReference({ people: 2000, seed: 5 });
const now = Date.parse('2026-01-15T12:00:00Z');
const share = <T>(rows: T[], pick: (r: T) => boolean) => rows.filter(pick).length / rows.length;

describe('seeded signatures', () => {
	const batches = [...generateSignatures(ref, { count: 30_000, seed: 5, now, batchSize: 7000 })];
	const rows = batches.flat();

	it('come in bounded batches, the count asked for, deterministically', () => {
		expect(batches.map((b) => b.length)).toEqual([7000, 7000, 7000, 7000, 2000]);
		const again = [...generateSignatures(ref, { count: 30_000, seed: 5, now, batchSize: 30_000 })].flat();
		expect(again.map((r) => r.event_id)).toEqual(rows.map((r) => r.event_id));
		expect(new Set(rows.map((r) => r.event_id)).size).toBe(30_000);
	});

	it('look like Estonia: ~70 % ID card, mostly business, mostly ASiC-E, few minors, fewer 65+', () => {
		expect(share(rows, (r) => r.method === 'id_card')).toBeGreaterThan(0.6);
		expect(share(rows, (r) => r.method === 'id_card')).toBeLessThan(0.78);
		expect(share(rows, (r) => r.method === 'foreign_eid')).toBeGreaterThan(0);
		expect(share(rows, (r) => r.sector === 'business')).toBeGreaterThan(0.5);
		expect(share(rows, (r) => r.sector === 'government')).toBeGreaterThan(0.2);
		expect(share(rows, (r) => r.container === 'asice')).toBeGreaterThan(0.7);
		expect(share(rows, (r) => r.ageBand === '0-17')).toBeLessThan(0.03);
		expect(share(rows, (r) => r.ageBand === '65+')).toBeLessThan(share(rows, (r) => r.ageBand === '35-44'));
		expect(share(rows, (r) => r.county === 'Harju County')).toBeGreaterThan(0.3);
		expect(share(rows, (r) => r.county === 'unknown')).toBeLessThan(0.06);
		// Inside the two-year window, in office hours mostly, and growing.
		const windowStart = new Calendar(now, WINDOW_DAYS).start[0]!;
		expect(rows.every((r) => r.signedAt < now && r.signedAt >= windowStart)).toBe(true);
		// More in the window's second half than in its first.
		const mid = (windowStart + now) / 2;
		expect(share(rows, (r) => r.signedAt > mid)).toBeGreaterThan(0.52);
	});
});

describe('seeded service uses', () => {
	const rows = [...generateServiceUses(ref, { count: 30_000, seed: 5, now })].flat();

	it('use the catalogue, mostly on the web, mostly completed', () => {
		const codes = new Set(SERVICES.map((s) => s.code));
		expect(rows).toHaveLength(30_000);
		expect(rows.every((r) => codes.has(r.service))).toBe(true);
		expect(SERVICES.length).toBeGreaterThanOrEqual(15);
		expect(share(rows, (r) => r.channel === 'web')).toBeGreaterThan(0.55);
		expect(share(rows, (r) => r.outcome === 'completed')).toBeGreaterThan(0.85);
		expect(rows.filter((r) => r.service === 'parking-permit').every((r) => r.county === 'Harju County')).toBe(true);
	});

	it('peak in the income tax return season (15 February - 30 April)', () => {
		const returns = rows.filter((r) => r.service === 'income-tax-return');
		const month = (t: number) => new Date(t).getUTCMonth() + 1;
		expect(share(returns, (r) => [2, 3, 4].includes(month(r.usedAt)))).toBeGreaterThan(0.8);
	});
});
