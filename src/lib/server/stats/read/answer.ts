/**
 * One statistics question from a request's query parameters: the latest release, the
 * dataset's cells, the parameters checked against them, and the answer. Pages and open data
 * both come through here, so a download holds exactly what the page's table shows.
 */
import type { CubeAnswer, Dataset } from '$lib/stats/datasets';
import { SPECS } from '$lib/stats/datasets';
import type { CellIndex, CubeQuery } from '$lib/stats/cube';
import { defaultRange, latestFullPeriod } from '$lib/stats/periods';
import { parseCubeParams, type ParamError } from '$lib/stats/query-params';
import { tallinnMonth, monthKey } from '$lib/charts/months';
import { latestRelease, releaseCells, type ReleaseInfo } from './release';

/** How many periods a page shows when no range is asked for. */
export const DEFAULT_PERIODS = { month: 12, year: 1 } as const;

export interface DatasetView {
	release: ReleaseInfo;
	index: CellIndex;
	/** The latest period that had ended when the release was made. */
	latestFull: string | null;
	defaults: { from: string; to: string };
}

/** The latest release's view of a dataset, or null before the first release (or when it has no cells). */
export async function datasetView(dataset: Dataset): Promise<DatasetView | null> {
	const release = await latestRelease();
	if (!release) return null;
	const index = await releaseCells(release.release_id, dataset);
	const kind = SPECS[dataset].period;
	const latestFull = latestFullPeriod(index.periods, monthKey(tallinnMonth(new Date(release.created_at))), kind);
	const defaults = defaultRange(index.periods, latestFull, DEFAULT_PERIODS[kind]);
	if (!defaults) return null;
	return { release, index, latestFull, defaults };
}

export interface Asked {
	query: CubeQuery;
	answer: CubeAnswer;
}

/**
 * The answer to the request's parameters, with the group given (pages) or chosen by the
 * `group` parameter among those allowed (open data).
 */
export function ask(view: DatasetView, search: URLSearchParams, groups: readonly (string | null)[], defaultGroup: string | null): Asked | { error: ParamError } {
	const parsed = parseCubeParams(view.index.dataset, search, {
		periods: view.index.periods,
		values: view.index.values,
		defaults: view.defaults,
		groups,
		defaultGroup
	});
	if ('error' in parsed) return parsed;
	return { query: parsed.query, answer: view.index.answer(parsed.query) };
}
