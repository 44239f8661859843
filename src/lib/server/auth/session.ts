/**
 * Browser sessions, following lucia's guide: a random token in an HttpOnly, SameSite=Lax
 * cookie (Secure over https), only its SHA-256 stored, sliding expiry, and sign-out that
 * ends the session on the server. Rows are versioned: renewals and sign-outs are new rows.
 */
import type { Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import { bool, chTime, int64, utcDateTime } from '../db/columns';
import { insertRows, queryOne } from '../db/query';
import { loadUser, type SessionUser } from './roles';
import { digest, randomToken } from './tokens';

export type { SessionUser } from './roles';

export const SESSION_COOKIE = 'peegel_session';
const DAY = 24 * 60 * 60 * 1000;
/** Idle sessions end after this; each use within it extends it (sliding expiry). */
export const SESSION_TTL_MS = 7 * DAY;
/** Renew (write a new version) only when less than this is left, to keep writes rare. */
const RENEW_WHEN_LEFT_MS = SESSION_TTL_MS / 2;

export interface Session {
	id: string;
	personalCode: string;
	createdAt: Date;
	expiresAt: Date;
}

const sessionRow = z.object({
	id: z.string(),
	personal_code: z.string(),
	created_at: utcDateTime,
	expires_at: utcDateTime,
	revoked: bool,
	version: int64
});

async function writeSession(s: Session & { revoked: boolean }) {
	await insertRows('session', [
		{
			id: s.id,
			personal_code: s.personalCode,
			created_at: chTime(s.createdAt),
			expires_at: chTime(s.expiresAt),
			revoked: s.revoked,
			// Versions order a session's rows; a monotonic clock is enough for one session.
			version: Date.now() * 1000 + Math.floor(Math.random() * 1000)
		}
	]);
}

/**
 * Validated sessions are remembered for a few seconds: a page view would otherwise spend
 * three ClickHouse round trips on who is asking. Sign-out in this process forgets at once;
 * another web process (in a multi-process deployment) notices within VALIDATED_CACHE_MS.
 */
const VALIDATED_CACHE_MS = 15_000;
const validated = new Map<string, { session: Session; user: SessionUser; until: number }>();

export async function createSession(personalCode: string): Promise<{ token: string; session: Session }> {
	const token = randomToken();
	const now = new Date();
	const session: Session = { id: digest(token), personalCode, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) };
	const [user] = await Promise.all([loadUser(personalCode), writeSession({ ...session, revoked: false })]);
	// The page after sign-in needs no round trip to learn who is asking.
	remember(session, user, now.getTime());
	return { token, session };
}

export async function validateSessionToken(token: string): Promise<{ session: Session; user: SessionUser } | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const id = digest(token);
	const now = Date.now();
	const hit = validated.get(id);
	if (hit && hit.until > now && hit.session.expiresAt.getTime() - now >= RENEW_WHEN_LEFT_MS) {
		return { session: hit.session, user: hit.user };
	}
	const result = await readSession(id);
	if (result) remember(result.session, result.user, now);
	else validated.delete(id);
	return result;
}

function remember(session: Session, user: SessionUser, now: number): void {
	if (validated.size > 50_000) validated.clear();
	validated.set(session.id, { session, user, until: now + VALIDATED_CACHE_MS });
}

async function readSession(id: string): Promise<{ session: Session; user: SessionUser } | null> {
	const row = await queryOne(
		`SELECT id, personal_code, created_at, expires_at, revoked, version
		 FROM session WHERE id = {id:String} ORDER BY version DESC LIMIT 1`,
		{ id },
		sessionRow
	);
	if (!row || row.revoked) return null;
	const now = Date.now();
	const expiresAt = new Date(row.expires_at);
	if (expiresAt.getTime() <= now) return null;
	const session: Session = { id, personalCode: row.personal_code, createdAt: new Date(row.created_at), expiresAt };
	if (expiresAt.getTime() - now < RENEW_WHEN_LEFT_MS) {
		session.expiresAt = new Date(now + SESSION_TTL_MS);
		await writeSession({ ...session, revoked: false });
	}
	return { session, user: await loadUser(row.personal_code) };
}

export async function invalidateSession(session: Session): Promise<void> {
	validated.delete(session.id);
	await writeSession({ ...session, revoked: true });
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 });
}
