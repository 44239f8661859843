/** Ledger tiles in ClickHouse (table ledger_tile), with the immutable full ones cached. */
import { z } from 'zod';
import { bulkInsert, type BulkInsert } from '../db/bulk-insert';
import { int64 } from '../db/columns';
import { queryRows } from '../db/query';
import { TILE_WIDTH, tileKey, unpackTile, type TileRef, type TileWrite } from './tiles';

const TILE_INSERT: BulkInsert = {
	into: 'ledger_tile (level, idx, width, hashes)',
	select: 'level, idx, width, hashes',
	structure: 'level UInt8, idx UInt64, width UInt16, hashes String'
};

function encodeRows(tiles: readonly TileWrite[]): Buffer {
	const parts: Buffer[] = [];
	for (const t of tiles) {
		const bytes = t.hashes.length * 32;
		const head = Buffer.alloc(1 + 8 + 2 + 5);
		let p = head.writeUInt8(t.level, 0);
		p = head.writeBigUInt64LE(BigInt(t.idx), p);
		p = head.writeUInt16LE(t.hashes.length, p);
		let n = bytes;
		while (n >= 0x80) {
			head[p++] = (n & 0x7f) | 0x80;
			n >>>= 7;
		}
		head[p++] = n;
		parts.push(head.subarray(0, p), ...t.hashes.map((h) => Buffer.from(h.buffer, h.byteOffset, h.byteLength)));
	}
	return Buffer.concat(parts);
}

export async function writeTiles(tiles: readonly TileWrite[]): Promise<void> {
	if (tiles.length === 0) return;
	await bulkInsert(TILE_INSERT, encodeRows(tiles));
	for (const t of tiles) if (t.hashes.length === TILE_WIDTH) remember(t, t.hashes);
}

const tileRow = z.object({ level: z.number().int(), idx: int64, w: z.number().int(), h: z.string() });

/** Full tiles never change: keep the most recently used ones (8 KB each). */
const CACHE_TILES = 4096;
const cache = new Map<string, Uint8Array[]>();

function remember(t: TileRef, hashes: Uint8Array[]): void {
	const key = tileKey(t);
	cache.delete(key);
	cache.set(key, hashes);
	if (cache.size > CACHE_TILES) cache.delete(cache.keys().next().value!);
}

/** The widest stored version of each tile asked for (absent tiles are left out). */
export async function readTiles(refs: readonly TileRef[]): Promise<Map<string, Uint8Array[]>> {
	const out = new Map<string, Uint8Array[]>();
	const missing: TileRef[] = [];
	for (const r of refs) {
		const hit = cache.get(tileKey(r));
		if (hit) out.set(tileKey(r), hit);
		else missing.push(r);
	}
	if (missing.length === 0) return out;
	// A superset (every level with every index asked for), narrowed to the pairs here.
	const rows = await queryRows(
		`SELECT level, idx, max(width) AS w, base64Encode(argMax(hashes, width)) AS h
		 FROM ledger_tile WHERE level IN {levels:Array(UInt8)} AND idx IN {idxs:Array(UInt64)}
		 GROUP BY level, idx`,
		{ levels: [...new Set(missing.map((r) => r.level))], idxs: [...new Set(missing.map((r) => r.idx))] },
		tileRow
	);
	const wanted = new Set(missing.map(tileKey));
	for (const r of rows) {
		const ref = { level: r.level, idx: r.idx };
		if (!wanted.has(tileKey(ref))) continue;
		const hashes = unpackTile(Buffer.from(r.h, 'base64'));
		if (hashes.length !== r.w) throw new Error(`ledger tile ${tileKey(ref)} holds ${hashes.length} hashes, not ${r.w}`);
		out.set(tileKey(ref), hashes);
		if (hashes.length === TILE_WIDTH) remember(ref, hashes);
	}
	return out;
}

/** The rightmost tile of each level as stored (the state the tree was last flushed in). */
export async function readEdgeTiles(): Promise<{ level: number; idx: number; hashes: Uint8Array[] }[]> {
	const rows = await queryRows(
		`SELECT level, idx, w, h FROM (
			SELECT level, idx, max(width) AS w, base64Encode(argMax(hashes, width)) AS h
			FROM ledger_tile GROUP BY level, idx
		 ) ORDER BY level, idx DESC LIMIT 1 BY level`,
		{},
		tileRow
	);
	return rows.map((r) => ({ level: r.level, idx: r.idx, hashes: unpackTile(Buffer.from(r.h, 'base64')) }));
}

/** How many leaves the stored tiles hold, from the rightmost tiles (readEdgeTiles). */
export function leavesInTiles(edgeTiles: readonly { level: number; idx: number; hashes: Uint8Array[] }[]): number {
	const level0 = edgeTiles.find((t) => t.level === 0);
	return level0 ? level0.idx * TILE_WIDTH + level0.hashes.length : 0;
}

const holeRow = z.object({ level: z.number().int(), tiles: int64, last: int64 });

/** Levels whose stored tiles have a gap (a tile missing below the rightmost one). */
export async function levelsWithGaps(): Promise<number[]> {
	const rows = await queryRows(
		'SELECT level, count() AS tiles, max(idx) AS last FROM (SELECT DISTINCT level, idx FROM ledger_tile) GROUP BY level',
		{},
		holeRow
	);
	return rows.filter((r) => r.tiles !== r.last + 1).map((r) => r.level);
}
