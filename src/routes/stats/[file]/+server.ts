/**
 * Open data: GET /stats/<dataset>.csv and /stats/<dataset>.json (dataset: signatures,
 * services, adoption, exchange, coverage) with the pages' parameters (see /stats/data). A
 * bad parameter is a 400 naming it; before the first release, a 404 saying so.
 */
import { error, json } from '@sveltejs/kit';
import { GROUPS } from '$lib/stats/catalogue';
import { DATASETS, type Dataset } from '$lib/stats/datasets';
import { jsonError } from '$lib/server/http/json';
import { ask, datasetView } from '$lib/server/stats/read/answer';
import { nameColumns } from '$lib/server/stats/read/name-columns';
import { csvBody, jsonBody } from '$lib/server/stats/read/open-data';
import type { RequestHandler } from './$types';

const FILE = /^([a-z]+)\.(csv|json)$/;

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const m = FILE.exec(params.file);
	if (!m || !(DATASETS as readonly string[]).includes(m[1]!)) error(404, 'Not found');
	const dataset = m[1] as Dataset;
	const format = m[2] as 'csv' | 'json';
	const view = await datasetView(dataset);
	if (!view) return jsonError(404, 'No statistics have been released yet');
	const asked = ask(view, url.searchParams, GROUPS[dataset].groups, GROUPS[dataset].defaultGroup);
	if ('error' in asked) return jsonError(400, asked.error.message, { parameter: asked.error.parameter });
	const names = await nameColumns(asked.answer, locals.lang);
	const headers = {
		// Public and the same for everyone until the next release.
		'cache-control': 'public, max-age=60',
		'x-stats-release': String(view.release.release_id)
	};
	if (format === 'json') {
		const { query } = asked;
		return json(jsonBody(asked.answer, view.release, { from: query.from, to: query.to, ...query.filters, group: query.group ?? 'none', by: query.by }, names), { headers });
	}
	return new Response(csvBody(asked.answer, view.release, names), {
		headers: { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="peegel-${dataset}-${view.release.release_id}.csv"` }
	});
};
