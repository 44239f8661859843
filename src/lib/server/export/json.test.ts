import { describe, expect, it } from 'vitest';
import type { ExportEvent } from './export-rows';
import { EXPORT_FORMAT, jsonPieces, type ExportHead } from './json';

const head: ExportHead = { subject: { code: 'EE38001085718', name: 'Jaan "Tamm"' }, exported_at: '2026-05-04T09:15:02.120Z', language: 'et' };

const event = (i: number) => ({ event_id: `id-${i}`, action: i % 2 ? 'quote " and \u2028 line' : null, ledger_index: i }) as unknown as ExportEvent;

async function* batches(n: number, size: number) {
	for (let i = 0; i < n; i += size) yield Array.from({ length: Math.min(size, n - i) }, (_, k) => event(i + k));
}

async function text(source: AsyncIterable<string>): Promise<string> {
	let out = '';
	for await (const p of source) out += p;
	return out;
}

describe('jsonPieces', () => {
	it('is one valid document even with no events', async () => {
		const doc = JSON.parse(await text(jsonPieces(head, batches(0, 10))));
		expect(doc).toEqual({ format: EXPORT_FORMAT, subject: head.subject, exported_at: head.exported_at, language: 'et', events: [] });
	});

	it('holds every event, in order, across batches', async () => {
		const doc = JSON.parse(await text(jsonPieces(head, batches(23, 5))));
		expect(doc.format).toBe('peegel-export/1');
		expect(doc.events.map((e: ExportEvent) => e.ledger_index)).toEqual(Array.from({ length: 23 }, (_, i) => i));
		expect(doc.events[1].action).toBe('quote " and \u2028 line');
	});

	it('never closes the document when the events fail part-way', async () => {
		async function* failing() {
			yield [event(0)];
			throw new Error('ClickHouse went away');
		}
		let out = '';
		await expect(async () => {
			for await (const p of jsonPieces(head, failing())) out += p;
		}).rejects.toThrow('ClickHouse went away');
		expect(out).toContain('"id-0"');
		expect(() => JSON.parse(out)).toThrow();
	});
});
