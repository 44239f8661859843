import { describe, expect, it } from 'vitest';
import { EventIdFilter, fingerprint } from './event-id-filter';

const addId = (f: EventIdFilter, id: string) => f.add(...fingerprint(id));
const hasId = (f: EventIdFilter, id: string) => f.has(...fingerprint(id));

describe('EventIdFilter', () => {
	it('remembers what was added and nothing else', () => {
		const f = new EventIdFilter(4);
		const ids = Array.from({ length: 50_000 }, () => crypto.randomUUID());
		ids.slice(0, 25_000).forEach((id) => addId(f, id));
		expect(f.size).toBe(25_000);
		expect(ids.slice(0, 25_000).every((id) => hasId(f, id))).toBe(true);
		expect(ids.slice(25_000).filter((id) => hasId(f, id))).toEqual([]);
	});

	it('adds each fingerprint once', () => {
		const f = new EventIdFilter();
		const id = crypto.randomUUID();
		addId(f, id);
		addId(f, id.toUpperCase());
		expect(f.size).toBe(1);
	});

	it('stores the all-zero fingerprint', () => {
		const f = new EventIdFilter();
		expect(fingerprint('00000000-0000-0000-0000-000000000000')).toEqual([0, 0]);
		f.add(0, 0);
		expect(f.has(0, 0)).toBe(true);
		expect(f.size).toBe(1);
	});

	it('reads packed little-endian pairs', () => {
		const f = new EventIdFilter();
		const bytes = new Uint8Array(16);
		const view = new DataView(bytes.buffer);
		view.setUint32(0, 0xdeadbeef, true);
		view.setUint32(4, 7, true);
		view.setUint32(8, 1, true);
		view.setUint32(12, 0xffffffff, true);
		f.addPacked(bytes);
		expect(f.has(0xdeadbeef, 7)).toBe(true);
		expect(f.has(1, 0xffffffff)).toBe(true);
		expect(f.size).toBe(2);
	});
});
