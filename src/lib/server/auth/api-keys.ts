/**
 * Agencies' API keys. A key is `pgl_<key id>_<secret>`; we store the key id and the
 * SHA-256 of the whole key, so the key is shown once and never again. A key belongs to one
 * agency; a portal key is for the national portal's findUsage calls.
 */
import { z } from 'zod';
import { bool, chTime } from '../db/columns';
import { insertRows, queryOne } from '../db/query';
import { digest, digestsEqual, randomToken } from './tokens';

export type KeyKind = 'agency' | 'portal';

export interface ApiKey {
	keyId: string;
	agencyCode: string;
	kind: KeyKind;
	name: string;
}

const KEY_FORMAT = /^pgl_([a-z2-7]{16})_([a-z2-7]{32})$/;

const keyRow = z.object({
	key_id: z.string(),
	secret_hash: z.string(),
	agency_code: z.string(),
	kind: z.enum(['agency', 'portal']),
	name: z.string(),
	revoked: bool
});

export async function createApiKey(input: { agencyCode: string; kind: KeyKind; name: string }): Promise<{ key: string; keyId: string }> {
	const keyId = randomToken(10);
	const key = `pgl_${keyId}_${randomToken(20)}`;
	await insertRows('api_key', [
		{
			key_id: keyId,
			secret_hash: digest(key),
			agency_code: input.agencyCode,
			kind: input.kind,
			name: input.name,
			created_at: chTime(Date.now()),
			revoked: false,
			version: 1
		}
	]);
	return { key, keyId };
}

/** Verified keys are remembered briefly: agencies send many batches a second. */
const CACHE_MS = 30_000;
const cache = new Map<string, { key: ApiKey | null; until: number }>();

export async function verifyApiKey(presented: string): Promise<ApiKey | null> {
	const m = KEY_FORMAT.exec(presented);
	if (!m) return null;
	const hash = digest(presented);
	const hit = cache.get(hash);
	if (hit && hit.until > Date.now()) return hit.key;
	const row = await queryOne(
		`SELECT key_id, secret_hash, agency_code, kind, name, revoked
		 FROM api_key FINAL WHERE key_id = {keyId:String}`,
		{ keyId: m[1]! },
		keyRow
	);
	const key =
		row && !row.revoked && digestsEqual(row.secret_hash, hash)
			? { keyId: row.key_id, agencyCode: row.agency_code, kind: row.kind, name: row.name }
			: null;
	if (cache.size > 10_000) cache.clear();
	cache.set(hash, { key, until: Date.now() + CACHE_MS });
	return key;
}

/** The key from an `Authorization: Bearer <key>` header, or null. */
export function bearerToken(header: string | null): string | null {
	const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
	return m ? m[1]! : null;
}
