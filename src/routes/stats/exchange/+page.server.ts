/**
 * Data exchange over X-Road (/stats/exchange): messages between members in the chosen
 * months as a network (laid out by d3-force here, deterministically) and as a table of flows.
 */
import { error } from '@sveltejs/kit';
import { ask, datasetView } from '$lib/server/stats/read/answer';
import { nameColumns } from '$lib/server/stats/read/name-columns';
import { releaseJson } from '$lib/server/stats/read/open-data';
import { networkLayout } from '$lib/stats/charts/network-layout';
import { PAIR } from '$lib/stats/cube';
import { wholeYears } from '$lib/stats/periods';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=60' });
	const view = await datasetView('exchange');
	if (!view) return { release: null };
	const asked = ask(view, url.searchParams, [PAIR], PAIR);
	if ('error' in asked) error(400, asked.error.message);
	const q = asked.query;
	const edges = view.index.answer({ ...q, by: 'range' });
	const names = await nameColumns(edges, locals.lang);
	return {
		release: releaseJson(view.release),
		query: { from: q.from, to: q.to, filters: q.filters },
		periods: view.index.periods,
		years: wholeYears(view.index.periods),
		defaults: view.defaults,
		edges,
		names: names.client_name?.names ?? {},
		layout: networkLayout(edges.rows.map((r) => ({ client: r.dims[0]!, service: r.dims[1]!, messages: r.cell.value ?? 0 })))
	};
};
