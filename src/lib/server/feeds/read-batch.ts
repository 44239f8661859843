/**
 * Reading a feed's request body into valid records and per-line rejections, for any feed:
 * the bytes, their kind (NDJSON: one record a line, blank lines skipped but counted; JSON:
 * an array, each element a line) and a validator for one decoded record. Lines are
 * numbered from 1. A body that is unusable as a whole throws BatchFormatError (a 400).
 *
 * The usage-event API has its own, tuned reader (usage/parse-batch.ts); the feeds share
 * its NDJSON loop, rules and limits, not its row format.
 */
import type { Checked } from '../../schemas/feed-common';
import { BatchFormatError, MAX_EVENTS_PER_BATCH, eachNdjsonValue, type BodyKind, type Rejection } from '../usage/parse-batch';

export { BatchFormatError, type BodyKind, type Rejection };

export type RecordValidator<T> = (value: unknown) => Checked<T>;

export interface FeedBatch<T> {
	valid: T[];
	rejected: Rejection[];
}

function add<T>(out: FeedBatch<T>, line: number, value: unknown, validate: RecordValidator<T>): void {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		out.rejected.push({ line, field: '', message: 'must be a JSON object' });
		return;
	}
	const r = validate(value);
	if (r.ok) out.valid.push(r.value);
	else out.rejected.push({ line, field: r.field, message: r.message });
}

export function readFeedBatch<T>(bytes: Uint8Array, kind: BodyKind, validate: RecordValidator<T>, maxRecords = MAX_EVENTS_PER_BATCH): FeedBatch<T> {
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const out: FeedBatch<T> = { valid: [], rejected: [] };
	if (kind === 'json') {
		let value: unknown;
		try {
			value = JSON.parse(buf.toString('utf8'));
		} catch (err) {
			throw new BatchFormatError(`body is not valid JSON: ${(err as Error).message}`);
		}
		if (!Array.isArray(value)) throw new BatchFormatError('body must be a JSON array of records (or send application/x-ndjson)');
		if (value.length > maxRecords) throw new BatchFormatError(`at most ${maxRecords} records per request, got ${value.length}`);
		value.forEach((element, i) => add(out, i + 1, element, validate));
		return out;
	}
	eachNdjsonValue(buf, maxRecords, 'records', out.rejected, (line, value) => add(out, line, value, validate));
	return out;
}
