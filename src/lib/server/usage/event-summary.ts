/**
 * What a citizen's page shows of one of their events, in their language: time, agency
 * ("X via Y" for an intermediary), information system and purpose, as on the timeline. A
 * restricted event shows its time only (citizen-view has blanked the rest).
 */
import type { Locale } from '../../i18n/locales';
import { agencyDirectory } from '../reference/agencies';
import { purposeCatalogue, purposeText } from '../reference/purposes';
import type { SubjectEvent } from './citizen-view';

export type EventSummary =
	| { id: string; at: string; restricted: true }
	| {
			id: string;
			at: string;
			restricted: false;
			agency: string;
			/** The intermediary that carried the query, when not the agency itself. */
			via: string | null;
			system: string;
			/** The catalogue's wording, else the agency's own; null when neither was given. */
			purpose: string | null;
	  };

export async function eventSummaries(events: readonly SubjectEvent[], lang: Locale): Promise<Map<string, EventSummary>> {
	const [directory, purposes] = await Promise.all([agencyDirectory(), purposeCatalogue()]);
	const agencyName = (code: string) => (directory.agency(code) ? directory.agencyName(code, lang) : code);
	const out = new Map<string, EventSummary>();
	for (const e of events) {
		if (e.restricted) {
			out.set(e.event_id, { id: e.event_id, at: e.logged_at, restricted: true });
			continue;
		}
		const p = e.purpose_code ? purposes.get(e.purpose_code) : undefined;
		const catalogue = p ? purposeText(p, lang) : '';
		out.set(e.event_id, {
			id: e.event_id,
			at: e.logged_at,
			restricted: false,
			agency: agencyName(e.agency_code),
			via: e.intermediary_code && e.intermediary_code !== e.agency_code ? agencyName(e.intermediary_code) : null,
			system: e.system ? directory.systemName(e.agency_code, e.system) : '',
			purpose: catalogue || e.action.trim() || null
		});
	}
	return out;
}
