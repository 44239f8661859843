/**
 * Lets `npm run stats:release` make a release while the server holds the embedded
 * database. Only from this machine, with the admin token of the server's data directory.
 * Body: {}, optionally with "dpEpsilon": "1/2" and "through": "YYYY-MM"; answers the release made.
 */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { bearerToken } from '$lib/server/auth/api-keys';
import { digestsEqual } from '$lib/server/auth/tokens';
import { adminToken } from '$lib/server/runtime/server-lock';
import { jsonError } from '$lib/server/http/json';
import { releaseRequest } from '$lib/server/stats/release/request';
import { releaseStatistics } from '$lib/server/stats/release/run';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export const POST: RequestHandler = async ({ request, getClientAddress }) => {
	const expected = adminToken();
	const presented = bearerToken(request.headers.get('authorization'));
	if (!LOOPBACK.test(getClientAddress()) || !expected || !presented || !digestsEqual(presented, expected)) {
		return jsonError(401, 'admin token required (local CLI only)');
	}
	let body: unknown;
	try {
		const text = await request.text();
		body = text.trim() === '' ? {} : JSON.parse(text);
	} catch {
		return jsonError(400, 'body must be JSON');
	}
	const parsed = releaseRequest.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return jsonError(400, `${issue.path.join('.') || 'body'}: ${issue.message}`);
	}
	return json(await releaseStatistics(parsed.data), { status: 201 });
};
