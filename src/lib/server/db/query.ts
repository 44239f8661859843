/**
 * Typed reads: every row that comes back from ClickHouse is parsed with zod, so a schema
 * drift shows up as an error naming the column instead of an undefined in a page.
 */
import type { z } from 'zod';
import { db } from './client';

export type Params = Record<string, unknown>;

export async function queryRows<S extends z.ZodType>(query: string, params: Params, row: S): Promise<z.output<S>[]> {
	const rs = await db().query({ query, query_params: params, format: 'JSONEachRow' });
	const raw = await rs.json<unknown>();
	return raw.map((r, i) => {
		const parsed = row.safeParse(r);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new Error(`Unexpected row ${i} from ClickHouse: ${issue?.path.join('.')}: ${issue?.message}`);
		}
		return parsed.data;
	});
}

export async function queryOne<S extends z.ZodType>(query: string, params: Params, row: S): Promise<z.output<S> | null> {
	const rows = await queryRows(query, params, row);
	return rows[0] ?? null;
}

export async function command(query: string, params: Params = {}): Promise<void> {
	await db().command({ query, query_params: params });
}

/** Insert plain objects as JSONEachRow (reference data, sessions: small writes). */
export async function insertRows(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
	if (rows.length === 0) return;
	await db().insert({ table, values: rows as Record<string, unknown>[], format: 'JSONEachRow' });
}
