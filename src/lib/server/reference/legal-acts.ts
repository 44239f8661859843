/**
 * The acts that purposes cite, in the three interface languages, with the official text's
 * address where we have verified one. Agencies write a legal basis as "<act> § <section>"
 * in English (the purpose catalogue's form); a citizen reads it in their own language.
 * A basis that names no act we know is shown as the agency wrote it.
 */
import type { Locale } from '$lib/i18n/locales';

interface Act {
	et: string;
	ru: string;
	/** Riigi Teataja, the text in force ("consolide/current" follows every amendment). */
	url?: string;
}

const ACTS: Record<string, Act> = {
	'Basic Schools and Upper Secondary Schools Act': { et: 'Põhikooli- ja gümnaasiumiseadus', ru: 'Закон об основной школе и гимназии' },
	'Building Code': { et: 'Ehitusseadustik', ru: 'Строительный кодекс' },
	'Code of Civil Procedure': { et: 'Tsiviilkohtumenetluse seadustik', ru: 'Гражданский процессуальный кодекс' },
	'Code of Criminal Procedure': { et: 'Kriminaalmenetluse seadustik', ru: 'Уголовно-процессуальный кодекс' },
	'Code of Misdemeanour Procedure': { et: 'Väärteomenetluse seadustik', ru: 'Кодекс производства по проступкам' },
	'Commercial Code': { et: 'Äriseadustik', ru: 'Коммерческий кодекс' },
	'Communicable Diseases Prevention and Control Act': { et: 'Nakkushaiguste ennetamise ja tõrje seadus', ru: 'Закон о профилактике инфекционных заболеваний и борьбе с ними' },
	'Criminal Records Database Act': { et: 'Karistusregistri seadus', ru: 'Закон о регистре наказаний' },
	'Customs Act': { et: 'Tolliseadus', ru: 'Таможенный закон' },
	'Defence Service Act': { et: 'Kaitseväeteenistuse seadus', ru: 'Закон о службе в Силах обороны' },
	'Education Act': { et: 'Eesti Vabariigi haridusseadus', ru: 'Закон Эстонской Республики об образовании' },
	'Emergency Act': { et: 'Hädaolukorra seadus', ru: 'Закон о чрезвычайных ситуациях' },
	'Family Benefits Act': { et: 'Perehüvitiste seadus', ru: 'Закон о семейных пособиях' },
	'Fire Safety Act': { et: 'Tuleohutuse seadus', ru: 'Закон о пожарной безопасности' },
	'Health Insurance Act': { et: 'Ravikindlustuse seadus', ru: 'Закон о медицинском страховании' },
	'Health Services Organisation Act': { et: 'Tervishoiuteenuste korraldamise seadus', ru: 'Закон об организации услуг здравоохранения' },
	'Identity Documents Act': { et: 'Isikut tõendavate dokumentide seadus', ru: 'Закон о документах, удостоверяющих личность' },
	'Income Tax Act': { et: 'Tulumaksuseadus', ru: 'Закон о подоходном налоге' },
	'Labour Market Measures Act': { et: 'Tööturumeetmete seadus', ru: 'Закон о мерах на рынке труда' },
	'Land Register Act': { et: 'Kinnistusraamatuseadus', ru: 'Закон о поземельной книге' },
	'Law Enforcement Act': { et: 'Korrakaitseseadus', ru: 'Закон об охране правопорядка' },
	'Medicinal Products Act': { et: 'Ravimiseadus', ru: 'Закон о лекарственных средствах' },
	'Official Statistics Act': { et: 'Riikliku statistika seadus', ru: 'Закон о государственной статистике' },
	'Personal Data Protection Act': { et: 'Isikuandmete kaitse seadus', ru: 'Закон о защите персональных данных' },
	'Population Register Act': {
		et: 'Rahvastikuregistri seadus',
		ru: 'Закон о регистре народонаселения',
		url: 'https://www.riigiteataja.ee/en/eli/526122020002/consolide/current'
	},
	'Public Information Act': { et: 'Avaliku teabe seadus', ru: 'Закон о публичной информации' },
	'Security Authorities Act': { et: 'Julgeolekuasutuste seadus', ru: 'Закон об учреждениях безопасности' },
	'Social Benefits for Disabled Persons Act': { et: 'Puuetega inimeste sotsiaaltoetuste seadus', ru: 'Закон о социальных пособиях для людей с ограниченными возможностями' },
	'Social Welfare Act': { et: 'Sotsiaalhoolekande seadus', ru: 'Закон о социальном обеспечении' },
	'State Borders Act': { et: 'Riigipiiri seadus', ru: 'Закон о государственной границе' },
	'State Pension Insurance Act': { et: 'Riikliku pensionikindlustuse seadus', ru: 'Закон о государственном пенсионном страховании' },
	'State Secrets and Classified Information of Foreign States Act': { et: 'Riigisaladuse ja salastatud välisteabe seadus', ru: 'Закон о государственной тайне и секретной информации иностранных государств' },
	'Taxation Act': {
		et: 'Maksukorralduse seadus',
		ru: 'Закон о налогообложении',
		url: 'https://www.riigiteataja.ee/en/eli/528122020005/consolide/current'
	},
	'Traffic Act': { et: 'Liiklusseadus', ru: 'Закон о дорожном движении' },
	'Unemployment Insurance Act': { et: 'Töötuskindlustuse seadus', ru: 'Закон о страховании от безработицы' }
};

export interface LegalBasis {
	text: string;
	/** The act's official text, when known. */
	url: string | null;
}

const cache = new Map<string, LegalBasis>();

/** "Population Register Act § 41" in a language, and its act's address if known. */
export function localiseLegalBasis(basis: string, locale: Locale): LegalBasis {
	const key = `${locale}\u0000${basis}`;
	let out = cache.get(key);
	if (out) return out;
	const m = /^(.*?)\s*(§.*)?$/su.exec(basis.trim());
	const act = m ? ACTS[m[1]!] : undefined;
	// "Act § 12" never breaks between the sign and its number.
	const section = (m?.[2] ?? '').replace(/§\s+/g, '§\u00a0');
	const name = act && locale !== 'en' ? act[locale] : (m?.[1] ?? basis);
	out = { text: act ? (section ? `${name} ${section}` : name) : basis.replace(/§\s+/g, '§\u00a0'), url: act?.url ?? null };
	if (cache.size > 5000) cache.clear();
	cache.set(key, out);
	return out;
}

/** Every act we know by its English name (tests check the catalogue cites only these). */
export const KNOWN_ACTS: readonly string[] = Object.keys(ACTS);
