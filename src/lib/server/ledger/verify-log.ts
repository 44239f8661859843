/**
 * The ledger verifier (npm run ledger:verify): recompute every leaf from usage_event, in
 * position order, and check the log against what was committed to:
 * - every position is held by exactly one event (missing, doubled);
 * - each event's leaf hash is the one in the stored tiles (altered); an event whose
 *   content fits another position's hash was moved there (reordered);
 * - each person's chain: when an event links to a position that is missing or altered,
 *   the verifier says whose event that position held;
 * - the stored tiles above the leaves are the ones the recomputed leaves make;
 * - every stored checkpoint is signed by the ledger key and has the root of the
 *   recomputed log at its size.
 */
import { initSha256, sha256 } from './sha256';
import { encodeBase64 } from '@oslojs/encoding';
import { equalBytes } from '../../ledger/merkle';
import { parseCheckpoint, parseNote, verifyNote, type Verifier } from '../../ledger/note';
import { allCheckpoints } from './checkpoints';
import { LeafBodyWriter } from './leaf-body';
import { eventsByPosition, leafWithPrefix, storedPositions, subjectChain, type StoredEvent } from './stored-events';
import { leavesInTiles, readEdgeTiles, readTiles } from './tile-store';
import { RightEdge, TILE_WIDTH, tileKey, type TileWrite } from './tiles';

export interface Problem {
	/** The position concerned, or null for the log as a whole. */
	position: number | null;
	kind: 'missing' | 'doubled' | 'altered' | 'reordered' | 'tile' | 'checkpoint';
	message: string;
}

export interface VerifyReport {
	positions: number;
	events: number;
	checkpoints: number;
	problems: Problem[];
}

const PAGE = 65_536;
const MAX_REPORTED = 10_000;


export async function verifyLog(saltKey: Uint8Array, verifier: Verifier, onProgress?: (done: number, total: number) => void): Promise<VerifyReport> {
	await initSha256();
	const writer = new LeafBodyWriter(saltKey);
	const problems: Problem[] = [];
	const report = (p: Problem) => {
		if (problems.length < MAX_REPORTED) problems.push(p);
	};

	const counts = await storedPositions();
	const edgeTiles = await readEdgeTiles();
	const tiled = leavesInTiles(edgeTiles);
	const checkpoints = await allCheckpoints();
	const total = Math.max(counts.next, tiled, ...checkpoints.map((c) => c.size));

	/** The log recomputed from usage_event (checked against the checkpoints)... */
	const edge = new RightEdge();
	/** ...and the one the stored leaf hashes make (checked against the stored tiles above them). */
	const committed = new RightEdge();
	const checkAt = new Map(checkpoints.map((c) => [c.size, c]));
	const latest = new Map<string, number>();
	/** Positions whose event is gone or does not match, for the chain's diagnosis. */
	const broken = new Set<number>();
	/** Events that do not match their position's stored leaf hash, with that hash. */
	const mismatched: { event: StoredEvent; position: number; stored: Uint8Array }[] = [];
	let events = 0;

	const verifyCheckpointsAt = (size: number) => {
		const c = checkAt.get(size);
		if (!c) return;
		const root = edge.root();
		const note = (() => {
			try {
				return parseNote(c.note);
			} catch (err) {
				report({ position: null, kind: 'checkpoint', message: `checkpoint at size ${size} is not a signed note: ${(err as Error).message}` });
				return null;
			}
		})();
		if (note) {
			const signed = verifyNote(note, verifier);
			if (!signed.ok) report({ position: null, kind: 'checkpoint', message: `checkpoint at size ${size}: ${signed.reason}` });
			const body = parseCheckpoint(note.text);
			if (body.size !== size || !equalBytes(body.root, c.root)) {
				report({ position: null, kind: 'checkpoint', message: `checkpoint at size ${size}: its note says size ${body.size}, root ${encodeBase64(body.root)}` });
			}
		}
		if (size > 0 && (!root || !equalBytes(root, c.root))) {
			report({ position: null, kind: 'checkpoint', message: `checkpoint at size ${size}: the log recomputed from usage_event has a different root` });
		}
	};
	const compareTiles = (writes: TileWrite[], stored: Map<string, Uint8Array[]>) => {
		for (const w of writes) {
			if (w.level === 0) continue;
			const s = stored.get(tileKey(w));
			const bad = !s || s.length < w.hashes.length || w.hashes.some((h, i) => !equalBytes(h, s[i]!));
			if (bad) report({ position: null, kind: 'tile', message: `stored tile ${tileKey(w)} is not the one the recomputed leaves make` });
		}
	};

	verifyCheckpointsAt(0);
	for (let from = 0; from < total; from += PAGE) {
		const to = Math.min(total, from + PAGE);
		const rows = await eventsByPosition(from, to);
		const tileRefs = [];
		for (let t = Math.floor(from / TILE_WIDTH); t * TILE_WIDTH < to; t++) tileRefs.push({ level: 0, idx: t });
		const storedLeaves = await readTiles(tileRefs);
		const storedHash = (p: number) => storedLeaves.get(`0/${Math.floor(p / TILE_WIDTH)}`)?.[p % TILE_WIDTH];

		let r = 0;
		for (let p = from; p < to; p++) {
			const here: StoredEvent[] = [];
			while (r < rows.length && rows[r]!.ledger_index === p) here.push(rows[r++]!);
			const want = storedHash(p);
			if (here.length === 0) {
				broken.add(p);
				report({ position: p, kind: 'missing', message: `position ${p}: no event in usage_event` });
				if (want) {
					edge.append(want);
					committed.append(want);
				}
			} else {
				if (here.length > 1) report({ position: p, kind: 'doubled', message: `position ${p}: ${here.length} events (${here.map((e) => e.event_id).join(', ')})` });
				const e = here[0]!;
				events += here.length;
				const sealed = e.visibility === 'sealed';
				const prev = sealed ? null : (latest.get(e.subject_code) ?? null);
				let leafHash = sha256(leafWithPrefix(writer, e, prev));
				if (want && !equalBytes(leafHash, want) && !sealed) {
					// Does the event link past a position that is gone or changed? Then say whose it was.
					for (const q of [...broken].filter((q) => q > (prev ?? -1) && q < p)) {
						const h = sha256(leafWithPrefix(writer, e, q));
						if (equalBytes(h, want)) {
							leafHash = h;
							report({ position: q, kind: 'missing', message: `position ${q} held an event of ${e.subject_code}: the event at position ${p} (${e.event_id}) links to it` });
							break;
						}
					}
				}
				if (want && !equalBytes(leafHash, want)) {
					broken.add(p);
					mismatched.push({ event: e, position: p, stored: want });
				}
				edge.append(leafHash);
				committed.append(want ?? leafHash);
				if (!sealed) latest.set(e.subject_code, p);
			}
			if (!want && p < tiled) report({ position: p, kind: 'tile', message: `position ${p}: no leaf hash in the stored tiles` });
			if ((p + 1) % TILE_WIDTH === 0) {
				edge.takeCompleted();
				const higher = committed.takeCompleted().filter((w) => w.level > 0);
				if (higher.length > 0) compareTiles(higher, await readTiles(higher));
			}
			verifyCheckpointsAt(p + 1);
		}
		onProgress?.(to, total);
	}
	// Partial tiles at the end.
	const partial = edgeTiles.filter((t) => t.level > 0);
	compareTiles(
		partial.map((t) => ({ ...t, hashes: committed.edgeTile(t) ?? [] })).filter((t) => t.hashes.length > 0),
		new Map(partial.map((t) => [tileKey(t), t.hashes]))
	);

	// An altered row whose content fits another broken position was moved, not changed.
	const candidates = mismatched.slice(0, 500);
	const positionsOf = new Map<string, number[]>();
	for (const { event } of candidates) {
		if (!positionsOf.has(event.subject_code)) positionsOf.set(event.subject_code, await subjectChain(event.subject_code));
	}
	for (const { event, position } of candidates) {
		let moved: number | null = null;
		for (const { position: other, stored: want } of candidates) {
			if (other === position) continue;
			// Had it stayed at `other`, its previous event was the person's last one before that:
			// counting its present position or not (that depends on what it was swapped with).
			const mine = (positionsOf.get(event.subject_code) ?? []).filter((q) => q < other);
			const prevs =
				event.visibility === 'sealed' ? [null] : [...new Set([mine.filter((q) => q !== position).at(-1) ?? null, mine.at(-1) ?? null])];
			const at = { ...event, ledger_index: other };
			if (prevs.some((prev) => equalBytes(sha256(leafWithPrefix(writer, at, prev)), want))) {
				moved = other;
				break;
			}
		}
		report(
			moved === null
				? { position, kind: 'altered', message: `position ${position}: event ${event.event_id} (${event.subject_code}) is not what was committed` }
				: { position, kind: 'reordered', message: `position ${position}: event ${event.event_id} was committed at position ${moved}` }
		);
	}
	return { positions: total, events, checkpoints: checkpoints.length, problems };
}

