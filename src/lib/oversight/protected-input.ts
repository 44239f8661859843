/**
 * Changes to the protected list: adding a person (with a category and a note saying why) or
 * removing one (with a note). Browser-safe: the page's form states the same limits.
 * Whether the person exists in the population register is the server's check.
 */
import { z } from 'zod';
import { personalCodeError } from '../personal-code';

export const PROTECTED_CATEGORIES = ['politician', 'celebrity', 'journalist', 'official', 'other'] as const;
export type ProtectedCategory = (typeof PROTECTED_CATEGORIES)[number];

export const NOTE_MIN = 3;
export const NOTE_MAX = 1000;

/** Error codes (keys of protectedList.errors) with the English each stands for. */
export const PROTECTED_ERRORS = {
	codeInvalid: 'personal_code must be a valid Estonian personal code (11 digits, optionally with EE in front)',
	codeUnknown: 'personal_code is not in the population register',
	alreadyProtected: 'personal_code is already on the protected list',
	notProtected: 'personal_code is not on the protected list',
	categoryMissing: `category must be one of ${PROTECTED_CATEGORIES.join(', ')}`,
	noteTooShort: `note must have at least ${NOTE_MIN} characters`,
	noteTooLong: `note must have at most ${NOTE_MAX} characters`,
	actor: 'actor must be the auditor’s country-prefixed personal code'
} as const;
export type ProtectedErrorCode = keyof typeof PROTECTED_ERRORS;

/** "38001085718", "EE38001085718" or "ee 38001085718" → "EE38001085718" (subject codes carry the prefix). */
export const estonianCode = z
	.string({ message: 'codeInvalid' })
	.transform((s) => s.replace(/\s+/g, '').toUpperCase().replace(/^EE/, ''))
	.refine((s) => personalCodeError(s) === null, 'codeInvalid')
	.transform((s) => `EE${s}`);

const note = z.string({ message: 'noteTooShort' }).trim().min(NOTE_MIN, 'noteTooShort').max(NOTE_MAX, 'noteTooLong');
const actor = z.string({ message: 'actor' }).regex(/^[A-Z]{2}[A-Z0-9-]{4,30}$/, 'actor');

export const addProtectedInput = z.object({
	personal_code: estonianCode,
	category: z.enum(PROTECTED_CATEGORIES, { message: 'categoryMissing' }),
	note,
	actor
});

export const removeProtectedInput = z.object({ personal_code: estonianCode, note, actor });

export interface ProtectedFieldError {
	field: 'personal_code' | 'category' | 'note' | 'actor';
	code: ProtectedErrorCode;
	message: string;
}

/** Every problem with the input, one per field, each naming its field. */
export function protectedErrors(error: z.ZodError): ProtectedFieldError[] {
	const out: ProtectedFieldError[] = [];
	for (const issue of error.issues) {
		const field = (issue.path[0] ?? 'personal_code') as ProtectedFieldError['field'];
		if (out.some((e) => e.field === field)) continue;
		const code = (issue.message in PROTECTED_ERRORS ? issue.message : 'codeInvalid') as ProtectedErrorCode;
		out.push({ field, code, message: PROTECTED_ERRORS[code] });
	}
	return out;
}
