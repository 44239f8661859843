/**
 * Demo sign-in page (demo mode only; 404 otherwise). GET lists the seeded personas; the
 * form posts `persona` (a persona key, a role keyword or a seeded personal code) and
 * optional `next`, starts a session and redirects (303) to `next` when it is a path on this
 * site, else to /me. Plain browser form posts work without JavaScript.
 * Non-HTML clients (scripts, tests: Accept other than text/html) reach +server.ts instead.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { demoEnabled, demoSignIn, listPersonas } from '$lib/server/auth/demo';
import { safeNextPath } from '$lib/server/auth/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	if (!demoEnabled()) error(404, 'Not found');
	const next = url.searchParams.get('next');
	return {
		personas: await listPersonas(),
		next: next ? safeNextPath(next) : null
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		if (!demoEnabled()) error(404, 'Not found');
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(400, { reason: 'badForm' as const, message: 'Send the form as application/x-www-form-urlencoded or multipart/form-data.', persona: '' });
		}
		const result = await demoSignIn(form, cookies, url);
		if (!result.ok) return fail(400, { reason: result.reason, message: result.message, persona: result.persona });
		redirect(303, result.location);
	}
};
