/**
 * Demo sign-in for non-HTML clients (scripts, integration tests): SvelteKit sends requests
 * whose Accept header does not prefer text/html here, and browsers to the page beside it.
 * A page form action would answer such a POST with a JSON envelope and status 200; this
 * answers as a plain form post expects: 303 with the session cookie, or 400 with a reason.
 * GET lists the personas as JSON. Demo mode only; 404 otherwise.
 */
import { error, json, redirect } from '@sveltejs/kit';
import { demoEnabled, demoSignIn, listPersonas } from '$lib/server/auth/demo';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	if (!demoEnabled()) error(404, 'Not found');
	return json({ personas: await listPersonas() }, { headers: { 'cache-control': 'no-store' } });
};

export const POST: RequestHandler = async ({ request, cookies, url }) => {
	if (!demoEnabled()) error(404, 'Not found');
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return json({ message: 'Send the form as application/x-www-form-urlencoded or multipart/form-data.' }, { status: 400 });
	}
	const result = await demoSignIn(form, cookies, url);
	if (!result.ok) return json({ message: result.message }, { status: 400 });
	redirect(303, result.location);
};
