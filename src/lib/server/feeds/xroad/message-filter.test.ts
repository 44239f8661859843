import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MessageFilter } from './message-filter';

const key = (n: number) => createHash('sha256').update(`k${n}`).digest();

describe('MessageFilter', () => {
	it('has every key added, and few it has not (at most about 1 % at capacity)', () => {
		const f = new MessageFilter(50_000);
		for (let i = 0; i < 50_000; i++) f.add(key(i));
		for (let i = 0; i < 50_000; i++) expect(f.mayHave(key(i))).toBe(true);
		let false_ = 0;
		for (let i = 50_000; i < 100_000; i++) if (f.mayHave(key(i))) false_++;
		expect(false_ / 50_000).toBeLessThan(0.012);
		expect(f.full).toBe(false);
		f.add(key(-1));
		expect(f.full).toBe(true);
	});
});
