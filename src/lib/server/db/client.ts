/**
 * The one ClickHouse client of the process. Embedded ClickHouse (chdb, in-process) unless
 * CLICKHOUSE_URL points at a server; the rest of the code cannot tell the difference.
 */
import { mkdirSync } from 'node:fs';
import { createClient, type ClickHouseClient, type ClickHouseClientConfigOptions } from '@clickhouse/client';
import { createRequire } from 'node:module';
import { config } from '../config';

let client: ClickHouseClient | null = null;
let bulkClient: ClickHouseClient | null = null;

function embeddedClient(path: string): ClickHouseClient {
	mkdirSync(path, { recursive: true });
	// chdb implements the Connection contract from @clickhouse/client-common, which the
	// client package also ships as its own copy of the types: same shape, two declarations.
	// Loaded on first use, not at import: vite build imports server modules in a worker
	// thread, and chdb's native library crashes the process when such a thread exits.
	const { createChdbConnection } = createRequire(import.meta.url)('chdb/connection') as typeof import('chdb/connection');
	const connection = createChdbConnection({ path }) as unknown as ClickHouseClientConfigOptions['connection'];
	return createClient({ connection });
}

export function db(): ClickHouseClient {
	if (client) return client;
	const c = config();
	if (c.embeddedPath) {
		client = embeddedClient(c.embeddedPath);
	} else {
		client = createClient({
			url: c.CLICKHOUSE_URL,
			username: c.CLICKHOUSE_USER,
			password: c.CLICKHOUSE_PASSWORD,
			clickhouse_settings: { date_time_input_format: 'best_effort' }
		});
	}
	return client;
}

/** Whether this process owns an embedded data directory (and so must be its only user). */
export function isEmbedded(): boolean {
	return config().embeddedPath !== null;
}

/**
 * The client bulk inserts go through (db/bulk-insert.ts). Embedded, a second connection to
 * the same data directory: chdb runs one query at a time per connection, so a batch being
 * written on the first would hold up every page's reads until it is stored. A server's
 * client already runs queries side by side: it is the same client.
 */
export function bulkDb(): ClickHouseClient {
	const c = config();
	if (!c.embeddedPath) return db();
	db(); // the first connection opens the directory (and is the one closed last)
	bulkClient ??= embeddedClient(c.embeddedPath);
	return bulkClient;
}

export async function closeDb(): Promise<void> {
	const [c, b] = [client, bulkClient];
	client = null;
	bulkClient = null;
	await b?.close();
	await c?.close();
}
