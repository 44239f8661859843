/**
 * The one commit path of a statistics feed (its API and the seed alike). Commits are
 * serialized per feed in this process, so "is this event_id stored?" and the insert that
 * follows cannot interleave with another batch's: every event_id is stored once, which
 * matters doubly here, as the rollups' materialized views count each inserted row at
 * insert time and a stored duplicate could never be taken back out of them.
 *
 * Stored ids are checked through the table's primary key (every feed table is ORDER BY
 * event_id); a batch is one insert (all or nothing), and the caller hears back only once
 * it is committed. As for usage events, exactly one process writes a feed.
 */
import { z } from 'zod';
import { bulkInsert, type BulkInsert } from '../db/bulk-insert';
import { queryRows } from '../db/query';
import type { FeedRows } from './row-binary';

export interface FeedCommit {
	/** event_ids stored by this commit, in the batch's order. */
	accepted: string[];
	/** event_ids stored before, or repeated earlier in the same batch. */
	duplicates: string[];
}

export interface FeedTable {
	/** The table, from a constant in code: its event_id column is the primary key. */
	table: string;
	insert: BulkInsert;
}

const storedId = z.object({ id: z.string() });

export class FeedWriter {
	private tail: Promise<unknown> = Promise.resolve();

	constructor(private readonly spec: FeedTable) {}

	commit(rows: FeedRows): Promise<FeedCommit> {
		if (rows.offsets.length !== rows.ids.length + 1) return Promise.reject(new Error('feed commit: one offset per row and the end'));
		const run = this.tail.then(() => this.commitNow(rows));
		this.tail = run.catch(() => undefined);
		return run;
	}

	private async commitNow(rows: FeedRows): Promise<FeedCommit> {
		const result: FeedCommit = { accepted: [], duplicates: [] };
		if (rows.ids.length === 0) return result;
		const found = await queryRows(
			`SELECT toString(event_id) AS id FROM ${this.spec.table} WHERE event_id IN {ids:Array(UUID)}`,
			{ ids: rows.ids },
			storedId
		);
		const seen = new Set(found.map((r) => r.id));
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
		await bulkInsert(this.spec.insert, body);
		return result;
	}
}
