/**
 * Bulk inserts of JSONEachRow text through `INSERT ... SELECT <conversions> FROM <source>`.
 * Embedded ClickHouse reads the batch from a file (chdb passes inline insert data through
 * its query text at about a quarter of the speed); a ClickHouse server gets the same text
 * streamed as the body of `FROM input(...)`. Either way ClickHouse does the conversions
 * (RFC 3339 parsing, enum mapping), so both modes store identical rows.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { config } from '../config';
import { db } from './client';

export interface BulkInsert {
	/** Target table and column list. This and `select` are SQL text from constants in code, never input. */
	into: string;
	/** Select expressions over the source columns, in target column order. */
	select: string;
	/** Source structure: "name Type, ..." of the input columns. */
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

/** Insert a batch of JSONEachRow text (UTF-8 bytes). */
export async function bulkInsert(spec: BulkInsert, body: Uint8Array): Promise<void> {
	if (config().embeddedPath) {
		const file = path.join(batchDir(), `insert-${randomUUID()}.batch`);
		await writeFile(file, body);
		try {
			await db().command({
				query: `INSERT INTO ${spec.into} SELECT ${spec.select} FROM file({file:String}, 'JSONEachRow', {structure:String})`,
				query_params: { file, structure: spec.structure }
			});
		} finally {
			await unlink(file).catch(() => undefined);
		}
	} else {
		await db().exec({
			query: `INSERT INTO ${spec.into} SELECT ${spec.select} FROM input({structure:String}) FORMAT JSONEachRow`,
			query_params: { structure: spec.structure },
			values: Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)], { objectMode: false })
		});
	}
}
