/** The name columns an answer's open data carries: e-services' and X-Road members' names. */
import type { Locale } from '$lib/i18n/locales';
import { translator } from '$lib/i18n/translator';
import { SPECS, type CubeAnswer } from '$lib/stats/datasets';
import { memberLabels, serviceLabels } from './names';
import type { NameColumns } from './open-data';

function dimValues(answer: CubeAnswer, dim: string): string[] {
	const i = SPECS[answer.dataset].dims.indexOf(dim);
	return [...new Set(answer.rows.map((r) => r.dims[i]!))].filter((v) => v !== '*');
}

/** A merged member ('<instance>/<class>/*') is a category: "Businesses (COM)" and the like. */
export function mergedMemberName(key: string, locale: Locale): string | null {
	const [, cls, code] = key.split('/');
	if (code !== '*' || !cls) return null;
	return translator(locale).t('stats.exchange.merged', { memberClass: cls });
}

export async function nameColumns(answer: CubeAnswer, locale: Locale): Promise<NameColumns> {
	if (answer.dataset === 'services') return { service_name: { dim: 'service', names: await serviceLabels(dimValues(answer, 'service'), locale) } };
	if (answer.dataset === 'exchange') {
		const members = [...new Set([...dimValues(answer, 'client'), ...dimValues(answer, 'service')])];
		const named = await memberLabels(members, locale);
		for (const k of members) named[k] = mergedMemberName(k, locale) ?? named[k]!;
		return { client_name: { dim: 'client', names: named }, service_name: { dim: 'service', names: named } };
	}
	return {};
}
