/**
 * The sequencer and the tree: one per log, in the process that runs the writer. The writer
 * hands it each group of new events before inserting them; it numbers them without gaps,
 * links each to the same person's previous event, writes both into the leaf and the row,
 * and hashes the leaves. Only once ClickHouse has the rows does the tree take the hashes,
 * so a failed insert consumes no position. Tiles are written by the checkpointer before it
 * signs (flush); whatever a crash leaves unwritten is rebuilt from usage_event at the next
 * start (init).
 */
import { z } from 'zod';
import { EMPTY_ROOT } from '../../ledger/merkle';
import { consistencyPlan, foldSubtrees, inclusionPlan, perfectSubtrees, type Node, type Range } from '../../ledger/proof-plan';
import { int64 } from '../db/columns';
import { queryRows } from '../db/query';
import { LEAF_PREFIX_BYTES, LeafBodyWriter, writeLeafHeader } from './leaf-body';
import { ledgerKeys } from './keys';
import { initSha256, sha256 } from './sha256';
import { eventsByPosition, leafWithPrefix, storedPositions } from './stored-events';
import { leavesInTiles, levelsWithGaps, readEdgeTiles, readTiles, writeTiles } from './tile-store';
import { RightEdge, TILE_WIDTH, nodeLocation, perfectRoot, tileKey, type TileRef } from './tiles';

/** Where, in a leaf with its prefix, the subject code's length byte is (after salt and event id). */
const SUBJECT_AT = LEAF_PREFIX_BYTES + 16 + 16;
const SEALED = 3;

/** One new event as the writer has it: its leaf (prefix, then body) and its RowBinary row. */
export interface NewEntry {
	leaf: Uint8Array;
	row: Uint8Array;
}

export interface Assignment {
	first: number;
	hashes: Uint8Array[];
	/** What the group changed in the persons' latest positions, to undo if its insert fails. */
	undo: { key: SubjectKey; was: number | undefined }[];
}

/** A person in the `latest` map: an Estonian code as its 11 digits' number (no string made), else the code. */
type SubjectKey = number | string;

function subjectKey(leaf: Uint8Array, at: number, n: number): SubjectKey {
	if (n === 13 && leaf[at] === 69 && leaf[at + 1] === 69) {
		let v = 0;
		for (let c = at + 2; c < at + 13; c++) v = v * 10 + (leaf[c]! - 48);
		return v;
	}
	let s = '';
	for (let c = 0; c < n; c++) s += String.fromCharCode(leaf[at + c]!);
	return s;
}

function keyOfCode(code: string): SubjectKey {
	return /^EE\d{11}$/.test(code) ? Number(code.slice(2)) : code;
}

/** Subtree hashes computed from full tiles (they never change), most recently used last. */
const SUBTREE_CACHE = 100_000;
const subtreeCache = new Map<string, Uint8Array>();

function rememberSubtree(key: string, h: Uint8Array): void {
	subtreeCache.delete(key);
	subtreeCache.set(key, h);
	if (subtreeCache.size > SUBTREE_CACHE) subtreeCache.delete(subtreeCache.keys().next().value!);
}

const latestRow = z.object({ subject_code: z.string(), last: int64 });

export class Ledger {
	private edge = new RightEdge();
	/** Each person's latest unsealed position: the next event's `prev`. */
	private latest = new Map<SubjectKey, number>();
	/** A group's positions are numbered but its insert has not come back yet. */
	private pending = false;
	/** Positions numbered so far (the next event gets this one). */
	private next = 0;
	private durable = 0;
	private flushing: Promise<void> | null = null;
	private flushAgain = false;

	/** Leaves up to this size have their tiles in ClickHouse. */
	get durableSize(): number {
		return this.durable;
	}

	get size(): number {
		return this.edge.size;
	}

	/** Load the tree's edge and the persons' latest positions; catch up with usage_event. */
	async init(): Promise<void> {
		await initSha256();
		const edgeTiles = await readEdgeTiles();
		let tiled = leavesInTiles(edgeTiles);
		const rows: Uint8Array[][] = [];
		for (const t of edgeTiles) rows[t.level] = t.hashes.length === TILE_WIDTH ? [] : t.hashes;
		for (let l = 0; l < rows.length; l++) rows[l] ??= [];
		try {
			const gaps = await levelsWithGaps();
			if (gaps.length > 0) throw new Error(`tiles missing at level ${gaps.join(', ')}`);
			this.edge = new RightEdge(tiled, rows);
		} catch (err) {
			// Tiles that do not fit together (tiles are not fsynced: a power loss may take some):
			// make them all again from the events.
			console.error(`peegel: ledger: ${(err as Error).message}; rebuilding the tree from usage_event`);
			tiled = 0;
			this.edge = new RightEdge();
		}

		const counts = await storedPositions();
		const stored = counts.next;
		if (counts.events !== stored) {
			console.error(`peegel: ledger: usage_event holds ${counts.events} events for ${stored} positions; run npm run ledger:verify`);
		}
		const latest = await queryRows(
			`SELECT subject_code, max(ledger_index) AS last FROM usage_event
			 WHERE visibility != 'sealed' AND ledger_index < {tiled:UInt64} GROUP BY subject_code`,
			{ tiled },
			latestRow
		);
		this.latest = new Map(latest.map((r) => [keyOfCode(r.subject_code), r.last]));
		this.durable = tiled;
		this.next = tiled;

		if (stored > tiled) {
			// Rows whose tiles were not written (a crash after the insert): hash them now.
			const writer = new LeafBodyWriter(ledgerKeys().saltKey);
			const PAGE = 20_000;
			for (let from = tiled; from < stored; from += PAGE) {
				const events = await eventsByPosition(from, Math.min(stored, from + PAGE));
				for (const e of events) {
					if (e.ledger_index !== this.next) {
						throw new Error(`ledger: position ${this.next} is missing from usage_event; run npm run ledger:verify`);
					}
					const sealed = e.visibility === 'sealed';
					const key = keyOfCode(e.subject_code);
					const prev = sealed ? null : (this.latest.get(key) ?? null);
					this.edge.append(sha256(leafWithPrefix(writer, e, prev)));
					if (!sealed) this.latest.set(key, e.ledger_index);
					this.next++;
				}
			}
			await this.flush();
			console.log(`peegel: ledger: added ${stored - tiled} stored events to the tree`);
		} else if (stored < tiled) {
			console.error(`peegel: ledger: the tree has ${tiled} leaves but usage_event only positions below ${stored}; run npm run ledger:verify`);
		}
	}

	/**
	 * Number a group of new events (in order), link them, fill in their leaf headers and row
	 * positions, and hash their leaves. The tree takes them with apply(), once the rows are
	 * stored; if the insert fails, rollback() forgets the group. One group at a time.
	 */
	assign(entries: readonly NewEntry[]): Assignment {
		if (this.pending) throw new Error('ledger: a group is already numbered and not yet stored');
		this.pending = true;
		const first = this.next;
		const undo: Assignment['undo'] = [];
		const hashes: Uint8Array[] = new Array(entries.length);
		for (let k = 0; k < entries.length; k++) {
			const { leaf, row } = entries[k]!;
			const index = first + k;
			const n = leaf[SUBJECT_AT]!;
			const sealed = leaf[SUBJECT_AT + 1 + n + 8] === SEALED;
			let prev: number | null = null;
			if (!sealed) {
				const key = subjectKey(leaf, SUBJECT_AT + 1, n);
				const was = this.latest.get(key);
				prev = was ?? null;
				undo.push({ key, was });
				this.latest.set(key, index);
			}
			writeLeafHeader(leaf, 0, index, prev);
			// ledger_index, the row's last 8 bytes, little-endian.
			const at = row.length - 8;
			const lo = index % 0x1_0000_0000;
			const hi = Math.floor(index / 0x1_0000_0000);
			row[at] = lo & 0xff;
			row[at + 1] = (lo >>> 8) & 0xff;
			row[at + 2] = (lo >>> 16) & 0xff;
			row[at + 3] = lo >>> 24;
			row[at + 4] = hi & 0xff;
			row[at + 5] = (hi >>> 8) & 0xff;
			row[at + 6] = (hi >>> 16) & 0xff;
			row[at + 7] = hi >>> 24;
			hashes[k] = sha256(leaf);
		}
		return { first, hashes, undo };
	}

	/** The group is in ClickHouse: its positions are taken and its leaves join the tree. */
	apply(a: Assignment): void {
		if (a.first !== this.next) throw new Error(`ledger: group numbered from ${a.first}, but the next position is ${this.next}`);
		for (const h of a.hashes) this.edge.append(h);
		this.next += a.hashes.length;
		this.pending = false;
	}

	/** The group's insert failed: its positions stay free and the persons' links as they were. */
	rollback(a: Assignment): void {
		for (let i = a.undo.length - 1; i >= 0; i--) {
			const { key, was } = a.undo[i]!;
			if (was === undefined) this.latest.delete(key);
			else this.latest.set(key, was);
		}
		this.pending = false;
	}

	/** Write the tiles changed since the last flush; concurrent calls share one write. */
	flush(): Promise<void> {
		if (this.flushing) {
			this.flushAgain = true;
			return this.flushing;
		}
		this.flushing = (async () => {
			try {
				do {
					this.flushAgain = false;
					const size = this.edge.size;
					const writes = this.edge.takeWrites();
					try {
						await writeTiles(writes);
					} catch (err) {
						// Put them back: the next flush writes them (the widest version wins).
						this.edge.requeue(writes);
						throw err;
					}
					this.durable = size;
				} while (this.flushAgain);
			} finally {
				this.flushing = null;
			}
		})();
		return this.flushing;
	}

	/** Hashes of tree nodes, from the edge in memory or stored tiles. */
	private async nodeHashes(nodes: readonly Node[]): Promise<Uint8Array[]> {
		const locations = nodes.map(nodeLocation);
		const fromEdge = new Map<string, Uint8Array[]>();
		const toRead: TileRef[] = [];
		for (const { tile } of locations) {
			const key = tileKey(tile);
			if (fromEdge.has(key)) continue;
			const edge = this.edge.edgeTile(tile);
			if (edge) fromEdge.set(key, edge);
			else toRead.push(tile);
		}
		const read = toRead.length > 0 ? await readTiles(toRead) : new Map<string, Uint8Array[]>();
		// The proofs of one request share their upper nodes: each is computed once.
		const memo = new Map<string, Uint8Array>();
		return locations.map(({ tile, from, count }, i) => {
			const key = `${nodes[i]!.height}/${nodes[i]!.index}`;
			const known = memo.get(key) ?? subtreeCache.get(key);
			if (known) return known;
			const hashes = fromEdge.get(tileKey(tile)) ?? read.get(tileKey(tile));
			if (!hashes || hashes.length < from + count) throw new Error(`ledger: tile ${tileKey(tile)} lacks nodes ${from}..${from + count - 1}`);
			if (count === 1) return hashes[from]!;
			const h = perfectRoot(hashes.slice(from, from + count));
			memo.set(key, h);
			// A node of a full tile never changes: keep it for later proofs.
			if (hashes.length === TILE_WIDTH) rememberSubtree(key, h);
			return h;
		});
	}

	private async rangeHashes(ranges: readonly Range[]): Promise<Uint8Array[]> {
		const pieces = ranges.map(perfectSubtrees);
		const hashes = await this.nodeHashes(pieces.flat());
		let at = 0;
		return pieces.map((p) => foldSubtrees(hashes.slice(at, (at += p.length))));
	}

	/** Proofs are served over sizes whose tiles are stored (every checkpoint's is). */
	private checkSize(size: number): void {
		if (!Number.isSafeInteger(size) || size < 0 || size > this.durable) {
			throw new RangeError(`the log has ${this.durable} entries; size ${size} is not one of its sizes`);
		}
	}

	async rootAt(size: number): Promise<Uint8Array> {
		this.checkSize(size);
		if (size === 0) return EMPTY_ROOT;
		const [root] = await this.rangeHashes([{ start: 0, end: size }]);
		return root!;
	}

	/** The leaf hash and the inclusion proof of one leaf, with one read of the tiles they need. */
	async leafAndInclusionProof(index: number, size: number): Promise<{ leafHash: Uint8Array; proof: Uint8Array[] }> {
		this.checkSize(size);
		const [leafHash, ...proof] = await this.rangeHashes([{ start: index, end: index + 1 }, ...inclusionPlan(index, size)]);
		return { leafHash: leafHash!, proof };
	}

	/** Inclusion proofs of several leaves in one tree, with one read of the tiles they need. */
	async inclusionProofs(indices: readonly number[], size: number): Promise<Uint8Array[][]> {
		this.checkSize(size);
		const plans = indices.map((i) => inclusionPlan(i, size));
		const hashes = await this.rangeHashes(plans.flat());
		let at = 0;
		return plans.map((p) => hashes.slice(at, (at += p.length)));
	}

	async consistencyProof(from: number, to: number): Promise<Uint8Array[]> {
		this.checkSize(to);
		return this.rangeHashes(consistencyPlan(from, to));
	}

}

let ledger: Ledger | null = null;
let loading: Promise<Ledger> | null = null;

/** The process's ledger, loaded (and caught up) on first use. */
export function theLedger(): Promise<Ledger> {
	if (ledger) return Promise.resolve(ledger);
	loading ??= (async () => {
		const l = new Ledger();
		await l.init();
		ledger = l;
		return l;
	})().catch((err) => {
		loading = null;
		throw err;
	});
	return loading;
}

/** Write the ledger's outstanding tiles, if the ledger was loaded in this process. */
export async function flushLedger(): Promise<void> {
	if (ledger) await ledger.flush();
}
