/**
 * Whose records a signed-in person is looking at. A parent who switches to a minor child
 * gets a cookie holding only the child's subject code; every request re-checks it against
 * the population register (through a short per-session cache), so a forged cookie, another
 * person signing in on the same browser, or a child who has turned 18 falls back to the
 * person's own records and the cookie is cleared.
 */
import type { Cookies } from '@sveltejs/kit';
import { zoneDayStart } from '../../format';
import { representableMinors, representationAt, type RepresentedMinor } from './representation';

export const SUBJECT_COOKIE = 'peegel_subject';

/** Long enough to spare the register a query per page view, short enough that register changes show soon. */
const CACHE_MS = 60_000;
const MAX_ENTRIES = 50_000;

interface Entry<T> {
	value: T;
	until: number;
}

const chosen = new Map<string, Entry<RepresentedMinor>>();
const lists = new Map<string, Entry<RepresentedMinor[]>>();

/** The instant access ends: midnight in Tallinn at the start of the 18th birthday. */
const endsAt = (m: RepresentedMinor) => zoneDayStart(m.accessEnds).getTime();
const stillMinor = (m: RepresentedMinor, now: number) => now < endsAt(m);

function put<T>(cache: Map<string, Entry<T>>, key: string, value: T, until: number): void {
	if (cache.size >= MAX_ENTRIES) cache.clear();
	cache.set(key, { value, until });
}

/**
 * The minor `childCode` if `personCode` may represent them now, else null. Cached per
 * session, never beyond midnight of the 18th birthday (checked again on every hit).
 */
export async function currentMinor(sessionId: string, personCode: string, childCode: string, now = Date.now()): Promise<RepresentedMinor | null> {
	const key = `${sessionId}\n${personCode}\n${childCode}`;
	const hit = chosen.get(key);
	if (hit && hit.until > now && stillMinor(hit.value, now)) return hit.value;
	chosen.delete(key);
	const r = await representationAt(personCode, childCode, new Date(now));
	if (!r.ok) return null;
	put(chosen, key, r.minor, Math.min(now + CACHE_MS, endsAt(r.minor)));
	return r.minor;
}

/** The minors `personCode` may represent now (for the person switcher), cached like currentMinor. */
export async function currentMinors(sessionId: string, personCode: string, now = Date.now()): Promise<RepresentedMinor[]> {
	const key = `${sessionId}\n${personCode}`;
	const hit = lists.get(key);
	if (hit && hit.until > now) return hit.value.filter((m) => stillMinor(m, now));
	const minors = await representableMinors(personCode, new Date(now));
	put(lists, key, minors, Math.min(now + CACHE_MS, ...minors.map(endsAt)));
	return minors;
}

/** Forget a session's cached answers (after the person switches, so the next page reads fresh). */
export function forgetSession(sessionId: string): void {
	for (const cache of [chosen, lists] as Map<string, unknown>[]) {
		for (const key of cache.keys()) if (key.startsWith(`${sessionId}\n`)) cache.delete(key);
	}
}

export function setSubjectCookie(cookies: Cookies, childCode: string, secure: boolean): void {
	// A browser-session cookie: the choice never outlives the browser, and the session's own checks still apply.
	cookies.set(SUBJECT_COOKIE, childCode, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

export function clearSubjectCookie(cookies: Cookies, secure: boolean): void {
	cookies.set(SUBJECT_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 });
}

/**
 * Set `locals.subject` for this request (the hook calls this after the session check):
 * the chosen child while the person may represent them, otherwise the person themself.
 */
export async function applySubjectChoice(locals: App.Locals, cookies: Cookies, url: URL): Promise<void> {
	const choice = cookies.get(SUBJECT_COOKIE);
	if (choice === undefined) return;
	const secure = url.protocol === 'https:';
	const user = locals.user;
	if (!user || !locals.sessionId) {
		clearSubjectCookie(cookies, secure);
		return;
	}
	// Shape first: a forged or garbled value never reaches the database.
	const minor = /^EE\d{11}$/.test(choice) && choice !== user.code ? await currentMinor(locals.sessionId, user.code, choice) : null;
	if (!minor) {
		clearSubjectCookie(cookies, secure);
		return;
	}
	locals.subject = { code: minor.code, name: minor.name, self: false };
}

/** What the /me pages show about whose records these are: the banner's child and the switcher's choices. */
export interface RepresentationView {
	/** The child whose records are shown, with the day the parent's access ends; null: the person's own. */
	current: RepresentedMinor | null;
	/** The children the person may switch to (empty: no switcher). */
	choices: { code: string; name: string }[];
}

export async function representationView(locals: App.Locals): Promise<RepresentationView | null> {
	const { user, subject, sessionId } = locals;
	if (!user || !subject || !sessionId) return null;
	const [current, minors] = await Promise.all([
		subject.self ? null : currentMinor(sessionId, user.code, subject.code),
		currentMinors(sessionId, user.code)
	]);
	return { current, choices: minors.map((m) => ({ code: m.code, name: m.name })) };
}
