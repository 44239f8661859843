/**
 * Migration runner: db/migrations/NNNN_name.sql applied in order, each recorded with the
 * SHA-256 of its text. An applied migration whose file changed afterwards (or vanished)
 * stops the process, naming the file: the schema would no longer be what the files say.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { config } from '../config';
import { chTime, int64 } from './columns';
import { command, insertRows, queryRows } from './query';

export interface MigrationFile {
	version: number;
	name: string;
	file: string;
	sql: string;
	checksum: string;
}

export class MigrationError extends Error {}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function readMigrations(dir = config().migrationsDir): MigrationFile[] {
	const abs = path.resolve(dir);
	const files = readdirSync(abs).filter((f) => f.endsWith('.sql')).sort();
	const seen = new Set<number>();
	return files.map((file) => {
		const m = FILE_NAME.exec(file);
		if (!m) throw new MigrationError(`Migration file ${file} must be named NNNN_lower_case_name.sql`);
		const version = Number(m[1]);
		if (seen.has(version)) throw new MigrationError(`Two migration files share version ${m[1]} (${file})`);
		seen.add(version);
		const sql = readFileSync(path.join(abs, file), 'utf8');
		return { version, name: m[2]!, file, sql, checksum: createHash('sha256').update(sql).digest('hex') };
	});
}

/** Split a migration into statements: a statement ends with ';' at the end of a line. */
export function splitStatements(sql: string): string[] {
	const withoutComments = sql
		.split('\n')
		.filter((line) => !line.trimStart().startsWith('--'))
		.join('\n');
	return withoutComments
		.split(/;\s*$/m)
		.map((s) => s.trim())
		.filter((s) => s.length > 0);
}

const appliedRow = z.object({ version: int64, name: z.string(), checksum: z.string() });

export interface MigrateResult {
	applied: string[];
	alreadyApplied: number;
}

export async function migrate(files: MigrationFile[] = readMigrations()): Promise<MigrateResult> {
	await command(
		`CREATE TABLE IF NOT EXISTS schema_migration (
			version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC')
		) ENGINE = MergeTree ORDER BY version`
	);
	const applied = await queryRows('SELECT version, name, checksum FROM schema_migration ORDER BY version', {}, appliedRow);
	const byVersion = new Map(files.map((f) => [f.version, f]));
	for (const row of applied) {
		const file = byVersion.get(row.version);
		const fileName = `${String(row.version).padStart(4, '0')}_${row.name}.sql`;
		if (!file) throw new MigrationError(`Applied migration ${fileName} is missing from the migrations directory`);
		if (file.checksum !== row.checksum) {
			throw new MigrationError(
				`Migration ${file.file} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… recorded, ${file.checksum.slice(0, 12)}… now). ` +
					'Restore the file and put the change in a new migration.'
			);
		}
	}
	const done = new Set(applied.map((r) => r.version));
	const result: MigrateResult = { applied: [], alreadyApplied: done.size };
	for (const file of files) {
		if (done.has(file.version)) continue;
		// Statements use IF NOT EXISTS, so re-running a migration that died half-way is safe.
		for (const statement of splitStatements(file.sql)) await command(statement);
		await insertRows('schema_migration', [
			{ version: file.version, name: file.name, checksum: file.checksum, applied_at: chTime(Date.now()) }
		]);
		result.applied.push(file.file);
	}
	return result;
}
