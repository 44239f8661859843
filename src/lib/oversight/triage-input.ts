/**
 * What a triage decision must carry: the alert, one of the decisions, the auditor's reason
 * and who decided. Browser-safe: the alert page's form states the same limits.
 */
import { z } from 'zod';
import { TRIAGE_DECISIONS } from './rules';
import { UUID_RE } from './alert-filters';

export const REASON_MIN = 3;
export const REASON_MAX = 2000;

/** Error codes (keys of alerts.errors) with the API's English for each. */
export const TRIAGE_ERRORS = {
	alertId: 'alertId must be an alert id (a UUID)',
	decisionMissing: `decision must be one of ${TRIAGE_DECISIONS.join(', ')}`,
	reasonTooShort: `reason must have at least ${REASON_MIN} characters`,
	reasonTooLong: `reason must have at most ${REASON_MAX} characters`,
	actor: 'actor must be the auditor’s country-prefixed personal code'
} as const;
export type TriageErrorCode = keyof typeof TRIAGE_ERRORS;

export const triageInput = z.object({
	alertId: z
		.string({ message: 'alertId' })
		.trim()
		.toLowerCase()
		.regex(UUID_RE, 'alertId'),
	decision: z.enum(TRIAGE_DECISIONS, { message: 'decisionMissing' }),
	reason: z
		.string({ message: 'reasonTooShort' })
		.trim()
		.min(REASON_MIN, 'reasonTooShort')
		.max(REASON_MAX, 'reasonTooLong'),
	actor: z.string({ message: 'actor' }).regex(/^[A-Z]{2}[A-Z0-9-]{4,30}$/, 'actor')
});
export type TriageInput = z.input<typeof triageInput>;

export interface TriageFieldError {
	field: 'alertId' | 'decision' | 'reason' | 'actor';
	code: TriageErrorCode;
	message: string;
}

/** The input, or the first problem with it (naming the field). */
export function parseTriage(input: unknown): { ok: true; data: z.output<typeof triageInput> } | { ok: false; error: TriageFieldError } {
	const parsed = triageInput.safeParse(input);
	if (parsed.success) return { ok: true, data: parsed.data };
	const issue = parsed.error.issues[0]!;
	const field = (issue.path[0] ?? 'alertId') as TriageFieldError['field'];
	const code = (issue.message in TRIAGE_ERRORS ? issue.message : field === 'reason' ? 'reasonTooShort' : field === 'decision' ? 'decisionMissing' : field) as TriageErrorCode;
	return { ok: false, error: { field, code, message: TRIAGE_ERRORS[code] } };
}
