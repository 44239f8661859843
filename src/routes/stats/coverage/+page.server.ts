/**
 * Data Tracker coverage (/stats/coverage): per month, agencies reporting, uses reported,
 * people who looked at their history, flags by kind and cases closed by outcome.
 */
import { error } from '@sveltejs/kit';
import { ask, datasetView } from '$lib/server/stats/read/answer';
import { releaseJson } from '$lib/server/stats/read/open-data';
import { wholeYears } from '$lib/stats/periods';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=60' });
	const view = await datasetView('coverage');
	if (!view) return { release: null };
	const asked = ask(view, url.searchParams, [null], null);
	if ('error' in asked) error(400, asked.error.message);
	const q = asked.query;
	const metric = (m: string, group: string | null) => view.index.answer({ ...q, filters: { metric: m }, group });
	return {
		release: releaseJson(view.release),
		query: { from: q.from, to: q.to, filters: {} },
		periods: view.index.periods,
		years: wholeYears(view.index.periods),
		defaults: view.defaults,
		charts: [
			{ id: 'agencies_reporting', answer: metric('agencies_reporting', null) },
			{ id: 'usage_events', answer: metric('usage_events', null) },
			{ id: 'citizens_viewed', answer: metric('citizens_viewed', null) },
			{ id: 'flags', answer: metric('flags', 'detail') },
			{ id: 'cases_closed', answer: metric('cases_closed', 'detail') }
		]
	};
};
