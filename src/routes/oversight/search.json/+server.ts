/**
 * GET /oversight/search.json: the auditors' search as JSON, with the page's parameters
 * (case, person, official, agency, system, purpose, ref, from, to, before). Every field of
 * each event, with the names an auditor reads them by; `older` is the next page's address.
 * Bad input: 400 naming the field. The look-up is recorded on each person's timeline before
 * the answer is sent, as on the page.
 */
import { json } from '@sveltejs/kit';
import { translator } from '$lib/i18n/translator';
import { parseSearch, searchQuery } from '$lib/oversight/search-filters';
import { requireRole } from '$lib/server/auth/require-role';
import { jsonError } from '$lib/server/http/json';
import { searchAndRecord } from '$lib/server/oversight/search-results';
import type { RequestHandler } from './$types';

const NO_STORE = { 'cache-control': 'private, no-store' };

export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireRole(locals, url, 'auditor', 'api');
	const parsed = parseSearch(url.searchParams);
	if (!parsed.ok) {
		const i18n = translator(locals.lang);
		const first = parsed.problems[0]!;
		return jsonError(
			400,
			`${first.field}: ${i18n.t(`oversightSearch.errors.${first.key}`)}`,
			{ field: first.field, problems: parsed.problems.map((p) => ({ field: p.field, message: i18n.t(`oversightSearch.errors.${p.key}`) })) },
			NO_STORE
		);
	}
	const { request } = parsed;
	const result = await searchAndRecord(user.code, request, locals.lang, 'full');
	return json(
		{
			case_ref: request.caseRef,
			shape: result.shape,
			events: result.events,
			older: result.older ? `/oversight/search.json?${searchQuery(request, result.older)}` : null
		},
		{ headers: NO_STORE }
	);
};
