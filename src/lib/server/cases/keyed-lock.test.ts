import { describe, expect, it } from 'vitest';
import { heldKeyCount, withKeyLock } from './keyed-lock';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('withKeyLock', () => {
	it('runs callers with the same key one at a time, in order', async () => {
		const log: string[] = [];
		let inside = 0;
		let most = 0;
		const work = (name: string) =>
			withKeyLock('event-1', async () => {
				inside++;
				most = Math.max(most, inside);
				log.push(`start ${name}`);
				await tick();
				log.push(`end ${name}`);
				inside--;
				return name;
			});
		expect(await Promise.all(['a', 'b', 'c'].map(work))).toEqual(['a', 'b', 'c']);
		expect(most).toBe(1);
		expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
		expect(heldKeyCount()).toBe(0);
	});

	it('does not hold up other keys', async () => {
		const order: string[] = [];
		let releaseSlow!: () => void;
		const slow = withKeyLock('k1', () => new Promise<void>((r) => (releaseSlow = r)).then(() => void order.push('slow')));
		await withKeyLock('k2', async () => void order.push('other key'));
		releaseSlow();
		await slow;
		expect(order).toEqual(['other key', 'slow']);
	});

	it('passes on a failure to its caller only, and releases the key', async () => {
		const failing = withKeyLock('k', async () => {
			throw new Error('boom');
		});
		const next = withKeyLock('k', async () => 'next ran');
		await expect(failing).rejects.toThrow('boom');
		expect(await next).toBe('next ran');
		expect(heldKeyCount()).toBe(0);
	});
});
