/**
 * The step every sign-in method ends with: a person has been identified (by the demo
 * persona picker now, by the eID broker's OpenID Connect callback later), so start a
 * session for their subject code and hand the browser its cookie.
 */
import type { Cookies } from '@sveltejs/kit';
import { subjectCodeError } from '../../personal-code';
import { createSession, setSessionCookie, type Session } from './session';
import { currentMinors } from './subject-choice';
import { unseenNotificationCount } from '../notifications/inbox';

/** Start a session for an identified person (EE-prefixed subject code) and set the cookie. */
export async function startSession(cookies: Cookies, subjectCode: string, url: URL): Promise<Session> {
	const err = subjectCodeError(subjectCode);
	if (err) throw new Error(`cannot start a session for ${JSON.stringify(subjectCode)}: ${err}`);
	const { token, session } = await createSession(subjectCode);
	setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
	// The page a sign-in leads to shows whom the person may represent and how many messages
	// are new: look both up now, while the browser follows the redirect (both are cached).
	void currentMinors(session.id, subjectCode).catch(() => undefined);
	void unseenNotificationCount(subjectCode).catch(() => undefined);
	return session;
}

/**
 * Where to go after signing in: `next` when it is a path on this site (no scheme, no
 * host, no `//` or `/\` tricks), otherwise the fallback. Prevents open redirects.
 */
export function safeNextPath(next: unknown, fallback = '/me'): string {
	if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return fallback;
	if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
	try {
		const base = 'http://peegel.invalid';
		const u = new URL(next, base);
		if (u.origin !== base) return fallback;
		return `${u.pathname}${u.search}${u.hash}`;
	} catch {
		return fallback;
	}
}
