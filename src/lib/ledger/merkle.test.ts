import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, hashChildren, hashLeaf, verifyConsistency, verifyInclusion } from './merkle';
import { consistencyPlan, foldSubtrees, inclusionPlan, perfectSubtrees, splitPoint, type Range } from './proof-plan';

const CORPUS = path.resolve(import.meta.dirname, '../../../tests/fixtures/merkle');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = path.join(dir, f);
		return statSync(p).isDirectory() ? files(p) : p.endsWith('.json') ? [p] : [];
	});
}

/** Sizes in the corpus reach 2^64 - 1: read them as text so they stay exact. */
function readProbe(file: string): Record<string, unknown> {
	const text = readFileSync(file, 'utf8').replace(/("(?:leafIdx|treeSize|size1|size2)"\s*:\s*)(\d+)/g, '$1"$2"');
	return JSON.parse(text) as Record<string, unknown>;
}

const b64 = (s: unknown): Uint8Array => new Uint8Array(Buffer.from(String(s ?? ''), 'base64'));
const proofOf = (p: unknown): Uint8Array[] => ((p as string[] | null) ?? []).map(b64);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('RFC 6962 probes (transparency-dev/merkle corpus)', () => {
	const inclusion = files(path.join(CORPUS, 'inclusion'));
	const consistency = files(path.join(CORPUS, 'consistency'));

	it('has the whole corpus', () => {
		expect(inclusion.length).toBe(98);
		expect(consistency.length).toBe(98);
	});

	it.each(inclusion.map((f) => [path.relative(CORPUS, f), f]))('inclusion %s', (_name, file) => {
		const p = readProbe(file);
		const verdict = verifyInclusion(BigInt(p.leafIdx as string), BigInt(p.treeSize as string), b64(p.leafHash), proofOf(p.proof), b64(p.root));
		expect(verdict.ok, JSON.stringify(verdict)).toBe(!p.wantErr);
	});

	it.each(consistency.map((f) => [path.relative(CORPUS, f), f]))('consistency %s', (_name, file) => {
		const p = readProbe(file);
		const verdict = verifyConsistency(BigInt(p.size1 as string), BigInt(p.size2 as string), proofOf(p.proof), b64(p.root1), b64(p.root2));
		expect(verdict.ok, JSON.stringify(verdict)).toBe(!p.wantErr);
	});
});

/** MTH straight from RFC 6962 2.1, independent of the plan code. */
function mth(leaves: readonly Uint8Array[]): Uint8Array {
	if (leaves.length === 0) return EMPTY_ROOT;
	if (leaves.length === 1) return hashLeaf(leaves[0]!);
	const k = splitPoint(leaves.length);
	return hashChildren(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

/** A range's hash through the tile-store route: its perfect subtrees, folded. */
function rangeHash(leaves: readonly Uint8Array[], r: Range): Uint8Array {
	return foldSubtrees(perfectSubtrees(r).map((n) => mth(leaves.slice(n.index * 2 ** n.height, (n.index + 1) * 2 ** n.height))));
}

const STANDARD_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
	(h) => new Uint8Array(Buffer.from(h, 'hex'))
);

describe('known-answer roots', () => {
	it('empty tree', () => {
		expect(hex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
	});
	it('the standard eight leaves, sizes 1 to 8', () => {
		const roots = [
			'6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
			'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
			'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
			'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
			'4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
			'76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
			'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
			'5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'
		];
		roots.forEach((root, i) => {
			expect(hex(mth(STANDARD_LEAVES.slice(0, i + 1)))).toBe(root);
			expect(hex(rangeHash(STANDARD_LEAVES, { start: 0, end: i + 1 }))).toBe(root);
		});
	});
});

function flipBit(b: Uint8Array, bit: number): Uint8Array {
	const c = b.slice();
	c[bit >> 3]! ^= 1 << (bit & 7);
	return c;
}

// Leaves start with their position, so no two are alike (equal leaves may swap places).
const leavesArb = fc
	.array(fc.uint8Array({ maxLength: 12 }), { minLength: 1, maxLength: 70 })
	.map((ls) => ls.map((l, i) => new Uint8Array([i, ...l])));

describe('proofs of random trees', () => {
	it('every inclusion proof verifies, and any single changed bit fails', () => {
		fc.assert(
			fc.property(leavesArb, fc.nat(), fc.nat(), (leaves, pick, bitPick) => {
				const size = leaves.length;
				const index = pick % size;
				const root = mth(leaves);
				const leafHash = hashLeaf(leaves[index]!);
				const proof = inclusionPlan(index, size).map((r) => rangeHash(leaves, r));
				expect(verifyInclusion(index, size, leafHash, proof, root).ok).toBe(true);
				// One flipped bit anywhere: in the leaf hash, a proof hash, or the root.
				const parts = [leafHash, ...proof, root];
				const bit = bitPick % (parts.length * 256);
				const which = Math.floor(bit / 256);
				const changed = parts.map((p, i) => (i === which ? flipBit(p, bit % 256) : p));
				expect(verifyInclusion(index, size, changed[0]!, changed.slice(1, -1), changed.at(-1)!).ok).toBe(false);
				// A wrong index or size fails too (unless the tree has one shape for both).
				if (size > 1) expect(verifyInclusion((index + 1) % size, size, leafHash, proof, root).ok).toBe(false);
			}),
			{ numRuns: 300 }
		);
	});

	it('every consistency proof verifies, and any single changed bit fails', () => {
		fc.assert(
			fc.property(leavesArb, fc.nat(), fc.nat(), (leaves, pick, bitPick) => {
				const size2 = leaves.length;
				const size1 = 1 + (pick % size2);
				const root1 = mth(leaves.slice(0, size1));
				const root2 = mth(leaves);
				const proof = consistencyPlan(size1, size2).map((r) => rangeHash(leaves, r));
				expect(verifyConsistency(size1, size2, proof, root1, root2).ok).toBe(true);
				const parts = [root1, ...proof, root2];
				const bit = bitPick % (parts.length * 256);
				const which = Math.floor(bit / 256);
				const changed = parts.map((p, i) => (i === which ? flipBit(p, bit % 256) : p));
				expect(verifyConsistency(size1, size2, changed.slice(1, -1), changed[0]!, changed.at(-1)!).ok).toBe(false);
			}),
			{ numRuns: 300 }
		);
	});

	it('plans have the lengths RFC 9162 gives', () => {
		expect(inclusionPlan(0, 1)).toEqual([]);
		expect(inclusionPlan(5, 8)).toHaveLength(3);
		expect(inclusionPlan(6, 7)).toHaveLength(2);
		expect(consistencyPlan(4, 4)).toEqual([]);
		expect(consistencyPlan(3, 7)).toHaveLength(4);
		expect(() => inclusionPlan(3, 3)).toThrow(/not below/);
		expect(() => consistencyPlan(0, 3)).toThrow(/no consistency proof/);
	});
});
