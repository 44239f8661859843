import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bernoulliExp, cryptoRandomBelow, laplaceNoise, parseEpsilon, rational, sampleDiscreteLaplace } from './discrete-laplace';

const N = 20_000;

describe('discrete Laplace sampler', () => {
	it('Bernoulli(exp(−γ)) comes up true with probability exp(−γ)', () => {
		const random = cryptoRandomBelow();
		for (const [num, den] of [[0n, 1n], [1n, 2n], [1n, 1n], [3n, 2n], [7n, 3n]] as const) {
			let hits = 0;
			for (let i = 0; i < N; i++) if (bernoulliExp({ num, den }, random)) hits++;
			const p = Math.exp(-Number(num) / Number(den));
			// 5 standard deviations of a binomial proportion (at least 0.005).
			const tolerance = Math.max(0.005, 5 * Math.sqrt((p * (1 - p)) / N));
			expect(Math.abs(hits / N - p), `γ = ${num}/${den}`).toBeLessThan(tolerance);
		}
	});

	it("matches the discrete Laplace's P(0) and variance (scales 1, 2 and 3/2)", () => {
		for (const epsilon of ['1', '1/2', '2/3']) {
			const e = parseEpsilon(epsilon);
			const noise = laplaceNoise(e);
			let zeros = 0;
			let sum = 0;
			let squares = 0;
			for (let i = 0; i < N; i++) {
				const y = Number(noise());
				if (y === 0) zeros++;
				sum += y;
				squares += y * y;
			}
			const q = Math.exp(-Number(e.num) / Number(e.den));
			const p0 = (1 - q) / (1 + q);
			const variance = (2 * q) / (1 - q) ** 2;
			const mean = sum / N;
			const sampleVariance = squares / N - mean * mean;
			expect(Math.abs(zeros / N - p0), `P(0) at ε = ${epsilon}`).toBeLessThan(5 * Math.sqrt((p0 * (1 - p0)) / N));
			// The sample variance's standard deviation is about σ²·√((κ − 1)/N), κ = 6 for a Laplace.
			expect(Math.abs(sampleVariance - variance), `variance at ε = ${epsilon}`).toBeLessThan(5 * variance * Math.sqrt(5 / N));
			expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(variance / N));
		}
	});

	it('is symmetric and returns integers (BigInt)', () => {
		const random = cryptoRandomBelow();
		const draws = Array.from({ length: 2000 }, () => sampleDiscreteLaplace(rational(2n, 1n), random));
		expect(draws.every((d) => typeof d === 'bigint')).toBe(true);
		const positive = draws.filter((d) => d > 0n).length;
		const negative = draws.filter((d) => d < 0n).length;
		expect(Math.abs(positive - negative)).toBeLessThan(5 * Math.sqrt(draws.length));
	});

	it('uses no floating point: the module has no Math, no float parsing, no decimal literal', () => {
		const source = readFileSync(fileURLToPath(new URL('./discrete-laplace.ts', import.meta.url)), 'utf8');
		const code = source
			.replace(/\/\*[\s\S]*?\*\//g, '')
			.replace(/\/\/.*$/gm, '')
			.replace(/'[^'\n]*'|"[^"\n]*"|`[^`]*`/g, "''");
		expect(code).not.toMatch(/\bMath\./);
		expect(code).not.toMatch(/parseFloat|Number\(|toFixed|\bNumber\b/);
		expect(code).not.toMatch(/\d\.\d/);
	});

	it('reads ε as a fraction or a decimal, exactly', () => {
		expect(parseEpsilon('1/2')).toEqual({ num: 1n, den: 2n });
		expect(parseEpsilon('0.5')).toEqual({ num: 1n, den: 2n });
		expect(parseEpsilon('.25')).toEqual({ num: 1n, den: 4n });
		expect(parseEpsilon('3')).toEqual({ num: 3n, den: 1n });
		expect(parseEpsilon(' 2 / 6 ')).toEqual({ num: 1n, den: 3n });
		for (const bad of ['0', '0.0', '1/0', 'abc', '-1', '1e-3', '']) expect(() => parseEpsilon(bad), bad).toThrow(/epsilon/);
	});
});
