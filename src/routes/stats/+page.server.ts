/**
 * The statistics overview (/stats): what is here, the headline figures of the latest full
 * month (year for adoption), the release and how it protects people.
 */
import { datasetView } from '$lib/server/stats/read/answer';
import { latestRelease } from '$lib/server/stats/read/release';
import { releaseJson } from '$lib/server/stats/read/open-data';
import type { Dataset, ShownCell } from '$lib/stats/datasets';
import { TOTAL } from '$lib/stats/dimensions';
import type { PageServerLoad } from './$types';

interface Headline {
	period: string;
	cell: ShownCell;
	/** adoption: the rate's denominator is in cell.base; signatures: government's cell */
	part?: ShownCell;
}

async function headline(dataset: Dataset, dims: string[], partDims?: string[]): Promise<Headline | null> {
	const view = await datasetView(dataset);
	if (!view?.latestFull) return null;
	const period = view.latestFull;
	return { period, cell: view.index.cell(period, dims), part: partDims ? view.index.cell(period, partDims) : undefined };
}

export const load: PageServerLoad = async ({ setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=60' });
	const release = await latestRelease();
	if (!release) return { release: null };
	const [signatures, services, adoption, exchange] = await Promise.all([
		headline('signatures', [TOTAL, TOTAL, TOTAL, TOTAL], [TOTAL, 'government', TOTAL, TOTAL]),
		headline('services', [TOTAL, TOTAL, TOTAL, TOTAL]),
		headline('adoption', [TOTAL, TOTAL]),
		headline('exchange', [TOTAL, TOTAL])
	]);
	return { release: releaseJson(release), signatures, services, adoption, exchange };
};
