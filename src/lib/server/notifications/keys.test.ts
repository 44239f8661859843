import { describe, expect, it } from 'vitest';
import { digestKey, eventKey, messageId } from './keys';

const S = 'EE38001085718';
const E = '0d6f3c1e-8f4b-4a55-9a51-1f2b8a3c4d5e';

describe('deterministic keys', () => {
	it('gives an announcement the same key every time (event id in any case)', () => {
		expect(eventKey(S, E, 'every')).toBe(eventKey(S, E.toUpperCase(), 'every'));
		expect(eventKey(S, E, 'every')).toMatch(/^[0-9a-f]{32}$/);
	});

	it('tells apart person, event and preference', () => {
		const keys = new Set([
			eventKey(S, E, 'every'),
			eventKey(S, E, 'unusual'),
			eventKey(S, E, 'agencies'),
			eventKey('EE49001010001', E, 'every'),
			eventKey(S, '1d6f3c1e-8f4b-4a55-9a51-1f2b8a3c4d5e', 'every'),
			digestKey(S, '2026-W03'),
			digestKey(S, '2026-W04')
		]);
		expect(keys.size).toBe(7);
	});

	it('names a message by its keys, whatever their order', () => {
		const a = eventKey(S, E, 'every');
		const b = digestKey(S, '2026-W03');
		expect(messageId([a, b])).toBe(messageId([b, a]));
		expect(messageId([a])).not.toBe(messageId([a, b]));
		expect(messageId([a])).toMatch(/^[0-9a-f]{32}$/);
	});
});
