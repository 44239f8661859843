/**
 * A statistics feed's POST endpoint, end to end, under the usage-event API's rules
 * (usage/ingest.ts): Bearer agency key (none or bad: 401; a portal key: 403), NDJSON or a
 * JSON array (else 415), the same body limit (413), per-line rejections naming line and
 * field, and the response only once the accepted records are committed.
 *
 * Status codes: 200 every record stored or already stored (duplicates); 207 some lines
 * rejected, the valid ones stored; 422 every line rejected, nothing stored; 400 the body as
 * a whole is unusable; 503 storage failed, nothing from this request stored, safe to retry.
 */
import { json } from '@sveltejs/kit';
import type { Checked } from '../../schemas/feed-common';
import { bearerToken, verifyApiKey } from '../auth/api-keys';
import { BodyTooLargeError, readBodyBytes } from '../http/body';
import { jsonError } from '../http/json';
import { MAX_BODY_BYTES } from '../usage/ingest';
import type { FeedCommit } from './feed-writer';
import { BatchFormatError, readFeedBatch, type BodyKind } from './read-batch';

export interface FeedEndpoint<T> {
	/** What the records are, for messages: "signature events". */
	what: string;
	/** One decoded record, for the agency whose key sent it. */
	validate: (value: unknown, agencyCode: string) => Checked<T>;
	/** Commit the valid records (one insert); resolves once they are stored. */
	store: (records: T[], agencyCode: string) => Promise<FeedCommit>;
}

export async function handleFeed<T>(request: Request, endpoint: FeedEndpoint<T>): Promise<Response> {
	const key = await verifyApiKey(bearerToken(request.headers.get('authorization')) ?? '');
	if (!key) {
		return jsonError(401, 'missing or invalid API key: send Authorization: Bearer <key>', {}, { 'www-authenticate': 'Bearer' });
	}
	if (key.kind !== 'agency') return jsonError(403, `this key is for the national portal, not for sending ${endpoint.what}`);

	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	const kind: BodyKind | null =
		type === 'application/x-ndjson' || type === 'application/jsonl' ? 'ndjson' : type === 'application/json' ? 'json' : null;
	if (!kind) return jsonError(415, `content type must be application/x-ndjson or application/json, got ${type || 'none'}`);

	let bytes: Uint8Array;
	try {
		bytes = await readBodyBytes(request, MAX_BODY_BYTES);
	} catch (err) {
		if (err instanceof BodyTooLargeError) return jsonError(413, err.message, { limit_bytes: err.limit });
		throw err;
	}

	let batch;
	try {
		batch = readFeedBatch(bytes, kind, (value) => endpoint.validate(value, key.agencyCode));
	} catch (err) {
		if (err instanceof BatchFormatError) return jsonError(400, err.message);
		throw err;
	}
	if (batch.valid.length === 0 && batch.rejected.length === 0) return jsonError(400, `the body contains no ${endpoint.what}`);

	let committed: FeedCommit;
	try {
		committed = await endpoint.store(batch.valid, key.agencyCode);
	} catch (err) {
		console.error(`${endpoint.what}: commit failed`, err);
		return jsonError(503, 'storage is unavailable; nothing from this request was stored, retry later', {}, { 'retry-after': '5' });
	}
	const status = batch.rejected.length === 0 ? 200 : batch.valid.length > 0 ? 207 : 422;
	return json({ accepted: committed.accepted, duplicates: committed.duplicates, rejected: batch.rejected }, { status });
}
