/**
 * The usage event as an agency sends it (POST /api/v1/usage-events). Every field is
 * validated and bounded here; the server stores exactly what passes.
 */
import { z } from 'zod';
import { subjectCodeError } from '../personal-code';

/** How far in the future logged_at may be, for agencies whose clocks run a little fast. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Nothing older than this is accepted: digital registers' logs start after it. */
export const EARLIEST_LOGGED_AT = Date.UTC(2000, 0, 1);

export const VISIBILITIES = ['visible', 'restricted', 'sealed'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

const registryCode = z.string().regex(/^\d{8}$/, 'must be an 8-digit registry code');

const subjectCode = z
	.string()
	.max(40, 'must be at most 40 characters')
	.superRefine((value, ctx) => {
		const err = subjectCodeError(value);
		if (err) ctx.addIssue({ code: 'custom', message: err });
	});

/** RFC 3339 with an explicit offset (Z or ±hh:mm), milliseconds optional. */
const rfc3339 = z.iso.datetime({ offset: true, message: 'must be an RFC 3339 date-time with offset, e.g. 2026-01-31T10:20:30Z' });

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).default('');

export const usageEventInput = z
	.object({
		event_id: z.uuid({ message: 'must be a UUID' }).transform((id) => id.toLowerCase()),
		logged_at: rfc3339,
		subject_code: subjectCode,
		agency_code: registryCode,
		system: text(120),
		action: text(300),
		purpose_code: z
			.string()
			.regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, 'must be 1-40 upper-case letters, digits, dots, dashes or underscores')
			.optional()
			.default(''),
		legal_basis: optionalText(300),
		actor_code: z
			.string()
			.max(40)
			.optional()
			.default('')
			.superRefine((value, ctx) => {
				if (value === '') return;
				const err = subjectCodeError(value);
				if (err) ctx.addIssue({ code: 'custom', message: err });
			}),
		case_ref: optionalText(200),
		data_categories: z
			.array(z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'must be a lower-case category name such as contact.address'))
			.max(32, 'at most 32 categories')
			.default([]),
		intermediary_code: z.union([registryCode, z.literal('')]).optional().default(''),
		xroad_client: optionalText(200),
		xroad_service: optionalText(200),
		xroad_message_id: optionalText(200),
		visibility: z.enum(VISIBILITIES, { message: 'must be visible, restricted or sealed' }).default('visible'),
		disclose_after: rfc3339.nullable().optional().default(null),
		bulk: z.boolean({ message: 'must be true or false' }).default(false)
	})
	.strict()
	.superRefine((e, ctx) => {
		const t = Date.parse(e.logged_at);
		if (t > Date.now() + CLOCK_SKEW_MS) {
			ctx.addIssue({ code: 'custom', path: ['logged_at'], message: 'must not be in the future (5 minutes of clock skew allowed)' });
		} else if (t < EARLIEST_LOGGED_AT) {
			ctx.addIssue({ code: 'custom', path: ['logged_at'], message: 'must not be before 2000-01-01' });
		}
		if (e.visibility === 'sealed' && e.disclose_after === null) {
			ctx.addIssue({ code: 'custom', path: ['disclose_after'], message: 'is required when visibility is sealed' });
		}
		if (e.visibility !== 'sealed' && e.disclose_after !== null) {
			ctx.addIssue({ code: 'custom', path: ['disclose_after'], message: 'is only allowed when visibility is sealed' });
		}
		if (e.intermediary_code !== '' && e.intermediary_code === e.agency_code) {
			ctx.addIssue({ code: 'custom', path: ['intermediary_code'], message: 'must differ from agency_code (the agency acted for itself)' });
		}
	});

export type UsageEventInput = z.input<typeof usageEventInput>;
export type UsageEvent = z.output<typeof usageEventInput>;
