/** The purpose catalogue: plain-language text and legal basis for each purpose code. */
import { z } from 'zod';
import type { Locale } from '$lib/i18n/locales';
import { queryRows } from '../db/query';

export interface Purpose {
	code: string;
	text_en: string;
	text_et: string;
	text_ru: string;
	legal_basis: string;
}

const purposeRow = z.object({ code: z.string(), text_en: z.string(), text_et: z.string(), text_ru: z.string(), legal_basis: z.string() });

const CACHE_MS = 60_000;
let cached: { purposes: Map<string, Purpose>; until: number } | null = null;

export async function purposeCatalogue(): Promise<Map<string, Purpose>> {
	if (cached && cached.until > Date.now()) return cached.purposes;
	const rows = await queryRows('SELECT code, text_en, text_et, text_ru, legal_basis FROM purpose FINAL', {}, purposeRow);
	cached = { purposes: new Map(rows.map((p) => [p.code, p])), until: Date.now() + CACHE_MS };
	return cached.purposes;
}

/** A purpose's plain-language text in a language; English where a translation is missing. */
export function purposeText(p: Purpose, locale: Locale): string {
	const text = locale === 'et' ? p.text_et : locale === 'ru' ? p.text_ru : p.text_en;
	return text.trim() || p.text_en;
}
