/**
 * Lets `npm run agency:key` issue keys while the server holds the embedded database.
 * Only from this machine, and only with the admin token the server wrote into its data
 * directory (readable by the account that runs it).
 */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { bearerToken } from '$lib/server/auth/api-keys';
import { digestsEqual } from '$lib/server/auth/tokens';
import { issueKey, issueKeyInput } from '$lib/server/auth/issue-key';
import { adminToken } from '$lib/server/runtime/server-lock';
import { jsonError } from '$lib/server/http/json';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export const POST: RequestHandler = async ({ request, getClientAddress }) => {
	const expected = adminToken();
	const presented = bearerToken(request.headers.get('authorization'));
	if (!LOOPBACK.test(getClientAddress()) || !expected || !presented || !digestsEqual(presented, expected)) {
		return jsonError(401, 'admin token required (local CLI only)');
	}
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return jsonError(400, 'body must be JSON');
	}
	const parsed = issueKeyInput.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return jsonError(400, `${issue.path.join('.')}: ${issue.message}`);
	}
	return json(await issueKey(parsed.data), { status: 201 });
};
