/**
 * What the statistics feeds (signature events, service events) check alike: the event id,
 * the event time, and the person, given either by personal code or by the sender's
 * pseudonym with the figures the statistics need. Each check reports the first problem as
 * { field, message }, the way a rejected line names it to the sender.
 */
import { z } from 'zod';
import { parsePersonalCode, personalCodeError } from '../personal-code';
import { parseRfc3339 } from '../rfc3339';
import { CLOCK_SKEW_MS, EARLIEST_LOGGED_AT } from './usage-event';

export interface FieldError {
	field: string;
	message: string;
}

export type Checked<T> = { ok: true; value: T } | ({ ok: false } & FieldError);

export const fail = (field: string, message: string): { ok: false } & FieldError => ({ ok: false, field, message });

export const text = z.string({ message: 'must be a string' });

/** A zod enum whose message lists the values, so a sender sees what to send. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
	return z.enum(values, { message: `must be one of ${values.join(', ')}` });
}

/** The first issue of a failed shape check, as the field it names and its message. */
export function firstIssue(error: z.ZodError): FieldError {
	const issue = error.issues[0]!;
	const field = issue.path.length > 0 ? issue.path.join('.') : issue.code === 'unrecognized_keys' ? (issue.keys?.join(', ') ?? '') : '';
	const message = issue.code === 'unrecognized_keys' ? 'is not a field of this feed' : issue.message;
	return { field, message };
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The event id in lower case (the same id however it was written), or why it is not one. */
export function checkEventId(value: string): Checked<string> {
	return UUID.test(value) ? { ok: true, value: value.toLowerCase() } : fail('event_id', 'must be a UUID');
}

/** An event time as epoch milliseconds: RFC 3339 with offset, from 2000 on, not in the future. */
export function checkEventTime(field: string, value: string, now = Date.now()): Checked<number> {
	const t = value.length <= 40 ? parseRfc3339(value) : null;
	if (t === null) return fail(field, 'must be an RFC 3339 date-time with offset, e.g. 2026-01-31T10:20:30Z');
	if (t > now + CLOCK_SKEW_MS) return fail(field, 'must not be in the future (5 minutes of clock skew allowed)');
	if (t < EARLIEST_LOGGED_AT) return fail(field, 'must not be before 2000-01-01');
	return { ok: true, value: t };
}

/**
 * The calendar year in Tallinn at an instant. New Year falls in winter time (UTC+2, no
 * daylight saving in December or January), so a fixed two-hour shift is exact.
 */
export function tallinnYear(ms: number): number {
	return new Date(ms + 2 * 3_600_000).getUTCFullYear();
}

/** A person named by code: the 11-digit code (an EE prefix is dropped) and the birth year it carries. */
export interface CodedPerson {
	code: string;
	birthYear: number;
}

export function checkPersonalCode(field: string, value: string, eventYear: number): Checked<CodedPerson> {
	const code = value.startsWith('EE') ? value.slice(2) : value;
	const err = personalCodeError(code);
	if (err) return fail(field, `must be an Estonian personal code (optionally EE-prefixed): ${err}`);
	const birthYear = Number(parsePersonalCode(code)!.birthDate.slice(0, 4));
	if (birthYear > eventYear) return fail(field, 'belongs to someone born after the event');
	return { ok: true, value: { code, birthYear } };
}

export const MAX_PSEUDONYM = 128;

export function checkPseudonym(field: string, value: string): Checked<string> {
	if (value.length === 0 || value.length > MAX_PSEUDONYM) return fail(field, `must be 1-${MAX_PSEUDONYM} characters`);
	if (!value.isWellFormed()) return fail(field, 'must be valid Unicode text');
	return { ok: true, value };
}

/**
 * The person is named EITHER by `code` OR by all of `parts`, never both and never half:
 * which form was sent, or the field to blame.
 */
export function identityForm(record: Record<string, unknown>, code: string, parts: readonly string[]): Checked<'code' | 'parts'> {
	const sent = parts.filter((p) => record[p] !== undefined);
	const either = `either ${code} or all of ${parts.join(', ')}`;
	if (record[code] !== undefined) {
		return sent.length === 0 ? { ok: true, value: 'code' } : fail(sent[0]!, `must not be sent with ${code}: send ${either}`);
	}
	if (sent.length === 0) return fail(code, `is required: send ${either}`);
	const missing = parts.find((p) => record[p] === undefined);
	return missing ? fail(missing, `is required with ${sent.join(', ')} (when no ${code} is sent)`) : { ok: true, value: 'parts' };
}
