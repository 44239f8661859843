/**
 * An exact sampler of the discrete Laplace distribution, P(Y = y) ∝ exp(−|y| / scale) on
 * the integers, after Canonne, Kamath & Steinke (2020), "The Discrete Gaussian for
 * Differential Privacy", Algorithms 1 and 2. Everything is integer or rational arithmetic
 * on BigInt: no floating point anywhere, so no rounding can leak (floating-point Laplace
 * samplers are attackable through their low bits, Mironov 2012). Randomness is uniform
 * integers drawn by rejection from crypto.getRandomValues.
 */

/** A non-negative rational num/den (den > 0). */
export interface Rational {
	num: bigint;
	den: bigint;
}

/** A uniform integer in [0, n). */
export type RandomBelow = (n: bigint) => bigint;

function gcd(a: bigint, b: bigint): bigint {
	while (b !== 0n) [a, b] = [b, a % b];
	return a < 0n ? -a : a;
}

export function rational(num: bigint, den: bigint): Rational {
	if (den <= 0n || num < 0n) throw new Error('a rational here is non-negative with a positive denominator');
	const g = gcd(num, den) || 1n;
	return { num: num / g, den: den / g };
}

/**
 * ε as given on the command line: "1/2", "3", or a decimal such as "0.5" (read digit by
 * digit into a rational, never through a float). Must be positive.
 */
export function parseEpsilon(text: string): Rational {
	const t = text.trim();
	const fraction = /^(\d+)\s*\/\s*(\d+)$/.exec(t);
	const decimal = /^(\d*)(?:\.(\d+))?$/.exec(t);
	let r: Rational;
	if (fraction) {
		if (BigInt(fraction[2]!) === 0n) throw new Error(`epsilon "${text}": the denominator is 0`);
		r = rational(BigInt(fraction[1]!), BigInt(fraction[2]!));
	} else if (decimal && (decimal[1] || decimal[2])) {
		const digits = decimal[2] ?? '';
		r = rational(BigInt((decimal[1] || '0') + digits), 10n ** BigInt(digits.length));
	} else {
		throw new Error(`epsilon "${text}" must be a fraction such as 1/2 or a decimal such as 0.5`);
	}
	if (r.num === 0n) throw new Error(`epsilon "${text}" must be greater than 0`);
	return r;
}

/** ε as text for people and a Float64 column (post-processing: the sampler never sees it). */
export function formatRational(r: Rational): string {
	return r.den === 1n ? String(r.num) : `${r.num}/${r.den}`;
}

const POOL_BYTES = 4096;

/** Uniform integers from the platform's CSPRNG, by rejection (no modulo bias). */
export function cryptoRandomBelow(): RandomBelow {
	const pool = new Uint8Array(POOL_BYTES);
	let at = POOL_BYTES;
	const byte = (): bigint => {
		if (at === POOL_BYTES) {
			crypto.getRandomValues(pool);
			at = 0;
		}
		return BigInt(pool[at++]!);
	};
	return (n) => {
		if (n <= 0n) throw new Error('randomBelow needs n ≥ 1');
		if (n === 1n) return 0n;
		let bits = 0n;
		for (let m = n - 1n; m > 0n; m >>= 1n) bits++;
		const mask = (1n << bits) - 1n;
		for (;;) {
			let x = 0n;
			for (let got = 0n; got < bits; got += 8n) x = (x << 8n) | byte();
			x &= mask;
			if (x < n) return x;
		}
	};
}

/** Bernoulli(num/den), num ≤ den. */
export function bernoulli(p: Rational, random: RandomBelow): boolean {
	return random(p.den) < p.num;
}

/** Bernoulli(exp(−γ)) for a rational γ ≥ 0 (CKS20 Algorithm 1). */
export function bernoulliExp(gamma: Rational, random: RandomBelow): boolean {
	if (gamma.num <= gamma.den) {
		// exp(−γ) = Σ_k (−γ)^k / k!: the first k with Bernoulli(γ/k) = 0 is odd with that probability.
		let k = 1n;
		while (bernoulli({ num: gamma.num, den: gamma.den * k }, random)) k++;
		return k % 2n === 1n;
	}
	const whole = gamma.num / gamma.den;
	for (let i = 0n; i < whole; i++) if (!bernoulliExp({ num: 1n, den: 1n }, random)) return false;
	return bernoulliExp({ num: gamma.num - whole * gamma.den, den: gamma.den }, random);
}

/**
 * One draw of the discrete Laplace with scale t/s, P(Y = y) = (1 − e^(−s/t)) / (1 + e^(−s/t)) · e^(−|y|·s/t)
 * (CKS20 Algorithm 2, whose names s and t this keeps). Noise for a count of sensitivity 1
 * under ε-DP has scale 1/ε.
 */
export function sampleDiscreteLaplace(scale: Rational, random: RandomBelow): bigint {
	const t = scale.num;
	const s = scale.den;
	if (t <= 0n) throw new Error('the scale must be positive');
	// X = U + t·V is geometric with parameter e^(−1/t); Y = ⌊X/s⌋ is geometric with e^(−s/t).

	for (;;) {
		const u = random(t);
		if (!bernoulliExp({ num: u, den: t }, random)) continue;
		let v = 0n;
		while (bernoulliExp({ num: 1n, den: 1n }, random)) v++;
		const y = (u + t * v) / s;
		const negative = random(2n) === 1n;
		if (negative && y === 0n) continue;
		return negative ? -y : y;
	}
}

/** A noise source for ε-DP counts of sensitivity 1: scale 1/ε. */
export function laplaceNoise(epsilon: Rational, random: RandomBelow = cryptoRandomBelow()): () => bigint {
	const scale = rational(epsilon.den, epsilon.num);
	return () => sampleDiscreteLaplace(scale, random);
}
