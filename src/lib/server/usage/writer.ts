/**
 * The one commit path for usage events: the HTTP API and the seed both come through here.
 * Batches are committed one group at a time (requests that arrive while a group is being
 * written are merged into the next insert), so deduplication by event_id is exact and
 * ordering is well defined: the place where the ledger's sequencer sits.
 *
 * Embedded mode and cluster mode alike: exactly one process runs the writer for a log.
 */
import { z } from 'zod';
import type { UsageEvent } from '../../schemas/usage-event';
import { db } from '../db/client';
import { bulkInsert, type BulkInsert } from '../db/bulk-insert';
import { queryRows } from '../db/query';
import { config } from '../config';
import { ledgerKeys } from '../ledger/keys';
import { LeafBodyWriter } from '../ledger/leaf-body';
import { theLedger, type NewEntry } from '../ledger/ledger';
import { EventIdFilter } from './event-id-filter';
import { EVENT_ROW_STRUCTURE, eventRowsOf, leafAt, rowAt, type EventRows } from './event-rows';

export interface CommitResult {
	/** Each new event with its position in the ledger (-1 only in the benchmark's run without it). */
	accepted: { event_id: string; index: number }[];
	/** event_ids already stored, or repeated earlier in the same batch. */
	duplicates: string[];
}

/** How a batch reaches usage_event: RowBinary rows (event-rows.ts); received_at is the commit time. */
const EVENT_INSERT: BulkInsert = {
	into: 'usage_event (event_id, logged_at, received_at, subject_code, agency_code, system, action, purpose_code, legal_basis, actor_code, case_ref, data_categories, intermediary_code, xroad_client, xroad_service, xroad_message_id, visibility, disclose_after, bulk, ledger_index)',
	select:
		"event_id, logged_at, now64(3, 'UTC'), subject_code, agency_code, system, action, purpose_code, legal_basis, actor_code, case_ref, data_categories, intermediary_code, xroad_client, xroad_service, xroad_message_id, visibility, disclose_after, bulk, ledger_index",
	structure: EVENT_ROW_STRUCTURE
};

/** Merged groups stay well under ClickHouse's insert block size, so one insert is one part. */
const MAX_GROUP_EVENTS = 200_000;

/**
 * While batches that are being validated are on their way, the writer waits for them (up
 * to LINGER_MS, or until a group holds LINGER_EVENTS) instead of writing a small part now:
 * every part is merged again later, so fewer, larger parts cost less in all. A lone batch,
 * with nothing announced behind it, is written at once.
 */
const LINGER_MS = 100;
const LINGER_EVENTS = 50_000;

interface Pending {
	rows: EventRows;
	resolve: (r: CommitResult) => void;
	reject: (e: unknown) => void;
}

const storedIdRow = z.object({ id: z.string() });

class UsageWriter {
	/** False only in the benchmark's run without the ledger (PEEGEL_BENCH_NO_LEDGER). */
	private readonly withLedger = !config().PEEGEL_BENCH_NO_LEDGER;
	private filter: EventIdFilter | null = null;
	private loading: Promise<EventIdFilter> | null = null;
	private queue: Pending[] = [];
	private running = false;
	/** Batches announced (being validated) that have not reached commit() yet. */
	private announced = 0;
	private wake: (() => void) | null = null;

	/** A batch is on its way; call the returned function once it is committed or given up. */
	announce(): () => void {
		this.announced++;
		let done = false;
		return () => {
			if (done) return;
			done = true;
			this.announced--;
			this.wake?.();
		};
	}

	private queuedEvents(): number {
		let n = 0;
		for (const p of this.queue) n += p.rows.ids.length;
		return n;
	}

	/** Wait while announced batches may still join the next group (bounded by LINGER_MS). */
	private async linger(): Promise<void> {
		const deadline = performance.now() + LINGER_MS;
		for (;;) {
			const left = deadline - performance.now();
			if (this.announced === 0 || left <= 0 || this.queuedEvents() >= LINGER_EVENTS) return;
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, left);
				this.wake = () => {
					clearTimeout(timer);
					resolve();
				};
			});
			this.wake = null;
		}
	}

	/** Load the fingerprints of every stored event_id and the ledger (once; at start-up or on first use). */
	init(): Promise<EventIdFilter> {
		const ledger = this.withLedger ? theLedger() : null;
		this.loading ??= Promise.all([this.load(), ledger]).then(([filter]) => filter).catch((err) => {
			this.loading = null;
			throw err;
		});
		return this.loading;
	}

	private async load(): Promise<EventIdFilter> {
		// 8 bytes per stored event, computed inside ClickHouse: the same fold as fingerprint().
		const result = await db().exec({
			query: `SELECT
				bitXor(reinterpretAsUInt32(reverse(substring(n, 1, 4))), reinterpretAsUInt32(reverse(substring(n, 9, 4)))) AS hi,
				bitXor(reinterpretAsUInt32(reverse(substring(n, 5, 4))), reinterpretAsUInt32(reverse(substring(n, 13, 4)))) AS lo
			FROM (SELECT UUIDToNum(event_id) AS n FROM usage_event)
			FORMAT RowBinary`
		});
		const chunks: Buffer[] = [];
		for await (const chunk of result.stream) chunks.push(chunk as Buffer);
		const bytes = Buffer.concat(chunks);
		const filter = new EventIdFilter(bytes.byteLength / 8);
		filter.addPacked(bytes);
		this.filter = filter;
		return filter;
	}

	commit(rows: EventRows): Promise<CommitResult> {
		const n = rows.ids.length;
		if (rows.offsets.length !== n + 1 || rows.fingerprints.length !== 2 * n || rows.leafOffsets.length !== n + 1) {
			return Promise.reject(new Error('commit: one row, one leaf and one fingerprint per event id'));
		}
		if (rows.ids.length === 0) return Promise.resolve({ accepted: [], duplicates: [] });
		return new Promise((resolve, reject) => {
			this.queue.push({ rows, resolve, reject });
			this.wake?.();
			void this.drain();
		});
	}

	private async drain(): Promise<void> {
		if (this.running) return;
		this.running = true;
		try {
			while (this.queue.length > 0) {
				await this.linger();
				const group: Pending[] = [];
				let size = 0;
				while (this.queue.length > 0 && (group.length === 0 || size + this.queue[0]!.rows.ids.length <= MAX_GROUP_EVENTS)) {
					const next = this.queue.shift()!;
					group.push(next);
					size += next.rows.ids.length;
				}
				try {
					const results = await this.commitGroup(group);
					group.forEach((p, i) => p.resolve(results[i]!));
				} catch (err) {
					group.forEach((p) => p.reject(err));
				}
			}
		} finally {
			this.running = false;
		}
	}

	private async commitGroup(group: Pending[]): Promise<CommitResult[]> {
		const filter = await this.init();
		const ledger = this.withLedger ? await theLedger() : null;
		// Candidates: fingerprints already known. Confirm them against ClickHouse so a
		// fingerprint collision never turns a new event into a "duplicate".
		const candidates: string[] = [];
		for (const { rows } of group) {
			const fp = rows.fingerprints;
			rows.ids.forEach((id, i) => filter.has(fp[2 * i]!, fp[2 * i + 1]!) && candidates.push(id));
		}
		const stored = new Set<string>();
		if (candidates.length > 0) {
			const found = await queryRows(
				'SELECT DISTINCT toString(event_id) AS id FROM usage_event WHERE event_id IN {ids:Array(UUID)}',
				{ ids: candidates },
				storedIdRow
			);
			for (const r of found) stored.add(r.id);
		}

		const seen = new Set<string>();
		/** Fingerprints of the rows to insert, (hi, lo) pairs. */
		const inserted: number[] = [];
		// The group's rows as they are, unless a duplicate has to be left out.
		const pieces: Uint8Array[] = [];
		const entries: NewEntry[] = [];
		const results = group.map(({ rows }) => {
			const result: CommitResult = { accepted: [], duplicates: [] };
			const kept: number[] = [];
			rows.ids.forEach((id, i) => {
				if (stored.has(id) || seen.has(id)) {
					result.duplicates.push(id);
					return;
				}
				seen.add(id);
				kept.push(i);
				inserted.push(rows.fingerprints[2 * i]!, rows.fingerprints[2 * i + 1]!);
				entries.push({ leaf: leafAt(rows, i), row: rowAt(rows, i) });
				result.accepted.push({ event_id: id, index: -1 });
			});
			if (kept.length === rows.ids.length) pieces.push(rows.body);
			else for (const i of kept) pieces.push(rowAt(rows, i));
			return result;
		});

		if (seen.size > 0) {
			// Positions go into the rows (and leaves) in place, before the rows are sent.
			const assignment = ledger?.assign(entries) ?? null;
			let next = assignment?.first ?? -1;
			if (assignment) for (const r of results) for (const a of r.accepted) a.index = next++;
			try {
				await bulkInsert(EVENT_INSERT, pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces));
			} catch (err) {
				if (ledger && assignment) ledger.rollback(assignment);
				throw err;
			}
			if (crashAfterInsert) process.kill(process.pid, 'SIGKILL');
			// Only after ClickHouse has the rows: a failed insert leaves nothing half-known.
			if (ledger && assignment) ledger.apply(assignment);
			for (let i = 0; i < inserted.length; i += 2) filter.add(inserted[i]!, inserted[i + 1]!);
			// Tiles are written by the checkpointer (about every second) and before each
			// checkpoint, not per group: fewer, larger inserts, and a crash loses nothing the
			// ledger cannot recompute from usage_event at the next start.
		}
		return results;
	}
}

const writer = new UsageWriter();

/** The crash test's failpoint: die with a group's rows stored and nothing else done. */
let crashAfterInsert = false;

/** Arm the failpoint (PEEGEL_FAILPOINT=after-event-insert, checked once the server is up). */
export function armCrashAfterInsert(): void {
	crashAfterInsert = true;
}

/** Commit validated events given as rows; each event_id is stored once however often it comes. */
export function commitRows(rows: EventRows): Promise<CommitResult> {
	return writer.commit(rows);
}

/**
 * Tell the writer a batch is on its way (call before validating a request), so it can wait
 * for it to join a larger group; call the returned function right before commitRows, or
 * when the batch is given up.
 */
export function announceBatch(): () => void {
	return writer.announce();
}

let seedLeaves: LeafBodyWriter | null = null;

/** Commit validated events (the seed's way in). */
export function commitEvents(events: readonly UsageEvent[]): Promise<CommitResult> {
	if (!config().PEEGEL_BENCH_NO_LEDGER) seedLeaves ??= new LeafBodyWriter(ledgerKeys().saltKey);
	return writer.commit(eventRowsOf(events, seedLeaves));
}

export function initWriter(): Promise<unknown> {
	return writer.init();
}
