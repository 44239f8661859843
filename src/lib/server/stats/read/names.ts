/**
 * Names for the codes in released cells: e-services (e_service, per language; a code without
 * a name shows as itself) and X-Road members (GOV members by the agency's name).
 */
import { z } from 'zod';
import type { Locale } from '$lib/i18n/locales';
import { queryRows } from '../../db/query';
import { agencyDirectory, localAgencyName } from '../../reference/agencies';

const CACHE_MS = 60_000;
const serviceRow = z.object({ agency_code: z.string(), code: z.string(), name_en: z.string(), name_et: z.string(), name_ru: z.string() });
type ServiceRow = z.infer<typeof serviceRow>;

let services: { byKey: Map<string, ServiceRow>; until: number } | null = null;

async function serviceNames(): Promise<Map<string, ServiceRow>> {
	if (services && services.until > Date.now()) return services.byKey;
	const rows = await queryRows('SELECT agency_code, code, name_en, name_et, name_ru FROM e_service FINAL', {}, serviceRow);
	services = { byKey: new Map(rows.map((r) => [`${r.agency_code}/${r.code}`, r])), until: Date.now() + CACHE_MS };
	return services.byKey;
}

/** Released service keys ('<agency>/<code>') to their names in a language. */
export async function serviceLabels(keys: readonly string[], locale: Locale): Promise<Record<string, string>> {
	const names = await serviceNames();
	return Object.fromEntries(
		keys.map((k) => {
			const s = names.get(k);
			const name = s ? (locale === 'et' ? s.name_et : locale === 'ru' ? s.name_ru : s.name_en) || s.name_en : '';
			return [k, name || k];
		})
	);
}

/**
 * Released X-Road members ('<instance>/<class>/<code>') to their names: a GOV member by the
 * agency's name when it is known, else as itself; merged classes ('<instance>/<class>/*')
 * are named by the caller (they are categories, translated).
 */
export async function memberLabels(keys: readonly string[], locale: Locale): Promise<Record<string, string>> {
	const directory = await agencyDirectory();
	return Object.fromEntries(
		keys.map((k) => {
			const [, cls, code] = k.split('/');
			const agency = cls === 'GOV' && code ? directory.agency(code) : undefined;
			return [k, agency ? localAgencyName(agency, locale) : k];
		})
	);
}
