import { describe, expect, it } from 'vitest';
import { EventLinesBuilder, eventLinesOf, lineAt } from './event-lines';

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

describe('EventLinesBuilder', () => {
	it('writes one UTF-8 line per event with its offsets', () => {
		const b = new EventLinesBuilder(1);
		b.add('a', '{"x":"Rahvastikuregistri seadus § 44"}');
		b.add('b', '{"x":"Тест"}');
		const lines = b.finish();
		expect(lines.ids).toEqual(['a', 'b']);
		expect(text(lines.body)).toBe('{"x":"Rahvastikuregistri seadus § 44"}\n{"x":"Тест"}\n');
		expect(lines.offsets.length).toBe(3);
		expect(text(lineAt(lines, 1))).toBe('{"x":"Тест"}\n');
		expect(lines.offsets[2]).toBe(lines.body.byteLength);
	});

	it('grows past its first buffer without losing a byte', () => {
		const b = new EventLinesBuilder(1024);
		const rows = Array.from({ length: 500 }, (_, i) => JSON.stringify({ i, pad: 'õ'.repeat(i % 40) }));
		rows.forEach((r, i) => b.add(String(i), r));
		const lines = b.finish();
		expect(text(lines.body)).toBe(rows.join('\n') + '\n');
		expect(rows.every((r, i) => text(lineAt(lines, i)) === `${r}\n`)).toBe(true);
	});

	it('gives an empty batch no lines', () => {
		const lines = new EventLinesBuilder().finish();
		expect(lines.ids).toEqual([]);
		expect(lines.body.byteLength).toBe(0);
		expect([...lines.offsets]).toEqual([0]);
	});

	it('never hands out a buffer from the shared pool (it may be transferred)', () => {
		const lines = eventLinesOf([{ event_id: 'x' }]);
		expect(lines.body.buffer.byteLength).toBeGreaterThanOrEqual(1024);
		expect(lines.body.byteOffset).toBe(0);
	});
});
