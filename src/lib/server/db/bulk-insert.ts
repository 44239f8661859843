/**
 * Bulk inserts of RowBinary rows through `INSERT ... SELECT <expressions> FROM <source>`.
 * Embedded ClickHouse reads the batch from a file (chdb passes inline insert data through
 * its query text, as text, at a fraction of the speed); a ClickHouse server gets the same
 * bytes streamed as the body of `FROM input(...)`. Either way the same rows are stored.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { config } from '../config';
import { bulkDb } from './client';
import { sqlString } from './sql-literal';

export interface BulkInsert {
	/** Target table and column list. This and `select` are SQL text from constants in code, never input. */
	into: string;
	/** Select expressions over the source columns, in target column order. */
	select: string;
	/** Source structure: "name Type, ..." of the RowBinary input columns. */
	structure: string;
}

let tmpDir: string | null = null;

function batchDir(): string {
	if (!tmpDir) {
		tmpDir = path.join(config().dataDir, 'tmp');
		mkdirSync(tmpDir, { recursive: true });
	}
	return tmpDir;
}

/** Insert a batch of RowBinary rows in spec.structure. */
export async function bulkInsert(spec: BulkInsert, body: Uint8Array): Promise<void> {
	if (config().embeddedPath) {
		const file = path.join(batchDir(), `insert-${randomUUID()}.batch`);
		await writeFile(file, body);
		try {
			// On a connection of its own (bulkDb), and without parameters: the file's path and
			// the structure are the server's own, written into the text, because chdb runs every
			// query with parameters one at a time, process-wide, whatever its connection.
			await bulkDb().command({
				query: `INSERT INTO ${spec.into} SELECT ${spec.select} FROM file(${sqlString(file)}, 'RowBinary', ${sqlString(spec.structure)})`
			});
		} finally {
			await unlink(file).catch(() => undefined);
		}
	} else {
		await bulkDb().exec({
			query: `INSERT INTO ${spec.into} SELECT ${spec.select} FROM input({structure:String}) FORMAT RowBinary`,
			query_params: { structure: spec.structure },
			values: Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)], { objectMode: false })
		});
	}
}
