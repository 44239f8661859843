/**
 * Watching the watchers: an auditor's search or profile view that shows people's events is
 * itself a use of each of those people's data. It is recorded as a usage event about each
 * person (agency: the oversight body; purpose: oversight; actor: the auditor; case_ref: the
 * case the auditor gave), through the same commit path as agencies' events, so it gets a
 * ledger position and shows on the person's timeline. Recorded before the results are
 * shown: a look-up that could not be made durable (lookup-journal.ts) is not shown.
 */
import { randomUUID } from 'node:crypto';
import type { UsageEvent } from '$lib/schemas/usage-event';
import { journalLookup } from './lookup-journal';
import { OVERSIGHT_AGENCY, OVERSIGHT_CATEGORIES, OVERSIGHT_LEGAL_BASIS, OVERSIGHT_PURPOSE, OVERSIGHT_SYSTEM } from './oversight-body';

export interface OversightLookup {
	/** The auditor, country-prefixed. */
	auditor: string;
	/** The case (or alert) the look-up is for. */
	caseRef: string;
	/** What the auditor did, in the agency's log words: 'Oversight search', 'Official profile view'. */
	action: string;
	/** Whose events were shown (repeats are recorded once). */
	subjects: readonly string[];
}

/** The look-up's usage events, one per person shown, at this moment. */
export function lookupEvents(l: OversightLookup): UsageEvent[] {
	const people = [...new Set(l.subjects.filter((s) => s !== ''))];
	const at = new Date().toISOString();
	return people.map((subject) => ({
		event_id: randomUUID(),
		logged_at: at,
		subject_code: subject,
		agency_code: OVERSIGHT_AGENCY,
		system: OVERSIGHT_SYSTEM,
		action: l.action,
		purpose_code: OVERSIGHT_PURPOSE,
		legal_basis: OVERSIGHT_LEGAL_BASIS,
		actor_code: l.auditor,
		case_ref: l.caseRef,
		data_categories: [...OVERSIGHT_CATEGORIES],
		intermediary_code: '',
		xroad_client: '',
		xroad_service: '',
		xroad_message_id: '',
		visibility: 'visible',
		disclose_after: null,
		bulk: false
	}));
}

export async function recordOversightLookup(l: OversightLookup): Promise<number> {
	const events = lookupEvents(l);
	if (events.length > 0) await journalLookup(events);
	return events.length;
}
