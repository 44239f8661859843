/**
 * GET /me/ledger.json?ids=<event ids>[&witnessed=1]: proofs for the events of the person whose
 * records are shown (the signed-in person, or the minor child they represent; see citizen-proofs.ts).
 */
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { jsonError } from '$lib/server/http/json';
import { subjectLedgerView } from '$lib/server/ledger/citizen-proofs';
import type { RequestHandler } from './$types';

const MAX_IDS = 100;
const ids = z
	.string({ message: 'ids is required: event ids separated by commas' })
	.transform((s) => s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean))
	.pipe(
		z
			.array(z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'each id must be a UUID'))
			.min(1, 'ids must name at least one event')
			.max(MAX_IDS, `at most ${MAX_IDS} ids`)
	);

export const GET: RequestHandler = async ({ url, locals, setHeaders }) => {
	if (!locals.user || !locals.subject) return jsonError(401, 'sign in to check your events against the log');
	const parsed = ids.safeParse(url.searchParams.get('ids') ?? undefined);
	if (!parsed.success) return jsonError(400, parsed.error.issues[0]!.message, { parameter: 'ids' });
	setHeaders({ 'cache-control': 'private, no-store' });
	const witnessed = url.searchParams.get('witnessed') === '1';
	return json(await subjectLedgerView(locals.subject.code, parsed.data, { witnessed }));
};
