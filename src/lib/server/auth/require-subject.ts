/**
 * A citizen page's guard: who is signed in and whose records they are looking at, or a
 * redirect to sign in (the demo picker in demo mode) that comes back to this page.
 */
import { redirect } from '@sveltejs/kit';
import { config } from '../config';

export function requireSubject(locals: App.Locals, url: URL): { user: NonNullable<App.Locals['user']>; subject: NonNullable<App.Locals['subject']> } {
	const { user, subject } = locals;
	if (!user || !subject) {
		const back = `${url.pathname}${url.search}`;
		if (config().PEEGEL_DEMO) redirect(303, `/auth/demo?next=${encodeURIComponent(back).replaceAll('%2F', '/')}`);
		redirect(303, '/');
	}
	return { user, subject };
}
