/**
 * What each dataset's open data offers: the groups it can be broken out by (null = none,
 * 'pair' = every client–service pair) and the one used when none is asked for. The pages use
 * the same groups for their charts, and /stats/data lists them.
 */
import { PAIR } from './cube';
import type { Dataset } from './datasets';

export const GROUPS: Record<Dataset, { groups: readonly (string | null)[]; defaultGroup: string | null }> = {
	signatures: { groups: [null, 'method', 'sector', 'county', 'age_band'], defaultGroup: null },
	services: { groups: [null, 'service', 'channel', 'county', 'age_band'], defaultGroup: null },
	adoption: { groups: [null, 'county', 'age_band'], defaultGroup: 'county' },
	exchange: { groups: [PAIR, null, 'client', 'service'], defaultGroup: PAIR },
	coverage: { groups: [null, 'detail'], defaultGroup: null }
};

/** A download's address: /stats/<dataset>.<format>?<params> (params without empty values or '*'). */
export function downloadUrl(dataset: Dataset, format: 'csv' | 'json', params: Record<string, string | null | undefined>): string {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '' && v !== '*') q.set(k, v);
	const s = q.toString();
	return `/stats/${dataset}.${format}${s ? `?${s}` : ''}`;
}
