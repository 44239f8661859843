/** Sign out (POST only): end the session on the server, drop the cookie, go home. */
import { redirect } from '@sveltejs/kit';
import { SESSION_COOKIE, deleteSessionCookie, invalidateSession, validateSessionToken } from '$lib/server/auth/session';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ cookies, url }) => {
	const token = cookies.get(SESSION_COOKIE);
	if (token) {
		// The hook validated it already; this gives the full session row to revoke.
		const current = await validateSessionToken(token);
		if (current) await invalidateSession(current.session);
	}
	deleteSessionCookie(cookies, url.protocol === 'https:');
	redirect(303, '/');
};
