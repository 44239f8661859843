/**
 * The usage event as an agency sends it (POST /api/v1/usage-events). Every field is
 * validated and bounded here; the server stores exactly what passes, verbatim (no field is
 * rewritten), so the text an agency sent can be handed to the database as it is.
 *
 * It runs for every event ingested (100k a second), so the schema is kept lean: plain
 * string checks per field, the rules that need code in one pass over the object, and one
 * transform at the end that fills in defaults.
 */
import { z } from 'zod';
import { subjectCodeError } from '../personal-code';
import { parseRfc3339 } from '../rfc3339';

/** How far in the future logged_at may be, for agencies whose clocks run a little fast. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Nothing older than this is accepted: digital registers' logs start after it. */
export const EARLIEST_LOGGED_AT = Date.UTC(2000, 0, 1);
/** Disclosure dates further out than this are surely a mistake. */
const LATEST_DISCLOSURE = Date.UTC(2199, 11, 31);

export const VISIBILITIES = ['visible', 'restricted', 'sealed'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

const RFC3339_MESSAGE = 'must be an RFC 3339 date-time with offset, e.g. 2026-01-31T10:20:30Z';

const text = (max: number) => z.string({ message: 'must be a string' }).max(max, `must be at most ${max} characters`);
const code = (re: RegExp, message: string) => z.string({ message: 'must be a string' }).regex(re, message);

const fields = z
	.object({
		event_id: code(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a UUID'),
		logged_at: text(40),
		subject_code: text(40),
		agency_code: code(/^\d{8}$/, 'must be an 8-digit registry code'),
		system: text(120),
		action: text(300),
		purpose_code: code(/^[A-Z0-9][A-Z0-9._-]{0,39}$|^$/, 'must be 1-40 upper-case letters, digits, dots, dashes or underscores').optional(),
		legal_basis: text(300).optional(),
		actor_code: text(40).optional(),
		case_ref: text(200).optional(),
		data_categories: z
			.array(code(/^[a-z][a-z0-9_.-]{0,63}$/, 'must be a lower-case category name such as contact.address'), { message: 'must be an array' })
			.max(32, 'at most 32 categories')
			.optional(),
		intermediary_code: code(/^(\d{8})?$/, 'must be an 8-digit registry code').optional(),
		xroad_client: text(200).optional(),
		xroad_service: text(200).optional(),
		xroad_message_id: text(200).optional(),
		visibility: z.enum(VISIBILITIES, { message: 'must be visible, restricted or sealed' }).optional(),
		disclose_after: text(40).nullable().optional(),
		bulk: z.boolean({ message: 'must be true or false' }).optional()
	})
	.strict();

type Fields = z.output<typeof fields>;
const FREE_TEXT = ['system', 'action', 'legal_basis', 'case_ref', 'xroad_client', 'xroad_service', 'xroad_message_id'] as const;

/** The rules that need code, in one pass; each issue names its field. */
function checkEvent(e: Fields, ctx: z.RefinementCtx): void {
	const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
	const t = parseRfc3339(e.logged_at);
	if (t === null) issue('logged_at', RFC3339_MESSAGE);
	else if (t > Date.now() + CLOCK_SKEW_MS) issue('logged_at', 'must not be in the future (5 minutes of clock skew allowed)');
	else if (t < EARLIEST_LOGGED_AT) issue('logged_at', 'must not be before 2000-01-01');

	const subjectError = subjectCodeError(e.subject_code);
	if (subjectError) issue('subject_code', subjectError);
	if (e.actor_code) {
		const actorError = subjectCodeError(e.actor_code);
		if (actorError) issue('actor_code', actorError);
	}
	if (e.system.trim() === '') issue('system', 'must not be empty');
	if (e.action.trim() === '') issue('action', 'must not be empty');
	for (const f of FREE_TEXT) {
		// A lone surrogate cannot be stored as UTF-8: it would not come back as sent.
		const v = e[f];
		if (v !== undefined && !v.isWellFormed()) issue(f, 'must be valid Unicode text');
	}

	const sealed = e.visibility === 'sealed';
	const disclose = e.disclose_after ?? null;
	if (disclose !== null) {
		const d = parseRfc3339(disclose);
		if (!sealed) issue('disclose_after', 'is only allowed when visibility is sealed');
		else if (d === null) issue('disclose_after', RFC3339_MESSAGE);
		else if (d > LATEST_DISCLOSURE) issue('disclose_after', 'must be before 2200');
	} else if (sealed) {
		issue('disclose_after', 'is required when visibility is sealed');
	}
	if (e.intermediary_code && e.intermediary_code === e.agency_code) {
		issue('intermediary_code', 'must differ from agency_code (the agency acted for itself)');
	}
}

/** The fields with every default filled in: a plain function, as a zod transform costs more. */
export function withDefaults(e: Fields): UsageEvent {
	return {
		event_id: e.event_id.toLowerCase(),
		logged_at: e.logged_at,
		subject_code: e.subject_code,
		agency_code: e.agency_code,
		system: e.system,
		action: e.action,
		purpose_code: e.purpose_code ?? '',
		legal_basis: e.legal_basis ?? '',
		actor_code: e.actor_code ?? '',
		case_ref: e.case_ref ?? '',
		data_categories: e.data_categories ?? [],
		intermediary_code: e.intermediary_code ?? '',
		xroad_client: e.xroad_client ?? '',
		xroad_service: e.xroad_service ?? '',
		xroad_message_id: e.xroad_message_id ?? '',
		visibility: e.visibility ?? 'visible',
		disclose_after: e.disclose_after ?? null,
		bulk: e.bulk ?? false
	};
}

/** The rules, without defaults: what the ingestion hot path runs. */
export const usageEventFields = fields.superRefine(checkEvent);

/** The whole schema: rules, then defaults. */
export const usageEventInput = usageEventFields.transform(withDefaults);

/** Validate one decoded JSON value: the event with defaults, or zod's issues. */
export function validateUsageEvent(value: unknown): { success: true; data: UsageEvent } | { success: false; error: z.ZodError } {
	const r = usageEventFields.safeParse(value);
	return r.success ? { success: true, data: withDefaults(r.data) } : { success: false, error: r.error };
}

export type UsageEventInput = z.input<typeof usageEventInput>;

/** A validated event with every field present (defaults filled in). */
export interface UsageEvent {
	event_id: string;
	logged_at: string;
	subject_code: string;
	agency_code: string;
	system: string;
	action: string;
	purpose_code: string;
	legal_basis: string;
	actor_code: string;
	case_ref: string;
	data_categories: string[];
	intermediary_code: string;
	xroad_client: string;
	xroad_service: string;
	xroad_message_id: string;
	visibility: Visibility;
	disclose_after: string | null;
	bulk: boolean;
}
