/**
 * E-signatures per month (/stats/signatures): the total for the chosen county, age group,
 * method and sector, and the same broken out by method and by sector. GET filters; a bad
 * parameter is a 400 naming it.
 */
import { error } from '@sveltejs/kit';
import { ask, datasetView } from '$lib/server/stats/read/answer';
import { releaseJson } from '$lib/server/stats/read/open-data';
import { wholeYears } from '$lib/stats/periods';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=60' });
	const view = await datasetView('signatures');
	if (!view) return { release: null };
	const asked = ask(view, url.searchParams, [null], null);
	if ('error' in asked) error(400, asked.error.message);
	const q = asked.query;
	return {
		release: releaseJson(view.release),
		query: { from: q.from, to: q.to, filters: q.filters },
		periods: view.index.periods,
		values: view.index.values,
		years: wholeYears(view.index.periods),
		defaults: view.defaults,
		total: asked.answer,
		byMethod: view.index.answer({ ...q, group: 'method' }),
		bySector: view.index.answer({ ...q, group: 'sector' })
	};
};
