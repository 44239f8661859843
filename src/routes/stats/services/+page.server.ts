/**
 * E-service use (/stats/services): uses per month for the chosen service, channel, county and
 * age group, and the period's uses by service, channel, county and age group.
 */
import { error } from '@sveltejs/kit';
import { ask, datasetView } from '$lib/server/stats/read/answer';
import { serviceLabels } from '$lib/server/stats/read/names';
import { releaseJson } from '$lib/server/stats/read/open-data';
import { wholeYears } from '$lib/stats/periods';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=60' });
	const view = await datasetView('services');
	if (!view) return { release: null };
	const asked = ask(view, url.searchParams, [null], null);
	if ('error' in asked) error(400, asked.error.message);
	const q = asked.query;
	const range = (group: string) => view.index.answer({ ...q, group, by: 'range' });
	return {
		release: releaseJson(view.release),
		query: { from: q.from, to: q.to, filters: q.filters },
		periods: view.index.periods,
		values: view.index.values,
		years: wholeYears(view.index.periods),
		defaults: view.defaults,
		serviceNames: await serviceLabels(view.index.values.service ?? [], locals.lang),
		total: asked.answer,
		byService: range('service'),
		byChannel: range('channel'),
		byCounty: range('county'),
		byAge: range('age_band')
	};
};
