import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'peegel-pepper-'));
const saved = { data: process.env.PEEGEL_DATA_DIR, pepper: process.env.PEEGEL_STATS_PEPPER };

/** A fresh person-key module (and config) for the environment as set now. */
async function load(env: { pepper?: string }) {
	vi.resetModules();
	process.env.PEEGEL_DATA_DIR = dir;
	if (env.pepper === undefined) delete process.env.PEEGEL_STATS_PEPPER;
	else process.env.PEEGEL_STATS_PEPPER = env.pepper;
	return import('./person-key');
}

const expected = (pepper: Buffer | string, input: string) => createHmac('sha256', pepper).update(input).digest().readBigUInt64BE(0);

beforeEach(() => rmSync(path.join(dir, 'stats.pepper'), { force: true }));

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	for (const [k, v] of [['PEEGEL_DATA_DIR', saved.data], ['PEEGEL_STATS_PEPPER', saved.pepper]] as const) {
		if (v === undefined) delete process.env[k];
		else process.env[k] = v;
	}
});

describe('person keys', () => {
	it('without PEEGEL_STATS_PEPPER: makes <data dir>/stats.pepper once (32 random bytes, mode 0600) and keys with it', async () => {
		const m = await load({});
		const key = m.personKey('38001085718');
		const file = path.join(dir, 'stats.pepper');
		const pepper = readFileSync(file);
		expect(pepper.byteLength).toBe(32);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(key).toBe(expected(pepper, '38001085718'));
		expect(key).toBeLessThan(2n ** 64n);
		// A second process reads the same file: the same person, the same key.
		const again = await load({});
		expect(again.personKey('38001085718')).toBe(key);
		expect(readFileSync(file)).toEqual(pepper);
	});

	it('with PEEGEL_STATS_PEPPER: keys with it and writes no file', async () => {
		const pepper = 'a-test-pepper-that-is-long-enough-0123456789';
		const m = await load({ pepper });
		expect(m.personKey('38001085718')).toBe(expected(pepper, '38001085718'));
		expect(() => statSync(path.join(dir, 'stats.pepper'))).toThrow();
	});

	it('is the same with and without the EE prefix, differs between people and from pseudonyms', async () => {
		const m = await load({ pepper: 'x'.repeat(40) });
		expect(m.personKey('EE38001085718')).toBe(m.personKey('38001085718'));
		expect(m.personKey('38001085718')).not.toBe(m.personKey('49403136526'));
		expect(m.pseudonymKey('70000349', 'abc')).toBe(expected('x'.repeat(40), '70000349\u0000abc'));
		expect(m.pseudonymKey('70000349', 'abc')).not.toBe(m.pseudonymKey('70000310', 'abc'));
	});

	it('refuses a short pepper', async () => {
		vi.resetModules();
		process.env.PEEGEL_STATS_PEPPER = 'short';
		const m = await import('./person-key');
		expect(() => m.personKey('38001085718')).toThrow(/PEEGEL_STATS_PEPPER/);
	});
});
