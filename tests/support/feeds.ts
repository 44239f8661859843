/**
 * The statistics feeds' APIs as senders call them, months no other test uses, and the
 * server's own database opened by the test once the server is stopped (the way
 * flags.test.ts checks tables): the raw feeds and their rollups are not served over HTTP.
 */
import { z } from 'zod';
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

const adoptionCell = z.object({ year: z.coerce.number(), county: z.string(), age_band: z.string(), people: z.coerce.number() });

/** stats_adoption_year before 2016 (test data only), and the same counted over both feeds' raw rows. */
export async function adoptionBefore2016(db: Db): Promise<{ rollup: z.infer<typeof adoptionCell>[]; raw: z.infer<typeof adoptionCell>[] }> {
	const rollup = await db.queryRows(
		'SELECT year, county, age_band, uniqMerge(people) AS people FROM stats_adoption_year WHERE year < 2016 GROUP BY year, county, age_band ORDER BY year, county, age_band',
		{},
		adoptionCell
	);
	const raw = await db.queryRows(
		`SELECT year, county, age_band, uniqExact(person_key) AS people FROM (
			SELECT toYear(signed_at, 'Europe/Tallinn') AS year, county, age_band, person_key FROM signature_event
			UNION ALL SELECT toYear(used_at, 'Europe/Tallinn') AS year, county, age_band, person_key FROM service_event
		) WHERE year < 2016 GROUP BY year, county, age_band ORDER BY year, county, age_band`,
		{},
		adoptionCell
	);
	return { rollup, raw };
}

/** How many rows each of these event ids has in a feed's raw table (ids not stored are absent). */
export async function timesStored(db: Db, table: 'signature_event' | 'service_event', ids: string[]): Promise<Map<string, number>> {
	const rows = await db.queryRows(
		`SELECT toString(event_id) AS id, count() AS n FROM ${table} WHERE event_id IN {ids:Array(UUID)} GROUP BY id`,
		{ ids },
		z.object({ id: z.string(), n: z.coerce.number() })
	);
	return new Map(rows.map((r) => [r.id, r.n]));
}
