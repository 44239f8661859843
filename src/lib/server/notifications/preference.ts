/**
 * A person's notification preference: what it can be, and the form that sets it, checked
 * with zod. Errors are per field, as message keys the page translates.
 */
import { z } from 'zod';
import { LOCALES, type Locale } from '../../i18n/locales';

export const MODES = ['every', 'unusual', 'agencies', 'digest', 'none'] as const;
export type Mode = (typeof MODES)[number];

export interface Preference {
	mode: Mode;
	/** Registry codes, for mode 'agencies'. */
	agencies: string[];
	/** Empty: in-app inbox only. */
	email: string;
	lang: Locale;
}

export const MAX_AGENCIES = 200;

export const PREFERENCE_FIELDS = ['mode', 'agencies', 'email', 'lang'] as const;
export type PreferenceField = (typeof PREFERENCE_FIELDS)[number];

/** An error as a message key of the notifications area, with its values. */
export interface FieldError {
	key: 'mode' | 'agencies' | 'tooManyAgencies' | 'unknownAgency' | 'email' | 'lang';
	values?: Record<string, string | number>;
}

const formSchema = z.object({
	mode: z.enum(MODES),
	agencies: z.array(z.string().trim().regex(/^\d{8}$/)).max(MAX_AGENCIES),
	email: z.union([z.literal(''), z.email().max(254)]),
	lang: z.enum(LOCALES)
});

export type ParsedPreference = { ok: true; value: Preference } | { ok: false; errors: Partial<Record<PreferenceField, FieldError>> };

/**
 * The form's fields as sent (agencies repeated), checked: every field's error at once.
 * `knownAgency` says whether a registry code names an agency.
 */
export function parsePreferenceForm(form: FormData, knownAgency: (code: string) => boolean): ParsedPreference {
	const raw = {
		mode: form.get('mode') ?? '',
		agencies: [...new Set(form.getAll('agencies').map((v) => (typeof v === 'string' ? v.trim() : '')))],
		email: typeof form.get('email') === 'string' ? (form.get('email') as string).trim() : '',
		lang: form.get('lang') ?? ''
	};
	const parsed = formSchema.safeParse(raw);
	const errors: Partial<Record<PreferenceField, FieldError>> = {};
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = issue.path[0] as PreferenceField;
			if (errors[field]) continue;
			if (field === 'agencies') {
				errors.agencies =
					issue.code === 'too_big' ? { key: 'tooManyAgencies', values: { max: MAX_AGENCIES } } : { key: 'unknownAgency', values: { code: String(raw.agencies[issue.path[1] as number] ?? '') } };
			} else {
				errors[field] = { key: field };
			}
		}
	}
	if (!errors.agencies) {
		const unknown = raw.agencies.find((code) => !knownAgency(code));
		if (unknown !== undefined) errors.agencies = { key: 'unknownAgency', values: { code: unknown } };
		else if (raw.mode === 'agencies' && raw.agencies.length === 0) errors.agencies = { key: 'agencies' };
	}
	if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
	const v = parsed.data;
	// Chosen agencies are kept whatever the mode, so switching modes back and forth loses nothing.
	return { ok: true, value: { mode: v.mode, agencies: v.agencies.sort(), email: v.email, lang: v.lang } };
}
