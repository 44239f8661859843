/**
 * An operational monitoring request body as a security server (or a collector) gives it:
 * application/json as `{"records": [...]}` (the getSecurityServerOperationalData payload)
 * or a bare array of records, or application/x-ndjson with one record per line. Each
 * record's line is its position from 1 (in NDJSON, blank lines count but are skipped).
 *
 * No error message quotes the body: JSON.parse's own message can show the text around the
 * fault, which may be a messageUserId. Only the position is reported.
 */
import { validateOpmonRecord, type OpmonRecord } from '../../../schemas/xroad-opmonitoring';

export interface Rejection {
	line: number;
	field: string;
	message: string;
}

export interface LinedRecord {
	line: number;
	record: OpmonRecord;
}

export interface ParsedOpmonBody {
	valid: LinedRecord[];
	rejected: Rejection[];
}

export type BodyKind = 'ndjson' | 'json';

export class BodyFormatError extends Error {}

export const MAX_RECORDS_PER_BATCH = 50_000;

/** JSON.parse's complaint reduced to where it is, never what is there. */
function jsonFault(err: unknown): string {
	const at = /position (\d+)/.exec((err as Error).message ?? '');
	return at ? `not valid JSON (at character ${Number(at[1]) + 1})` : 'not valid JSON';
}

function collect(line: number, value: unknown, out: ParsedOpmonBody): void {
	const v = validateOpmonRecord(value);
	if (v.ok) out.valid.push({ line, record: v.record });
	else out.rejected.push({ line, field: v.field, message: v.message });
}

export function parseNdjson(text: string): ParsedOpmonBody {
	const lines = text.split('\n').map((l) => l.trim());
	// Counted before any is validated: an oversized body is refused at once.
	let count = 0;
	for (const [i, l] of lines.entries()) {
		if (l !== '' && ++count > MAX_RECORDS_PER_BATCH) throw new BodyFormatError(`at most ${MAX_RECORDS_PER_BATCH} records per request (line ${i + 1})`);
	}
	const out: ParsedOpmonBody = { valid: [], rejected: [] };
	lines.forEach((line, i) => {
		if (line === '') return;
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch (err) {
			out.rejected.push({ line: i + 1, field: '', message: jsonFault(err) });
			return;
		}
		collect(i + 1, value, out);
	});
	return out;
}

export function parseJson(text: string): ParsedOpmonBody {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (err) {
		throw new BodyFormatError(`body is ${jsonFault(err)}`);
	}
	const records =
		Array.isArray(value) ? value
		: typeof value === 'object' && value !== null && Array.isArray((value as { records?: unknown }).records) ? (value as { records: unknown[] }).records
		: null;
	if (!records) throw new BodyFormatError('body must be {"records": [...]} or a JSON array of records (or send application/x-ndjson)');
	if (records.length > MAX_RECORDS_PER_BATCH) throw new BodyFormatError(`at most ${MAX_RECORDS_PER_BATCH} records per request, got ${records.length}`);
	const out: ParsedOpmonBody = { valid: [], rejected: [] };
	records.forEach((r, i) => collect(i + 1, r, out));
	return out;
}

export function parseOpmonBody(bytes: Uint8Array, kind: BodyKind): ParsedOpmonBody {
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
		.toString('utf8')
		.replace(/^\ufeff/, '');
	return kind === 'ndjson' ? parseNdjson(text) : parseJson(text);
}
