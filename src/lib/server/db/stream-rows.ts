/**
 * Typed reads of results too large to hold: rows arrive in batches (one per block
 * ClickHouse sends), each row parsed with zod, and the next batch is only read once the
 * caller asks for it.
 *
 * Embedded ClickHouse needs its own path: chdb's @clickhouse/client connection materialises
 * a whole result before handing it over (measured: 133 k rows of a subject's history came
 * back as one 30 MB buffer, +80 MB of RSS), while chdb's own Session.queryStreamBind fetches
 * block by block. One stream is allowed per chdb session, so each stream gets a session of
 * its own on the process's data directory (sessions on one directory share the engine and
 * run in parallel), closed when the stream ends, fails or is abandoned.
 */
import { createRequire } from 'node:module';
import type { z } from 'zod';
import { config } from '../config';
import { db } from './client';
import type { Params } from './query';

function parseBatch<S extends z.ZodType>(raw: readonly unknown[], row: S, offset: number): z.output<S>[] {
	return raw.map((r, i) => {
		const parsed = row.safeParse(r);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new Error(`Unexpected row ${offset + i} from ClickHouse: ${issue?.path.join('.')}: ${issue?.message}`);
		}
		return parsed.data;
	});
}

/** A query's rows in batches, in the query's order. Abandoning the iteration (break, return) cancels the query. */
export async function* streamRows<S extends z.ZodType>(query: string, params: Params, row: S): AsyncGenerator<z.output<S>[]> {
	const path = config().embeddedPath;
	let seen = 0;
	if (path !== null) {
		// Loaded on first use, as in client.ts: chdb's native library must not load in vite's build workers.
		const { Session } = createRequire(import.meta.url)('chdb') as typeof import('chdb');
		const session = new Session(path);
		try {
			// The stream cancels itself when the loop ends early or throws.
			for await (const chunk of session.queryStreamBind(query, params, { format: 'JSONEachRow' })) {
				const raw = chunk.rows<unknown>();
				if (raw.length === 0) continue;
				yield parseBatch(raw, row, seen);
				seen += raw.length;
			}
		} finally {
			session.close();
		}
		return;
	}
	const rs = await db().query({ query, query_params: params, format: 'JSONEachRow' });
	try {
		for await (const rows of rs.stream()) {
			if (rows.length === 0) continue;
			yield parseBatch(
				rows.map((r) => r.json()),
				row,
				seen
			);
			seen += rows.length;
		}
	} finally {
		rs.close();
	}
}
