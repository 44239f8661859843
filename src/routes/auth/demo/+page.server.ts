/**
 * Demo sign-in (demo mode only; 404 otherwise). GET lists the seeded personas; POST with a
 * form field `persona` (a persona key, a role keyword or a seeded personal code) starts a
 * session and redirects (303) to `next` when it is a path on this site, else to /me.
 * Plain form posts work without JavaScript: SvelteKit answers them with the 303 itself.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { demoEnabled, listPersonas, resolvePersona } from '$lib/server/auth/demo';
import { safeNextPath, startSession } from '$lib/server/auth/sign-in';
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
			return fail(400, { message: 'Send the form as application/x-www-form-urlencoded or multipart/form-data.', persona: '' });
		}
		const raw = form.get('persona');
		const persona = typeof raw === 'string' ? raw.trim() : '';
		if (persona === '') return fail(400, { message: 'Choose a persona or type a personal code.', persona });
		const code = await resolvePersona(persona);
		if (!code) {
			const shown = persona.length > 64 ? `${persona.slice(0, 64)}…` : persona;
			return fail(400, { message: `Unknown persona or personal code: ${shown}`, persona: shown });
		}
		await startSession(cookies, code, url);
		const next = form.get('next') ?? url.searchParams.get('next');
		redirect(303, safeNextPath(next, '/me'));
	}
};
