import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { initSha256, sha256 } from './sha256';

describe('sha256', () => {
	it('gives node:crypto’s bytes, before and after the WebAssembly hasher is loaded', async () => {
		const inputs = [new Uint8Array(0), new Uint8Array(65).fill(1), randomBytes(145), randomBytes(5000)];
		const want = inputs.map((i) => createHash('sha256').update(i).digest('hex'));
		expect(inputs.map((i) => Buffer.from(sha256(i)).toString('hex'))).toEqual(want);
		await initSha256();
		expect(inputs.map((i) => Buffer.from(sha256(i)).toString('hex'))).toEqual(want);
		// A view into a larger buffer hashes only its own bytes.
		const big = randomBytes(300);
		expect(Buffer.from(sha256(big.subarray(100, 200))).toString('hex')).toBe(createHash('sha256').update(big.subarray(100, 200)).digest('hex'));
	});
});
