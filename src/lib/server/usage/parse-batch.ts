/**
 * Turning an ingestion request body into validated events and per-line rejections.
 * NDJSON: one event per line (blank lines are skipped but still counted). JSON: an array
 * of events, each element counting as a line. Lines are numbered from 1.
 *
 * Valid events come out as their event_id and a RowBinary row of the validated event
 * (every field present), which is what the writer stores: the database never parses text
 * the agency wrote.
 *
 * NDJSON is decoded line by line: a whole body with one non-ASCII character (a § in a
 * legal basis) becomes a two-byte string, and decoding and parsing that costs about twice
 * as much as decoding each line on its own.
 */
import { validateUsageEvent } from '../../schemas/usage-event';
import type { LeafBodyWriter } from '../ledger/leaf-body';
import { EventRowsBuilder, type EventRows } from './event-rows';

export interface Rejection {
	line: number;
	field: string;
	message: string;
}

export interface ParsedBatch {
	/** The valid events, as rows for ClickHouse. */
	valid: EventRows;
	rejected: Rejection[];
}

interface Collector {
	valid: EventRowsBuilder;
	rejected: Rejection[];
}

export type BodyKind = 'ndjson' | 'json';

export class BatchFormatError extends Error {}

export const MAX_EVENTS_PER_BATCH = 50_000;

function validate(line: number, value: unknown, out: Collector, agencyCode: string): void {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		out.rejected.push({ line, field: '', message: 'must be a JSON object' });
		return;
	}
	const parsed = validateUsageEvent(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const field = issue.path.length > 0 ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? (issue.keys?.join(', ') ?? '') : '';
		out.rejected.push({ line, field, message: issue.message });
		return;
	}
	if (parsed.data.agency_code !== agencyCode) {
		out.rejected.push({ line, field: 'agency_code', message: `must be ${agencyCode}, the agency this API key belongs to` });
		return;
	}
	out.valid.add(parsed.data);
}

const NEWLINE = 0x0a;

/**
 * Each line of an NDJSON body, decoded on its own (see above) and parsed: `onValue` gets
 * the line's number and value; a line that is not JSON becomes a rejection. Blank lines
 * are skipped but counted; more than `maxRecords` non-blank lines refuse the whole body.
 * The usage-event API and the statistics feeds read NDJSON through this one loop.
 */
export function eachNdjsonValue(
	buf: Buffer,
	maxRecords: number,
	noun: string,
	rejected: Rejection[],
	onValue: (line: number, value: unknown) => void
): void {
	let line = 0;
	let start = 0;
	let count = 0;
	while (start <= buf.byteLength) {
		let end = buf.indexOf(NEWLINE, start);
		if (end === -1) end = buf.byteLength;
		line++;
		const raw = buf.toString('utf8', start, end).trim();
		start = end + 1;
		if (raw === '') continue;
		if (++count > maxRecords) throw new BatchFormatError(`at most ${maxRecords} ${noun} per request (line ${line})`);
		let value: unknown;
		try {
			value = JSON.parse(raw);
		} catch (err) {
			rejected.push({ line, field: '', message: `not valid JSON: ${(err as Error).message}` });
			continue;
		}
		onValue(line, value);
	}
}

export function parseNdjson(bytes: Uint8Array, agencyCode: string, leaves: LeafBodyWriter | null): ParsedBatch {
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const out: Collector = { valid: new EventRowsBuilder(leaves, buf.byteLength + 1024), rejected: [] };
	eachNdjsonValue(buf, MAX_EVENTS_PER_BATCH, 'events', out.rejected, (line, value) => validate(line, value, out, agencyCode));
	return { valid: out.valid.finish(), rejected: out.rejected };
}

export function parseJsonArray(text: string, agencyCode: string, leaves: LeafBodyWriter | null): ParsedBatch {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (err) {
		throw new BatchFormatError(`body is not valid JSON: ${(err as Error).message}`);
	}
	if (!Array.isArray(value)) throw new BatchFormatError('body must be a JSON array of events (or send application/x-ndjson)');
	if (value.length > MAX_EVENTS_PER_BATCH) throw new BatchFormatError(`at most ${MAX_EVENTS_PER_BATCH} events per request, got ${value.length}`);
	const out: Collector = { valid: new EventRowsBuilder(leaves, text.length + 1024), rejected: [] };
	value.forEach((element, i) => validate(i + 1, element, out, agencyCode));
	return { valid: out.valid.finish(), rejected: out.rejected };
}

/** A whole request body, as bytes: decode, then parse by kind. */
export function parseBody(bytes: Uint8Array, kind: BodyKind, agencyCode: string, leaves: LeafBodyWriter | null): ParsedBatch {
	if (kind === 'ndjson') return parseNdjson(bytes, agencyCode, leaves);
	return parseJsonArray(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), agencyCode, leaves);
}
