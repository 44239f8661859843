/** Agencies and their information systems: small, read on every page, so cached briefly. */
import { z } from 'zod';
import type { Locale } from '$lib/i18n/locales';
import { int64 } from '../db/columns';
import { insertRows, queryOne, queryRows } from '../db/query';

export interface Agency {
	code: string;
	name: string;
	name_et: string;
	kind: string;
}

const agencyRow = z.object({ code: z.string(), name: z.string(), name_et: z.string(), kind: z.string() });
const systemRow = z.object({ agency_code: z.string(), code: z.string(), name: z.string() });

const CACHE_MS = 60_000;
let cached: { agencies: Map<string, Agency>; systems: Map<string, string>; until: number } | null = null;

async function load() {
	if (cached && cached.until > Date.now()) return cached;
	const [agencies, systems] = await Promise.all([
		queryRows('SELECT code, name, name_et, kind FROM agency FINAL ORDER BY code', {}, agencyRow),
		queryRows('SELECT agency_code, code, name FROM information_system FINAL', {}, systemRow)
	]);
	cached = {
		agencies: new Map(agencies.map((a) => [a.code, a])),
		systems: new Map(systems.map((s) => [`${s.agency_code}/${s.code}`, s.name])),
		until: Date.now() + CACHE_MS
	};
	return cached;
}

/** An agency's name in a language: its Estonian name in Estonian, else the English name. */
export function localAgencyName(a: Agency, locale: Locale): string {
	return (locale === 'et' && a.name_et) || a.name;
}

export async function agencyDirectory(): Promise<{
	agency: (code: string) => Agency | undefined;
	/** The agency's name in a language: Estonian in Estonian, else the English name. */
	agencyName: (code: string, locale: Locale) => string;
	systemName: (agencyCode: string, system: string) => string;
}> {
	const c = await load();
	return {
		agency: (code) => c.agencies.get(code),
		agencyName: (code, locale) => {
			const a = c.agencies.get(code);
			if (!a) return locale === 'et' ? `Asutus ${code}` : locale === 'ru' ? `Учреждение ${code}` : `Agency ${code}`;
			return localAgencyName(a, locale);
		},
		systemName: (agencyCode, system) => c.systems.get(`${agencyCode}/${system}`) ?? system
	};
}

/** Every known agency (the notification settings offer them all). */
export async function allAgencies(): Promise<Agency[]> {
	return [...(await load()).agencies.values()];
}

const existingRow = agencyRow.extend({ version: int64 });

/**
 * Register an agency if it is not known yet (agency:key), or rename a known one when a name
 * is given (its Estonian name and kind stay). Returns whether it was created.
 */
export async function ensureAgency(code: string, name: string | undefined): Promise<boolean> {
	const existing = await queryOne(
		'SELECT code, name, name_et, kind, version FROM agency FINAL WHERE code = {code:String}',
		{ code },
		existingRow
	);
	if (existing && (!name || name === existing.name)) return false;
	const row = existing
		? { ...existing, name: name!, version: existing.version + 1 }
		: { code, name: name ?? `Agency ${code}`, name_et: name ?? `Asutus ${code}`, kind: 'agency', version: 1 };
	await insertRows('agency', [row]);
	cached = null;
	return !existing;
}
