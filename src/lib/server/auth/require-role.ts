/**
 * The guard of a role's pages and JSON: who is signed in, when they hold the role. A
 * signed-out visitor of a page is sent to sign in (and brought back); a JSON caller gets
 * 401; anyone signed in without the role gets 403. Layouts do not guard +server.ts
 * endpoints, so every endpoint calls this itself.
 */
import { error, redirect } from '@sveltejs/kit';
import type { Role, SessionUser } from './roles';
import { signInLocation } from './require-subject';

const WHO: Record<Role, string> = {
	citizen: 'signed-in people',
	auditor: 'auditors of the oversight body',
	analyst: 'analysts',
	agency: 'agency users',
	admin: 'administrators'
};

export function requireRole(locals: App.Locals, url: URL, role: Role, kind: 'page' | 'api' = 'page'): SessionUser {
	const user = locals.user;
	if (!user) {
		if (kind === 'api') error(401, 'Sign in first: this address needs a session cookie');
		redirect(303, signInLocation(url));
	}
	if (!user.roles.includes(role)) error(403, `Only ${WHO[role]} may open this page`);
	return user;
}
