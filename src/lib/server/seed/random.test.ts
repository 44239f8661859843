import { describe, expect, it } from 'vitest';
import { hashSeed, makeWeighted, Rng } from './random';

const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next32());

describe('seeded PRNG', () => {
	it('repeats the same sequence for the same seed', () => {
		expect(draw(new Rng(42), 1000)).toEqual(draw(new Rng(42), 1000));
		expect(draw(new Rng('demo'), 50)).toEqual(draw(new Rng('demo'), 50));
		expect(new Rng(7).uuid()).toBe(new Rng(7).uuid());
	});

	it('gives different sequences for different seeds, including neighbours', () => {
		const a = draw(new Rng(1), 20);
		const b = draw(new Rng(2), 20);
		expect(a).not.toEqual(b);
		expect(a.filter((x, i) => x === b[i]).length).toBe(0);
		expect(hashSeed(1)).not.toBe(hashSeed(2 ** 32 + 1));
	});

	it('derives independent named streams', () => {
		const r1 = new Rng(5);
		const r2 = new Rng(5);
		expect(draw(r1.derive('people'), 10)).toEqual(draw(r2.derive('people'), 10));
		expect(draw(new Rng(5).derive('people'), 10)).not.toEqual(draw(new Rng(5).derive('events'), 10));
	});

	it('keeps float in [0,1) and int within its inclusive bounds', () => {
		const rng = new Rng(3);
		const seen = new Set<number>();
		let outside = 0;
		for (let i = 0; i < 100_000; i++) {
			const f = rng.float();
			if (!(f >= 0 && f < 1)) outside++;
			const n = rng.int(-3, 4);
			if (!(n >= -3 && n <= 4 && Number.isInteger(n))) outside++;
			seen.add(n);
		}
		expect(outside).toBe(0);
		expect([...seen].sort((x, y) => x - y)).toEqual([-3, -2, -1, 0, 1, 2, 3, 4]);
		expect(rng.int(9, 9)).toBe(9);
		expect(() => rng.int(2, 1)).toThrow();
	});

	it('samples by weight', () => {
		const rng = new Rng(11);
		const sample = makeWeighted(['a', 'b', 'c', 'never'], [1, 2, 7, 0]);
		const counts: Record<string, number> = { a: 0, b: 0, c: 0, never: 0 };
		const n = 200_000;
		for (let i = 0; i < n; i++) counts[sample(rng)]! += 1;
		expect(counts.never).toBe(0);
		expect(counts.a! / n).toBeCloseTo(0.1, 1);
		expect(counts.b! / n).toBeCloseTo(0.2, 1);
		expect(counts.c! / n).toBeCloseTo(0.7, 1);
		expect(rng.weighted(['x'], [5])).toBe('x');
		expect(() => makeWeighted(['x'], [0])).toThrow();
	});

	it('makes version-4 UUIDs that are unique', () => {
		const rng = new Rng(99);
		const ids = new Set<string>();
		let malformed = 0;
		for (let i = 0; i < 10_000; i++) {
			const id = rng.uuid();
			if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)) malformed++;
			ids.add(id);
		}
		expect(malformed).toBe(0);
		expect(ids.size).toBe(10_000);
	});

	it('picks and flips coins', () => {
		const rng = new Rng(4);
		let heads = 0;
		for (let i = 0; i < 10_000; i++) if (rng.chance(0.25)) heads++;
		expect(heads / 10_000).toBeCloseTo(0.25, 1);
		expect(['p', 'q']).toContain(rng.pick(['p', 'q']));
		expect(() => rng.pick([])).toThrow();
	});
});
