/**
 * Notification settings of the person whose records are shown (locals.subject): when to be
 * told, about which agencies, to which address, in which language. A bad field is reported
 * beside it (400), and nothing is stored until every field is right.
 */
import { fail, redirect } from '@sveltejs/kit';
import { requireSubject } from '$lib/server/auth/require-subject';
import { translator } from '$lib/i18n/translator';
import { parsePreferenceForm, type FieldError, type Preference, type PreferenceField } from '$lib/server/notifications/preference';
import { preferenceOf, savePreference } from '$lib/server/notifications/preferences-store';
import { allAgencies, localAgencyName } from '$lib/server/reference/agencies';
import { subjectTotals } from '$lib/server/usage/citizen-view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const { subject } = requireSubject(locals, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const [stored, history, agencies] = await Promise.all([
		preferenceOf(subject.code),
		subjectTotals({ subject: subject.code, from: null, to: null, agency: null }),
		allAgencies()
	]);
	const preference: Preference = stored ?? { mode: 'none', agencies: [], email: '', lang: locals.lang };
	const collator = new Intl.Collator(locals.lang);
	const options = agencies
		.map((a) => ({ code: a.code, name: localAgencyName(a, locals.lang) }))
		.sort((a, b) => collator.compare(a.name, b.name));
	const used = new Set(history.agencies.map((a) => a.agency_code));
	return {
		subject: { name: subject.name, self: subject.self },
		preference,
		saved: url.searchParams.get('saved') === '1',
		historyAgencies: options.filter((a) => used.has(a.code)),
		otherAgencies: options.filter((a) => !used.has(a.code))
	};
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		const { user, subject } = requireSubject(locals, url);
		const t = translator(locals.lang).t;
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(400, { errors: { mode: t('notifications.errors.form') } as Partial<Record<PreferenceField, string>>, values: null });
		}
		const known = new Set((await allAgencies()).map((a) => a.code));
		const parsed = parsePreferenceForm(form, (code) => known.has(code));
		if (!parsed.ok) {
			const errors: Partial<Record<PreferenceField, string>> = {};
			for (const [field, e] of Object.entries(parsed.errors) as [PreferenceField, FieldError][]) {
				errors[field] = t(`notifications.errors.${e.key}`, { max: '', code: '', ...e.values });
			}
			return fail(400, {
				errors,
				values: {
					mode: String(form.get('mode') ?? ''),
					agencies: form.getAll('agencies').map(String),
					email: String(form.get('email') ?? ''),
					lang: String(form.get('lang') ?? '')
				}
			});
		}
		await savePreference(subject.code, parsed.value, user.code);
		redirect(303, '/me/notifications?saved=1');
	}
};
