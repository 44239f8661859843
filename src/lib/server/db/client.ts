/**
 * The one ClickHouse client of the process. Embedded ClickHouse (chdb, in-process) unless
 * CLICKHOUSE_URL points at a server; the rest of the code cannot tell the difference.
 */
import { mkdirSync } from 'node:fs';
import { createClient, type ClickHouseClient, type ClickHouseClientConfigOptions } from '@clickhouse/client';
import { createRequire } from 'node:module';
import { config } from '../config';

let client: ClickHouseClient | null = null;

export function db(): ClickHouseClient {
	if (client) return client;
	const c = config();
	if (c.embeddedPath) {
		mkdirSync(c.embeddedPath, { recursive: true });
		// chdb implements the Connection contract from @clickhouse/client-common, which the
		// client package also ships as its own copy of the types: same shape, two declarations.
		// Loaded on first use, not at import: vite build imports server modules in a worker
		// thread, and chdb's native library crashes the process when such a thread exits.
		const { createChdbConnection } = createRequire(import.meta.url)('chdb/connection') as typeof import('chdb/connection');
		const connection = createChdbConnection({ path: c.embeddedPath }) as unknown as ClickHouseClientConfigOptions['connection'];
		client = createClient({ connection });
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

export async function closeDb(): Promise<void> {
	const c = client;
	client = null;
	await c?.close();
}
