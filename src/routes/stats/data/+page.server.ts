/** The open data's documentation (/stats/data): every address, its parameters and columns. */
import { GROUPS } from '$lib/stats/catalogue';
import { DATASETS, SPECS } from '$lib/stats/datasets';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return {
		datasets: DATASETS.map((name) => {
			const spec = SPECS[name];
			const names = name === 'services' ? ['service_name'] : name === 'exchange' ? ['client_name', 'service_name'] : [];
			const columns = ['release_id', 'period', ...spec.dims, ...names, spec.measures.value];
			if (spec.measures.people) columns.push(`${spec.measures.people} (by=period)`);
			if (spec.measures.base) columns.push(spec.measures.base);
			if (name === 'adoption') columns.push('rate');
			columns.push('suppressed');
			return { name, period: spec.period, dims: [...spec.dims], columns, groups: GROUPS[name].groups.map((g) => g ?? 'none'), defaultGroup: GROUPS[name].defaultGroup ?? 'none' };
		})
	};
};
