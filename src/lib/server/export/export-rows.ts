/**
 * One exported event: what the timeline shows of it, in fields with stable English
 * snake_case names (the CSV header and the JSON keys alike), so programs can rely on them
 * whatever the interface language. Texts meant for people (agency and purpose) are in the
 * request's language where the catalogue has it, else English.
 *
 * | field | meaning |
 * |---|---|
 * | event_id | the event's UUID, as the agency sent it |
 * | time_utc | when the agency used the data, ISO 8601 in UTC (`2026-05-04T09:15:02.120Z`) |
 * | time_tallinn | the same instant in Estonian time, with its offset (`2026-05-04T12:15:02.120+03:00`) |
 * | restricted | true when the details are withheld (restricted processing): then every field below but ledger_index is empty (null in JSON) |
 * | agency_code, agency_name | the agency that used the data (registry code, name) |
 * | intermediary_code, intermediary_name | the agency that carried the query for it, when another one did |
 * | system_code, system_name | the agency's information system |
 * | purpose_code, purpose_text | the purpose from the catalogue, and its plain-language text |
 * | action | the agency's own wording of what it did |
 * | legal_basis | the legal basis the agency gave, else the catalogue's for the purpose |
 * | data_categories | the kinds of data used (JSON: an array; CSV: separated by `;`) |
 * | bulk | part of a scheduled run over many people |
 * | ledger_index | the event's position in the tamper-evident log (`/ledger`) |
 */
import { zoneOffsetMs } from '../../format';
import type { Locale } from '../../i18n/locales';
import { localAgencyName, type Agency } from '../reference/agencies';
import { purposeText, type Purpose } from '../reference/purposes';
import type { HistoryEvent } from './subject-history';

export const EXPORT_COLUMNS = [
	'event_id',
	'time_utc',
	'time_tallinn',
	'restricted',
	'agency_code',
	'agency_name',
	'intermediary_code',
	'intermediary_name',
	'system_code',
	'system_name',
	'purpose_code',
	'purpose_text',
	'action',
	'legal_basis',
	'data_categories',
	'bulk',
	'ledger_index'
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** An event as the JSON export has it; null where the event has no such detail or it is withheld. */
export interface ExportEvent {
	event_id: string;
	time_utc: string;
	time_tallinn: string;
	restricted: boolean;
	agency_code: string | null;
	agency_name: string | null;
	intermediary_code: string | null;
	intermediary_name: string | null;
	system_code: string | null;
	system_name: string | null;
	purpose_code: string | null;
	purpose_text: string | null;
	action: string | null;
	legal_basis: string | null;
	data_categories: string[] | null;
	bulk: boolean | null;
	ledger_index: number;
}

/** The reference data an event's codes are explained with. */
export interface ExportContext {
	lang: Locale;
	agency(code: string): Agency | undefined;
	systemName(agencyCode: string, system: string): string;
	purposes: ReadonlyMap<string, Purpose>;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An instant as Estonian local time in ISO 8601 with its offset: 2026-05-04T12:15:02.120+03:00. */
export function tallinnIsoTime(instant: Date): string {
	const offset = zoneOffsetMs(instant);
	const local = new Date(instant.getTime() + offset).toISOString().slice(0, 23);
	const minutes = Math.abs(offset) / 60_000;
	return `${local}${offset < 0 ? '-' : '+'}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

function agencyName(ctx: ExportContext, code: string): string {
	const agency = ctx.agency(code);
	if (!agency) return '';
	return localAgencyName(agency, ctx.lang);
}

const orNull = (s: string): string | null => (s === '' ? null : s);

export function toExportEvent(e: HistoryEvent, ctx: ExportContext): ExportEvent {
	const instant = new Date(e.logged_at);
	const base = { event_id: e.event_id, time_utc: instant.toISOString(), time_tallinn: tallinnIsoTime(instant) };
	if (e.restricted) {
		return {
			...base,
			restricted: true,
			agency_code: null,
			agency_name: null,
			intermediary_code: null,
			intermediary_name: null,
			system_code: null,
			system_name: null,
			purpose_code: null,
			purpose_text: null,
			action: null,
			legal_basis: null,
			data_categories: null,
			bulk: null,
			ledger_index: e.ledger_index
		};
	}
	const purpose = e.purpose_code ? ctx.purposes.get(e.purpose_code) : undefined;
	// As the timeline has it: an agency acting through itself has no intermediary.
	const via = e.intermediary_code && e.intermediary_code !== e.agency_code ? e.intermediary_code : '';
	return {
		...base,
		restricted: false,
		agency_code: e.agency_code,
		agency_name: orNull(agencyName(ctx, e.agency_code)),
		intermediary_code: orNull(via),
		intermediary_name: via ? orNull(agencyName(ctx, via)) : null,
		system_code: orNull(e.system),
		system_name: e.system ? orNull(ctx.systemName(e.agency_code, e.system)) : null,
		purpose_code: orNull(e.purpose_code),
		purpose_text: purpose ? orNull(purposeText(purpose, ctx.lang)) : null,
		action: orNull(e.action),
		legal_basis: orNull(e.legal_basis || purpose?.legal_basis || ''),
		data_categories: e.data_categories,
		bulk: e.bulk,
		ledger_index: e.ledger_index
	};
}

/** The CSV cells of an event: empty for null, true/false, categories joined by ';'. */
export function toCsvRecord(e: ExportEvent): Record<ExportColumn, string> {
	const out = {} as Record<ExportColumn, string>;
	for (const c of EXPORT_COLUMNS) {
		const v = e[c];
		out[c] = v === null ? '' : Array.isArray(v) ? v.join(';') : String(v);
	}
	return out;
}
