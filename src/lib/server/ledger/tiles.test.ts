import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashChildren, hashLeaf } from '../../ledger/merkle';
import { foldSubtrees, perfectSubtrees, splitPoint } from '../../ledger/proof-plan';
import { RightEdge, TILE_WIDTH, nodeLocation, perfectRoot, tileKey, type TileWrite } from './tiles';

const leaf = (i: number) => createHash('sha256').update(`leaf ${i}`).digest();

function mth(hashes: readonly Uint8Array[]): Uint8Array {
	if (hashes.length === 1) return hashes[0]!;
	const k = splitPoint(hashes.length);
	return hashChildren(mth(hashes.slice(0, k)), mth(hashes.slice(k)));
}

/** A tile store as ClickHouse keeps it: the widest version of each tile wins. */
function store(writes: TileWrite[], into = new Map<string, Uint8Array[]>()) {
	for (const w of writes) {
		const key = tileKey(w);
		if ((into.get(key)?.length ?? -1) < w.hashes.length) into.set(key, w.hashes);
	}
	return into;
}

function rootFromTiles(tiles: Map<string, Uint8Array[]>, size: number): Uint8Array {
	return foldSubtrees(
		perfectSubtrees({ start: 0, end: size }).map((n) => {
			const { tile, from, count } = nodeLocation(n);
			return perfectRoot(tiles.get(tileKey(tile))!.slice(from, from + count));
		})
	);
}

describe('RightEdge', () => {
	const N = TILE_WIDTH * TILE_WIDTH + 3 * TILE_WIDTH + 17; // three levels of tiles
	const leafHashes = Array.from({ length: N }, (_, i) => hashLeaf(leaf(i)));

	it('writes tiles from which the RFC 6962 root of every size follows', () => {
		const edge = new RightEdge();
		const tiles = new Map<string, Uint8Array[]>();
		const checkAt = new Set([1, 2, 3, 255, 256, 257, 511, 512, 4097, TILE_WIDTH * TILE_WIDTH, N]);
		leafHashes.forEach((h, i) => {
			edge.append(h);
			if (checkAt.has(i + 1)) {
				store(edge.takeWrites(), tiles);
				const want = Buffer.from(mth(leafHashes.slice(0, i + 1)));
				expect(Buffer.from(rootFromTiles(tiles, i + 1))).toEqual(want);
				expect(Buffer.from(edge.root()!)).toEqual(want);
			}
		});
		expect(edge.size).toBe(N);
		expect(tiles.get('0/0')!.length).toBe(TILE_WIDTH);
		expect(tiles.get('1/0')!.length).toBe(TILE_WIDTH);
		expect(tiles.get('2/0')!.length).toBe(1);
		expect(Buffer.from(tiles.get('1/0')![3]!)).toEqual(Buffer.from(perfectRoot(leafHashes.slice(3 * 256, 4 * 256))));
	});

	it('carries on after a restart from its stored edge tiles as if never stopped', () => {
		const first = new RightEdge();
		const tiles = new Map<string, Uint8Array[]>();
		const cut = 65_800;
		for (const h of leafHashes.slice(0, Math.min(cut, N))) first.append(h);
		store(first.takeWrites(), tiles);
		const size = Math.min(cut, N);
		// What start-up reads: the rightmost tile of each level.
		const partial: Uint8Array[][] = [];
		for (let level = 0; level < 3; level++) {
			const idx = Math.floor(size / TILE_WIDTH ** level / TILE_WIDTH);
			const t = tiles.get(`${level}/${idx}`) ?? [];
			partial[level] = t.length === TILE_WIDTH ? [] : t;
		}
		const resumed = new RightEdge(size, partial);
		for (const h of leafHashes.slice(size)) resumed.append(h);
		store(resumed.takeWrites(), tiles);
		expect(Buffer.from(rootFromTiles(tiles, N))).toEqual(Buffer.from(mth(leafHashes)));
	});

	it('refuses an edge that does not fit its size', () => {
		expect(() => new RightEdge(300, [[leafHashes[0]!]])).toThrow(/level 0 holds 1 hashes at the edge, the size implies 44/);
		expect(() => new RightEdge(300, [leafHashes.slice(0, 44)])).toThrow(/level 1 holds 0/);
	});

	it('writes again what a failed write did not store', () => {
		const edge = new RightEdge();
		for (const h of leafHashes.slice(0, 600)) edge.append(h);
		const lost = edge.takeWrites();
		edge.requeue(lost);
		for (const h of leafHashes.slice(600, 700)) edge.append(h);
		const tiles = store(edge.takeWrites());
		expect(Buffer.from(rootFromTiles(tiles, 700))).toEqual(Buffer.from(mth(leafHashes.slice(0, 700))));
	});
});
