/**
 * /me/person: whose records the /me pages show. GET explains and lists the choices (the /me
 * layout provides them); POST `person` ('self' or a minor child's subject code) and `next`
 * sets or clears the choice cookie and goes back to `next` (a /me path). The hook re-checks
 * the cookie on every later request; this check gives the parent a clear error at once.
 */
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { translator } from '$lib/i18n/translator';
import { requireSubject, signInLocation } from '$lib/server/auth/require-subject';
import { representationAt } from '$lib/server/auth/representation';
import { safeNextPath } from '$lib/server/auth/sign-in';
import { clearSubjectCookie, forgetSession, setSubjectCookie } from '$lib/server/auth/subject-choice';
import type { Actions, PageServerLoad } from './$types';

const person = z.union([z.literal('self'), z.string().regex(/^EE\d{11}$/)]);

/** Back to the /me page the form was on; anything else goes to /me. */
function backTo(next: FormDataEntryValue | null): string {
	const path = safeNextPath(next, '/me');
	return path === '/me' || path.startsWith('/me/') ? path.split(/[?#]/)[0]! : '/me';
}

export const load: PageServerLoad = ({ locals, url, setHeaders }) => {
	requireSubject(locals, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const { user } = requireSubject(locals, url);
		const sessionId = locals.sessionId;
		if (!sessionId) redirect(303, signInLocation(url));
		const t = translator(locals.lang).t;
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(400, { field: 'person', message: t('representation.errors.person') });
		}
		const parsed = person.safeParse(form.get('person'));
		if (!parsed.success) return fail(400, { field: 'person', message: t('representation.errors.person') });
		const secure = url.protocol === 'https:';
		const next = backTo(form.get('next'));
		forgetSession(sessionId);
		if (parsed.data === 'self' || parsed.data === user.code) {
			clearSubjectCookie(cookies, secure);
			redirect(303, next);
		}
		const r = await representationAt(user.code, parsed.data);
		if (!r.ok) return fail(403, { field: 'person', message: t('representation.errors.notRepresentable') });
		setSubjectCookie(cookies, r.minor.code, secure);
		redirect(303, next);
	}
};
