/**
 * The flag form: what a citizen sends to say a use of their data looks wrong. Shared by the
 * server (which validates) and the page (limits and field names). Errors are message keys
 * under `flags.errors`, so the page shows them in the reader's language.
 */
import { z } from 'zod';

export const FLAG_KINDS = ['unrecognised', 'unjustified'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** Characters (UTF-16 code units, as the browser's maxlength counts them). */
export const COMMENT_MAX = 2000;

export const FLAG_FIELDS = ['kind', 'comment', 'token'] as const;
export type FlagField = (typeof FLAG_FIELDS)[number];

export type FlagErrorCode = 'kindMissing' | 'commentRequired' | 'commentTooLong' | 'tokenInvalid';

export interface FlagFieldError {
	field: FlagField;
	code: FlagErrorCode;
}

export interface FlagSubmission {
	kind: FlagKind;
	/** Trimmed; '' when none was given. */
	comment: string;
	/** The form's one-time token: the same token twice is one flag. */
	token: string;
}

const kind = z.enum(FLAG_KINDS);
const comment = z.string().trim().max(COMMENT_MAX);
const token = z.uuid();

/** Every field's problem at once (not only the first), so the form can show them all. */
export function parseFlagForm(form: { get(name: string): unknown }): { ok: true; data: FlagSubmission } | { ok: false; errors: FlagFieldError[] } {
	const text = (name: FlagField) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : '';
	};
	const errors: FlagFieldError[] = [];
	const k = kind.safeParse(text('kind'));
	if (!k.success) errors.push({ field: 'kind', code: 'kindMissing' });
	const c = comment.safeParse(text('comment'));
	if (!c.success) errors.push({ field: 'comment', code: 'commentTooLong' });
	else if (k.success && k.data === 'unjustified' && c.data === '') errors.push({ field: 'comment', code: 'commentRequired' });
	const t = token.safeParse(text('token').trim().toLowerCase());
	if (!t.success) errors.push({ field: 'token', code: 'tokenInvalid' });
	if (!k.success || !c.success || !t.success || errors.length > 0) return { ok: false, errors };
	return { ok: true, data: { kind: k.data, comment: c.data, token: t.data } };
}
