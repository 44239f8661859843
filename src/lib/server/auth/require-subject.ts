/**
 * A citizen page's guard: who is signed in and whose records they are looking at, or a
 * redirect to sign in that comes back to this page. Every /me page and download uses it.
 */
import { redirect } from '@sveltejs/kit';
import { config } from '../config';

/** Where a signed-out visitor is sent: the demo persona picker (it takes a `next` path), else the front page. */
export function signInLocation(url: URL): string {
	const back = `${url.pathname}${url.search}`;
	if (config().PEEGEL_DEMO) return `/auth/demo?next=${encodeURIComponent(back).replaceAll('%2F', '/')}`;
	return '/';
}

export function requireSubject(locals: App.Locals, url: URL): { user: NonNullable<App.Locals['user']>; subject: NonNullable<App.Locals['subject']> } {
	const { user, subject } = locals;
	if (!user || !subject) redirect(303, signInLocation(url));
	return { user, subject };
}
