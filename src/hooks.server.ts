import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { startServer } from '$lib/server/runtime/startup';
import { isCrossSiteFormPost } from '$lib/server/http/csrf';
import { requestLocale } from '$lib/server/http/locale';
import { SESSION_COOKIE, deleteSessionCookie, setSessionCookie, validateSessionToken } from '$lib/server/auth/session';
import { applySubjectChoice } from '$lib/server/auth/subject-choice';

export const init: ServerInit = async () => {
	try {
		await startServer();
	} catch (err) {
		// A server with a changed migration or a foreign data directory must not run.
		console.error(`peegel: cannot start: ${(err as Error).message}`);
		process.exit(1);
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	if (isCrossSiteFormPost(event.request, event.url)) {
		return new Response(`Cross-site ${event.request.method} form submissions are forbidden`, { status: 403 });
	}
	event.locals.user = null;
	event.locals.sessionId = null;
	event.locals.subject = null;
	event.locals.lang = requestLocale(event.url, event.cookies, event.request.headers.get('accept-language'));
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const secure = event.url.protocol === 'https:';
		const result = await validateSessionToken(token);
		if (result) {
			event.locals.user = result.user;
			event.locals.sessionId = result.session.id;
			event.locals.subject = { code: result.user.code, name: result.user.name, self: true };
			setSessionCookie(event.cookies, token, result.session.expiresAt, secure);
		} else {
			deleteSessionCookie(event.cookies, secure);
		}
	}
	// A parent viewing a minor child's records: re-checked on every request.
	await applySubjectChoice(event.locals, event.cookies, event.url);
	const lang = event.locals.lang;
	const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%peegel.lang%', lang) });
	// The whole server-side time, beside the timeline's own "db" entry (the bench reads both).
	response.headers.append('server-timing', `app;desc="server";dur=${(performance.now() - started).toFixed(1)}`);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	return response;
};

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: status === 404 ? 'Not found' : 'Something went wrong on our side. Please try again.' };
};
