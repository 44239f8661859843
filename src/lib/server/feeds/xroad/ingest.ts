/**
 * POST /api/v1/xroad/opmonitoring, end to end: authenticate, read, validate, commit,
 * report. The same rules as the usage-event API: the answer comes only after ClickHouse
 * has committed the accepted records.
 *
 * Status codes: 200 every record stored or a repeat; 207 some records rejected, the valid
 * ones stored; 422 every record rejected, nothing stored; 400 the body as a whole is
 * unusable (not JSON, not records, empty, too many records); 401 missing or bad key;
 * 403 a portal key; 413 body over the limit; 415 wrong content type; 503 storage failed,
 * safe to retry (each record is stored once and each message counted once however often
 * a batch is sent).
 */
import { json } from '@sveltejs/kit';
import { bearerToken, verifyApiKey } from '../../auth/api-keys';
import { BodyTooLargeError, readBodyBytes } from '../../http/body';
import { jsonError } from '../../http/json';
import { BodyFormatError, parseOpmonBody, type BodyKind, type ParsedOpmonBody } from './parse-body';
import { commitOpmonRecords } from './writer';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export async function handleOpmonIngest(request: Request): Promise<Response> {
	const key = await verifyApiKey(bearerToken(request.headers.get('authorization')) ?? '');
	if (!key) {
		return jsonError(401, 'missing or invalid API key: send Authorization: Bearer <key>', {}, { 'www-authenticate': 'Bearer' });
	}
	if (key.kind !== 'agency') return jsonError(403, 'this key is for the national portal, not for sending operational monitoring data');

	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	const kind: BodyKind | null =
		type === 'application/x-ndjson' || type === 'application/jsonl' ? 'ndjson' : type === 'application/json' ? 'json' : null;
	if (!kind) return jsonError(415, `content type must be application/json or application/x-ndjson, got ${type || 'none'}`);

	let bytes: Uint8Array;
	try {
		bytes = await readBodyBytes(request, MAX_BODY_BYTES);
	} catch (err) {
		if (err instanceof BodyTooLargeError) return jsonError(413, err.message, { limit_bytes: err.limit });
		throw err;
	}

	let parsed: ParsedOpmonBody;
	try {
		parsed = parseOpmonBody(bytes, kind);
	} catch (err) {
		if (err instanceof BodyFormatError) return jsonError(400, err.message);
		throw err;
	}
	if (parsed.valid.length === 0 && parsed.rejected.length === 0) return jsonError(400, 'the body contains no records');

	let committed;
	try {
		committed = await commitOpmonRecords(parsed.valid.map((v) => ({ line: v.line, reporter: key.agencyCode, record: v.record })));
	} catch (err) {
		// The error names tables and keys, never a record's values (the personal fields are long gone).
		console.error('x-road operational monitoring commit failed', err);
		return jsonError(503, 'storage is unavailable; retry later (a retry stores each record once)', {}, { 'retry-after': '5' });
	}
	const status = parsed.rejected.length === 0 ? 200 : parsed.valid.length > 0 ? 207 : 422;
	return json({ accepted: committed.accepted, duplicates: committed.duplicates, rejected: parsed.rejected }, { status });
}
