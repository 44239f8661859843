/**
 * The statistics feeds' APIs as senders call them, months no other test uses, and the
 * server's own database opened by the test once the server is stopped (the way
 * flags.test.ts checks tables): the raw feeds and their rollups are not served over HTTP.
 */
import type { TestServer } from './server';
import { ndjson } from './data';

export interface FeedResult {
	status: number;
	body: { accepted?: string[]; duplicates?: string[]; rejected?: { line: number; field: string; message: string }[]; error?: string; [k: string]: unknown };
}

/** POST records to a feed (NDJSON unless a raw body or another content type is given). */
export async function postFeed(
	server: TestServer,
	feed: 'signature-events' | 'service-events',
	key: string | null,
	records: unknown[] | string,
	contentType = 'application/x-ndjson'
): Promise<FeedResult> {
	const headers: Record<string, string> = { 'content-type': contentType };
	if (key !== null) headers.authorization = `Bearer ${key}`;
	const body = typeof records === 'string' ? records : contentType === 'application/json' ? JSON.stringify(records) : ndjson(records);
	const res = await fetch(`${server.url}/api/v1/${feed}`, { method: 'POST', headers, body });
	const text = await res.text();
	let parsed: FeedResult['body'];
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = { error: text };
	}
	return { status: res.status, body: parsed };
}

/**
 * Calendar months of 2001-2015 (no seeded data is that old), a new one per call, starting
 * at a random one so reruns do not depend on each other's data.
 */
export function monthsBefore2016(): () => { month: string; year: number; at: (day: number, hour?: number) => string } {
	let next = Math.floor(Math.random() * 120);
	return () => {
		const n = next++ % 180;
		const year = 2001 + Math.floor(n / 12);
		const mm = String((n % 12) + 1).padStart(2, '0');
		return {
			month: `${year}-${mm}-01`,
			year,
			// Mid-day UTC on a day of the month: the same day and month in Tallinn.
			at: (day, hour = 10) => `${year}-${mm}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`
		};
	};
}

export type Db = {
	queryRows: typeof import('../../src/lib/server/db/query').queryRows;
	queryOne: typeof import('../../src/lib/server/db/query').queryOne;
	closeDb: () => Promise<void>;
};

/**
 * Stop the server (keeping its data) and open its database in this process. The test file
 * must have set PEEGEL_DATA_DIR to the server's data directory before anything read the config.
 */
export async function openStoppedServerDb(server: TestServer): Promise<Db> {
	await server.stop({ keepData: true });
	const { queryRows, queryOne } = await import('../../src/lib/server/db/query');
	const { closeDb } = await import('../../src/lib/server/db/client');
	return { queryRows, queryOne, closeDb };
}
