/**
 * The statistics' categories: the values the feeds accept and the released tables use.
 * Shared by the feeds' validation, the rollups' release and the public site, so a value
 * means the same thing everywhere. Stored and released as these codes; the site shows
 * them through i18n.
 */

/** How a signature was given: the Estonian eIDs and foreign ones (eIDAS). */
export const SIGNATURE_METHODS = ['id_card', 'mobile_id', 'smart_id', 'foreign_eid', 'other'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

/** The relying party's sector: who asked for the signature. */
export const SECTORS = ['government', 'business', 'private'] as const;
export type Sector = (typeof SECTORS)[number];

/** Signature container formats. */
export const CONTAINERS = ['asice', 'bdoc', 'pdf', 'xades', 'cades', 'other'] as const;
export type Container = (typeof CONTAINERS)[number];

/** How an e-service was used. */
export const CHANNELS = ['web', 'mobile_app', 'machine_to_machine', 'service_desk'] as const;
export type Channel = (typeof CHANNELS)[number];

export const SERVICE_OUTCOMES = ['completed', 'failed', 'abandoned'] as const;
export type ServiceOutcome = (typeof SERVICE_OUTCOMES)[number];

/** Age bands, not ages: 65+ is one band so "people over 65" is one released figure. */
export const AGE_BANDS = ['0-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The population register's counties, and 'unknown' for people not living in one (e-residents, abroad). */
export const COUNTY_NAMES = [
	'Harju County',
	'Tartu County',
	'Ida-Viru County',
	'Pärnu County',
	'Lääne-Viru County',
	'Viljandi County',
	'Rapla County',
	'Võru County',
	'Saare County',
	'Järva County',
	'Jõgeva County',
	'Valga County',
	'Põlva County',
	'Lääne County',
	'Hiiu County',
	'unknown'
] as const;
export type CountyName = (typeof COUNTY_NAMES)[number];

/** The age band of someone born in birthYear, in the year of the event (whole years; no birthdays kept). */
export function ageBand(birthYear: number, eventYear: number): AgeBand {
	const age = eventYear - birthYear;
	if (age < 18) return '0-17';
	if (age < 25) return '18-24';
	if (age < 35) return '25-34';
	if (age < 45) return '35-44';
	if (age < 55) return '45-54';
	if (age < 65) return '55-64';
	return '65+';
}

/** A released figure that counts people is published only when it counts at least this many. */
export const MIN_PEOPLE = 10;

/** In released cells, the value of a dimension that the cell totals over. */
export const TOTAL = '*';
