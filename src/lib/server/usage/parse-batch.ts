/**
 * Turning an ingestion request body into validated events and per-line rejections.
 * NDJSON: one event per line (blank lines are skipped but still counted). JSON: an array
 * of events, each element counting as a line. Lines are numbered from 1.
 */
import { validateUsageEvent, type UsageEvent } from '../../schemas/usage-event';

export interface Rejection {
	line: number;
	field: string;
	message: string;
}

export interface ParsedBatch {
	events: UsageEvent[];
	/** Each valid event's JSON text as received (NDJSON), index by index with events. */
	json: string[] | undefined;
	rejected: Rejection[];
}

export class BatchFormatError extends Error {}

export const MAX_EVENTS_PER_BATCH = 50_000;

/** Validate one decoded value; true when it was accepted into out.events. */
function validate(line: number, value: unknown, out: ParsedBatch, agencyCode: string): boolean {
	const parsed = validateUsageEvent(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const field = issue.path.length > 0 ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? (issue.keys?.join(', ') ?? '') : '';
		out.rejected.push({ line, field, message: issue.message });
		return false;
	}
	if (parsed.data.agency_code !== agencyCode) {
		out.rejected.push({ line, field: 'agency_code', message: `must be ${agencyCode}, the agency this API key belongs to` });
		return false;
	}
	out.events.push(parsed.data);
	return true;
}

export function parseNdjson(text: string, agencyCode: string): ParsedBatch {
	const json: string[] = [];
	const out: ParsedBatch = { events: [], json, rejected: [] };
	let line = 0;
	let start = 0;
	let count = 0;
	while (start <= text.length) {
		let end = text.indexOf('\n', start);
		if (end === -1) end = text.length;
		line++;
		const raw = text.slice(start, end).trim();
		start = end + 1;
		if (raw === '') continue;
		if (++count > MAX_EVENTS_PER_BATCH) throw new BatchFormatError(`at most ${MAX_EVENTS_PER_BATCH} events per request (line ${line})`);
		let value: unknown;
		try {
			value = JSON.parse(raw);
		} catch (err) {
			out.rejected.push({ line, field: '', message: `not valid JSON: ${(err as Error).message}` });
			continue;
		}
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			out.rejected.push({ line, field: '', message: 'must be a JSON object' });
			continue;
		}
		if (validate(line, value, out, agencyCode)) json.push(raw);
	}
	return out;
}

export function parseJsonArray(text: string, agencyCode: string): ParsedBatch {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (err) {
		throw new BatchFormatError(`body is not valid JSON: ${(err as Error).message}`);
	}
	if (!Array.isArray(value)) throw new BatchFormatError('body must be a JSON array of events (or send application/x-ndjson)');
	if (value.length > MAX_EVENTS_PER_BATCH) throw new BatchFormatError(`at most ${MAX_EVENTS_PER_BATCH} events per request, got ${value.length}`);
	const out: ParsedBatch = { events: [], json: undefined, rejected: [] };
	value.forEach((element, i) => {
		if (typeof element !== 'object' || element === null || Array.isArray(element)) {
			out.rejected.push({ line: i + 1, field: '', message: 'must be a JSON object' });
		} else {
			validate(i + 1, element, out, agencyCode);
		}
	});
	return out;
}
