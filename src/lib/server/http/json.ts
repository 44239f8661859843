/** JSON error responses with a message that names what was wrong. */
import { json } from '@sveltejs/kit';

export function jsonError(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
	return json({ error: message, ...extra }, { status, headers });
}
