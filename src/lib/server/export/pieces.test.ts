import { describe, expect, it } from 'vitest';
import { byteStream, coalesce, started } from './pieces';

async function* from<T>(items: T[], log: string[] = []): AsyncGenerator<T> {
	try {
		for (const x of items) yield x;
		log.push('done');
	} finally {
		log.push('closed');
	}
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const x of source) out.push(x);
	return out;
}

describe('coalesce', () => {
	it('joins small pieces into pieces of at least the size, keeping the text', async () => {
		const parts = Array.from({ length: 10 }, (_, i) => `${i}`.repeat(3));
		const out = await collect(coalesce(from(parts), 7));
		expect(out.join('')).toBe(parts.join(''));
		expect(out.slice(0, -1).every((p) => p.length >= 7)).toBe(true);
		expect(out.length).toBe(4);
	});

	it('yields nothing for nothing', async () => {
		expect(await collect(coalesce(from<string>([]), 7))).toEqual([]);
	});
});

describe('byteStream', () => {
	it('is the text as UTF-8, piece by piece', async () => {
		const res = new Response(byteStream(from(['\ufeffa,', 'ä', 'õ\r\n'])));
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes)).toBe('a,äõ\r\n');
	});

	it('errors, rather than ends, when the source fails part-way; the error is reported once', async () => {
		const reported: unknown[] = [];
		async function* failing() {
			yield 'first piece';
			throw new Error('ClickHouse went away');
		}
		const reader = byteStream(failing(), (err) => reported.push(err)).getReader();
		const first = await reader.read();
		expect(new TextDecoder().decode(first.value)).toBe('first piece');
		await expect(reader.read()).rejects.toThrow('ClickHouse went away');
		expect(reported).toHaveLength(1);
	});

	it('stops the source when the reader cancels', async () => {
		const log: string[] = [];
		const reader = byteStream(from(['a', 'b', 'c', 'd'], log)).getReader();
		await reader.read();
		await reader.cancel();
		expect(log).toEqual(['closed']);
	});
});

describe('started', () => {
	it('reads the first item before returning, and gives every item', async () => {
		const log: string[] = [];
		const it = await started(from([1, 2, 3], log));
		expect(await collect(it)).toEqual([1, 2, 3]);
		expect(log).toEqual(['done', 'closed']);
	});

	it('throws a failure to start at once', async () => {
		async function* refused(): AsyncGenerator<number> {
			throw new Error('syntax error');
		}
		await expect(started(refused())).rejects.toThrow('syntax error');
	});

	it('closes the source when abandoned before it is read', async () => {
		const log: string[] = [];
		const it = await started(from([1, 2, 3], log));
		await it.return!();
		expect(log).toEqual(['closed']);
	});
});
