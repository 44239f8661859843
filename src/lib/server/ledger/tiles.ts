/**
 * The Merkle tree as C2SP tlog-tiles stores it: tile (level, idx) holds up to 256 hashes
 * of the nodes at height 8 * level, starting at node 256 * idx. Level 0 tiles hold the
 * leaf hashes. Any node of the tree is one tile read plus at most 127 hashes away, so a
 * proof takes O(log n) reads. This module is the arithmetic and the in-memory right edge
 * (the rightmost, partial tile of each level) that the sequencer appends to.
 */
import { sha256 } from './sha256';
import { foldSubtrees, perfectSubtrees, type Node } from '../../ledger/proof-plan';

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;

const pair = new Uint8Array(65);
pair[0] = 1;

/** SHA-256(0x01 || left || right) (the hot path: see sha256.ts). */
export function hashPair(left: Uint8Array, right: Uint8Array): Uint8Array {
	pair.set(left, 1);
	pair.set(right, 33);
	return sha256(pair);
}

/** The root of a perfect subtree from its 2^k bottom hashes. */
export function perfectRoot(hashes: readonly Uint8Array[]): Uint8Array {
	let level = hashes;
	while (level.length > 1) {
		const up: Uint8Array[] = new Array(level.length >> 1);
		for (let i = 0; i < up.length; i++) up[i] = hashPair(level[2 * i]!, level[2 * i + 1]!);
		level = up;
	}
	return level[0]!;
}

export interface TileRef {
	level: number;
	idx: number;
}

/** Where a node's hash comes from: a tile and the run of its hashes to combine. */
export function nodeLocation(node: Node): { tile: TileRef; from: number; count: number } {
	const level = Math.floor(node.height / TILE_HEIGHT);
	const span = 2 ** (node.height - level * TILE_HEIGHT);
	const first = node.index * span;
	const idx = Math.floor(first / TILE_WIDTH);
	return { tile: { level, idx }, from: first - idx * TILE_WIDTH, count: span };
}

export const tileKey = (t: TileRef) => `${t.level}/${t.idx}`;


export function unpackTile(bytes: Uint8Array): Uint8Array[] {
	if (bytes.length % 32 !== 0) throw new Error(`a tile is a multiple of 32 bytes, not ${bytes.length}`);
	return Array.from({ length: bytes.length / 32 }, (_, i) => bytes.slice(i * 32, i * 32 + 32));
}

export interface TileWrite extends TileRef {
	hashes: Uint8Array[];
}

/**
 * The right edge of the tree: for each level, the hashes of the tile still being filled.
 * Appending a leaf hash may complete tiles; their roots move up a level.
 */
export class RightEdge {
	/** partial[level]: hashes of the rightmost tile of that level (fewer than 256). */
	private partial: Uint8Array[][] = [[]];
	private completed: TileWrite[] = [];
	private touched = new Set<number>();

	constructor(
		private leaves = 0,
		partial?: Uint8Array[][]
	) {
		if (partial) this.partial = partial.map((p) => [...p]);
		this.checkShape();
	}

	get size(): number {
		return this.leaves;
	}

	/** How many nodes of height 8 * level the tree has. */
	private nodesAt(level: number): number {
		return Math.floor(this.leaves / TILE_WIDTH ** level);
	}

	private checkShape(): void {
		for (let level = 0; level < this.partial.length || this.nodesAt(level) > 0; level++) {
			const want = this.nodesAt(level) % TILE_WIDTH;
			if ((this.partial[level]?.length ?? 0) !== want) {
				throw new Error(`ledger tiles: level ${level} holds ${this.partial[level]?.length ?? 0} hashes at the edge, the size implies ${want}`);
			}
		}
	}

	append(leafHash: Uint8Array): void {
		this.leaves++;
		let level = 0;
		let h = leafHash;
		for (;;) {
			const row = (this.partial[level] ??= []);
			row.push(h);
			this.touched.add(level);
			if (row.length < TILE_WIDTH) return;
			const idx = Math.floor(this.nodesAt(level) / TILE_WIDTH) - 1;
			this.completed.push({ level, idx, hashes: row });
			this.partial[level] = [];
			h = perfectRoot(row);
			level++;
		}
	}

	/** The tiles changed since the last call: completed ones, then each touched partial one. */
	takeWrites(): TileWrite[] {
		const out = this.completed;
		this.completed = [];
		for (const level of [...this.touched].sort((a, b) => a - b)) {
			const row = this.partial[level]!;
			if (row.length > 0) out.push({ level, idx: Math.floor(this.nodesAt(level) / TILE_WIDTH), hashes: [...row] });
		}
		this.touched.clear();
		return out;
	}

	/** Only the tiles completed since the last call (the verifier compares them). */
	takeCompleted(): TileWrite[] {
		const out = this.completed;
		this.completed = [];
		this.touched.clear();
		return out;
	}

	/** Tiles a failed write did not store: written again by the next takeWrites. */
	requeue(writes: readonly TileWrite[]): void {
		this.completed.unshift(...writes.filter((w) => w.hashes.length === TILE_WIDTH));
		for (const w of writes) this.touched.add(w.level);
	}

	/** The RFC 6962 root of the tree as it stands (the edge holds every node it needs). */
	root(): Uint8Array | null {
		if (this.leaves === 0) return null;
		const hashes = perfectSubtrees({ start: 0, end: this.leaves }).map((n) => {
			const { tile, from, count } = nodeLocation(n);
			const row = this.edgeTile(tile);
			if (!row) throw new Error(`ledger tiles: node ${n.height}/${n.index} is not at the edge`);
			return perfectRoot(row.slice(from, from + count));
		});
		return foldSubtrees(hashes);
	}

	/** The partial tile of a level, if the tree has one there. */
	edgeTile(t: TileRef): Uint8Array[] | undefined {
		const row = this.partial[t.level];
		if (!row || row.length === 0) return undefined;
		return Math.floor(this.nodesAt(t.level) / TILE_WIDTH) === t.idx ? row : undefined;
	}
}
