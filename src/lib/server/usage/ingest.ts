/**
 * POST /api/v1/usage-events, end to end: authenticate, read, validate, commit, report.
 * The response is sent only after ClickHouse has committed the accepted rows.
 *
 * Status codes: 200 every event stored or already stored (duplicates); 207 some lines
 * rejected, the valid ones stored; 422 every line rejected, nothing stored; 400 the body
 * as a whole is unusable (not JSON, not an array, empty, too many events); 401 missing or
 * bad key; 403 a portal key; 413 body over the limit; 415 wrong content type;
 * 503 storage failed, nothing from this request stored, safe to retry.
 */
import { json } from '@sveltejs/kit';
import { bearerToken, verifyApiKey } from '../auth/api-keys';
import { BodyTooLargeError, readBodyBytes } from '../http/body';
import { jsonError } from '../http/json';
import { BatchFormatError, type BodyKind, type ParsedBatch } from './parse-batch';
import { validateBody } from './validator-pool';
import { announceBatch, commitRows } from './writer';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export async function handleIngest(request: Request): Promise<Response> {
	const key = await verifyApiKey(bearerToken(request.headers.get('authorization')) ?? '');
	if (!key) {
		return jsonError(401, 'missing or invalid API key: send Authorization: Bearer <key>', {}, { 'www-authenticate': 'Bearer' });
	}
	if (key.kind !== 'agency') return jsonError(403, 'this key is for the national portal, not for sending usage events');

	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	const kind: BodyKind | null =
		type === 'application/x-ndjson' || type === 'application/jsonl' ? 'ndjson' : type === 'application/json' ? 'json' : null;
	if (!kind) {
		return jsonError(415, `content type must be application/x-ndjson or application/json, got ${type || 'none'}`);
	}

	let bytes: Uint8Array;
	try {
		bytes = await readBodyBytes(request, MAX_BODY_BYTES);
	} catch (err) {
		if (err instanceof BodyTooLargeError) return jsonError(413, err.message, { limit_bytes: err.limit });
		throw err;
	}

	let batch: ParsedBatch;
	// Announced to the writer while it is validated (not while it uploads, which may take
	// long): the writer may wait for it. Arrived just before it is committed, or refused.
	const arrived = announceBatch();
	try {
		batch = await validateBody(bytes, kind, key.agencyCode);
	} catch (err) {
		if (err instanceof BatchFormatError) return jsonError(400, err.message);
		throw err;
	} finally {
		arrived();
	}
	if (batch.valid.ids.length === 0 && batch.rejected.length === 0) return jsonError(400, 'the body contains no events');

	let committed;
	try {
		committed = await commitRows(batch.valid);
	} catch (err) {
		console.error('usage event commit failed', err);
		return jsonError(503, 'storage is unavailable; nothing from this request was stored, retry later', {}, { 'retry-after': '5' });
	}
	const status = batch.rejected.length === 0 ? 200 : batch.valid.ids.length > 0 ? 207 : 422;
	return json({ accepted: committed.accepted, duplicates: committed.duplicates, rejected: batch.rejected }, { status });
}
