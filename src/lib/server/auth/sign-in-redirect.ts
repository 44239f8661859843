/** Where a signed-out visitor of a personal page is sent: the sign-in, and back to the page after it. */
import { config } from '../config';

export function signInLocation(url: URL): string {
	const back = `${url.pathname}${url.search}`;
	// The demo persona picker takes a `next` path; without demo mode the front page has the sign-in.
	if (config().PEEGEL_DEMO) return `/auth/demo?next=${encodeURIComponent(back).replaceAll('%2F', '/')}`;
	return '/';
}
