/**
 * RFC 6962 / RFC 9162 Merkle tree hashing and proof verification: the one verification
 * module the server, the citizen's browser and the CLI verifier all use.
 *
 * Tree sizes and indices are bigints inside (a probe may carry 2^64 - 1); callers may pass
 * numbers. Every hash in a proof, and every leaf hash, must be exactly 32 bytes.
 */
import { sha256 } from '@noble/hashes/sha2.js';

export const HASH_BYTES = 32;

export type Verdict = { ok: true } | { ok: false; reason: string };

const OK: Verdict = { ok: true };
const fail = (reason: string): Verdict => ({ ok: false, reason });

/** SHA-256(0x00 || leaf bytes). */
export function hashLeaf(leaf: Uint8Array): Uint8Array {
	const buf = new Uint8Array(leaf.length + 1);
	buf.set(leaf, 1);
	return sha256(buf);
}

/** SHA-256(0x01 || left || right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
	const buf = new Uint8Array(1 + left.length + right.length);
	buf[0] = 1;
	buf.set(left, 1);
	buf.set(right, 1 + left.length);
	return sha256(buf);
}

/** The root of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT: Uint8Array = sha256(new Uint8Array(0));

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
	return diff === 0;
}

function toBig(n: number | bigint, what: string): bigint {
	if (typeof n === 'bigint') {
		if (n < 0n) throw new RangeError(`${what} is negative`);
		return n;
	}
	if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} is not a whole number in range`);
	return BigInt(n);
}

function badHash(hashes: readonly Uint8Array[]): number {
	return hashes.findIndex((h) => h.length !== HASH_BYTES);
}

/**
 * The root that an inclusion proof implies for leaf `index` of a tree of `size` leaves
 * (RFC 9162, 2.1.3.2), or the reason the proof cannot be one.
 */
export function rootFromInclusionProof(
	index: number | bigint,
	size: number | bigint,
	leafHash: Uint8Array,
	proof: readonly Uint8Array[]
): { root: Uint8Array } | { reason: string } {
	const i = toBig(index, 'index');
	const n = toBig(size, 'tree size');
	if (i >= n) return { reason: `index ${i} is not below tree size ${n}` };
	if (leafHash.length !== HASH_BYTES) return { reason: `leaf hash is ${leafHash.length} bytes, not ${HASH_BYTES}` };
	const bad = badHash(proof);
	if (bad >= 0) return { reason: `proof hash ${bad} is ${proof[bad]!.length} bytes, not ${HASH_BYTES}` };
	let fn = i;
	let sn = n - 1n;
	let r = leafHash;
	for (const p of proof) {
		if (sn === 0n) return { reason: 'proof is longer than the tree is deep' };
		if ((fn & 1n) === 1n || fn === sn) {
			r = hashChildren(p, r);
			if ((fn & 1n) === 0n) {
				while ((fn & 1n) === 0n && fn !== 0n) {
					fn >>= 1n;
					sn >>= 1n;
				}
			}
		} else {
			r = hashChildren(r, p);
		}
		fn >>= 1n;
		sn >>= 1n;
	}
	if (sn !== 0n) return { reason: 'proof is shorter than the tree is deep' };
	return { root: r };
}

/** Whether `proof` shows the leaf with hash `leafHash` at `index` in the tree with `root`. */
export function verifyInclusion(
	index: number | bigint,
	size: number | bigint,
	leafHash: Uint8Array,
	proof: readonly Uint8Array[],
	root: Uint8Array
): Verdict {
	const r = rootFromInclusionProof(index, size, leafHash, proof);
	if ('reason' in r) return fail(r.reason);
	return equalBytes(r.root, root) ? OK : fail('the proof leads to a different root');
}

/**
 * Whether the tree of `size2` leaves with `root2` extends the tree of `size1` leaves with
 * `root1` (RFC 9162, 2.1.4.2). A proof from the empty tree is refused: it proves nothing.
 */
export function verifyConsistency(
	size1: number | bigint,
	size2: number | bigint,
	proof: readonly Uint8Array[],
	root1: Uint8Array,
	root2: Uint8Array
): Verdict {
	const m = toBig(size1, 'first size');
	const n = toBig(size2, 'second size');
	if (m > n) return fail(`first size ${m} is larger than second size ${n}`);
	if (m === 0n) return fail('a consistency proof from the empty tree proves nothing');
	if (m === n) {
		if (proof.length > 0) return fail('equal sizes need an empty proof');
		return equalBytes(root1, root2) ? OK : fail('equal sizes but different roots');
	}
	if (proof.length === 0) return fail('empty proof for different sizes');
	const bad = badHash(proof);
	if (bad >= 0) return fail(`proof hash ${bad} is ${proof[bad]!.length} bytes, not ${HASH_BYTES}`);

	// When the first tree is a complete subtree of the second, its root is the proof's start.
	const path = (m & (m - 1n)) === 0n ? [root1, ...proof] : [...proof];
	let fn = m - 1n;
	let sn = n - 1n;
	while ((fn & 1n) === 1n) {
		fn >>= 1n;
		sn >>= 1n;
	}
	let fr = path[0]!;
	let sr = path[0]!;
	for (const c of path.slice(1)) {
		if (sn === 0n) return fail('proof is longer than the sizes imply');
		if ((fn & 1n) === 1n || fn === sn) {
			fr = hashChildren(c, fr);
			sr = hashChildren(c, sr);
			if ((fn & 1n) === 0n) {
				while ((fn & 1n) === 0n && fn !== 0n) {
					fn >>= 1n;
					sn >>= 1n;
				}
			}
		} else {
			sr = hashChildren(sr, c);
		}
		fn >>= 1n;
		sn >>= 1n;
	}
	if (sn !== 0n) return fail('proof is shorter than the sizes imply');
	if (!equalBytes(fr, root1)) return fail('the proof does not lead to the first root');
	if (!equalBytes(sr, root2)) return fail('the proof does not lead to the second root');
	return OK;
}
