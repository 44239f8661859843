/**
 * eID adoption (/stats/adoption): for a chosen year, the share of the population who signed
 * or used an e-service, by county (for the chosen age group) and by age group (for the
 * chosen county). `year` sets the period (from = to = year).
 */
import { error } from '@sveltejs/kit';
import { ask, datasetView } from '$lib/server/stats/read/answer';
import { releaseJson } from '$lib/server/stats/read/open-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=60' });
	const view = await datasetView('adoption');
	if (!view) return { release: null };
	const search = new URLSearchParams(url.searchParams);
	const year = search.get('year');
	if (year !== null && year !== '') {
		if (!/^\d{4}$/.test(year)) error(400, 'year: must be a year written YYYY, for example 2025');
		search.set('from', year);
		search.set('to', year);
	}
	const asked = ask(view, search, ['county'], 'county');
	if ('error' in asked) error(400, asked.error.message);
	const q = asked.query;
	return {
		release: releaseJson(view.release),
		query: { from: q.from, to: q.to, filters: q.filters },
		periods: view.index.periods,
		values: view.index.values,
		byCounty: asked.answer,
		byAge: view.index.answer({ ...q, group: 'age_band' })
	};
};
