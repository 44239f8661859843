/**
 * The one commit path of a statistics feed (its API and the seed alike). Commits are
 * serialized per feed in this process, so "is this event_id stored?" and the insert that
 * follows cannot interleave with another batch's: every event_id is stored once, which
 * matters doubly here, as the rollups' materialized views count each inserted row at
 * insert time and a stored duplicate could never be taken back out of them.
 *
 * Which ids are stored: an in-memory set of fingerprints of every stored event_id (the
 * usage writer's EventIdFilter, loaded on first use) names the candidates, and only those
 * are looked up in ClickHouse through the table's primary key (every feed table is ORDER
 * BY event_id), so a fingerprint collision never turns a new event into a duplicate and a
 * batch of new events costs no read at all. A batch is one insert (all or nothing), and
 * the caller hears back only once it is committed. As for usage events, exactly one
 * process writes a feed.
 */
import { z } from 'zod';
import { db } from '../db/client';
import { bulkInsert, type BulkInsert } from '../db/bulk-insert';
import { queryRows } from '../db/query';
import { EventIdFilter, fingerprint } from '../usage/event-id-filter';
import type { FeedRows } from './row-binary';

export interface FeedCommit {
	/** event_ids stored by this commit, in the batch's order. */
	accepted: string[];
	/** event_ids stored before, or repeated earlier in the same batch. */
	duplicates: string[];
}

export interface FeedTable {
	/** The feed's table (its event_id column is the primary key): the only names put into SQL text. */
	table: 'signature_event' | 'service_event';
	insert: BulkInsert;
}

const storedId = z.object({ id: z.string() });

export class FeedWriter {
	private tail: Promise<unknown> = Promise.resolve();
	private filter: EventIdFilter | null = null;

	constructor(private readonly spec: FeedTable) {}

	commit(rows: FeedRows): Promise<FeedCommit> {
		if (rows.offsets.length !== rows.ids.length + 1) return Promise.reject(new Error('feed commit: one offset per row and the end'));
		const run = this.tail.then(() => this.commitNow(rows));
		this.tail = run.catch(() => undefined);
		return run;
	}

	/** Fingerprints of every stored event_id: the UUIDs' four 32-bit words, folded as fingerprint() folds them. */
	private async load(): Promise<EventIdFilter> {
		const result = await db().exec({ query: `SELECT UUIDToNum(event_id) FROM ${this.spec.table} FORMAT RowBinary` });
		const chunks: Buffer[] = [];
		for await (const chunk of result.stream) chunks.push(chunk as Buffer);
		const bytes = Buffer.concat(chunks);
		const filter = new EventIdFilter(bytes.byteLength / 16);
		for (let at = 0; at + 16 <= bytes.byteLength; at += 16) {
			filter.add((bytes.readUInt32BE(at) ^ bytes.readUInt32BE(at + 8)) >>> 0, (bytes.readUInt32BE(at + 4) ^ bytes.readUInt32BE(at + 12)) >>> 0);
		}
		return filter;
	}

	private async commitNow(rows: FeedRows): Promise<FeedCommit> {
		const result: FeedCommit = { accepted: [], duplicates: [] };
		if (rows.ids.length === 0) return result;
		const filter = (this.filter ??= await this.load());
		const prints = rows.ids.map(fingerprint);
		const candidates = rows.ids.filter((_, i) => filter.has(prints[i]![0], prints[i]![1]));
		const seen = new Set<string>();
		if (candidates.length > 0) {
			const found = await queryRows(`SELECT toString(event_id) AS id FROM ${this.spec.table} WHERE event_id IN {ids:Array(UUID)}`, { ids: candidates }, storedId);
			for (const r of found) seen.add(r.id);
		}
		const keep: number[] = [];
		rows.ids.forEach((id, i) => {
			if (seen.has(id)) {
				result.duplicates.push(id);
				return;
			}
			seen.add(id);
			keep.push(i);
			result.accepted.push(id);
		});
		if (keep.length === 0) return result;
		const body =
			keep.length === rows.ids.length ? rows.body : Buffer.concat(keep.map((i) => rows.body.subarray(rows.offsets[i]!, rows.offsets[i + 1]!)));
		try {
			await bulkInsert(this.spec.insert, body);
		} catch (err) {
			// The insert may have landed after all (a lost reply): read the stored ids afresh next time.
			this.filter = null;
			throw err;
		}
		for (const i of keep) filter.add(prints[i]![0], prints[i]![1]);
		return result;
	}
}
