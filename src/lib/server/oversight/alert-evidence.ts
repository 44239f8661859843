/**
 * An alert's evidence: the usage events it names (read by their people, the events
 * table's sort key), with the officials' identities and the people's names. These are
 * people's events: a page that shows them records the look-up first (recordOversightLookup).
 */
import type { Alert } from './alert-row';
import { oversightEventsByRef, type OversightEvent } from './events';
import { officialIdentities, type OfficialIdentity } from './officials';
import { personNames } from './person-names';

export interface AlertEvidence {
	events: OversightEvent[];
	/** Every official in the evidence and the alert's own, by actor code. */
	officials: Map<string, OfficialIdentity>;
	/** Names of the evidence's people and the alert's person, by subject code. */
	people: Map<string, string>;
}

export async function alertEvidence(alert: Alert): Promise<AlertEvidence> {
	const refs = alert.event_ids.map((event_id, i) => ({ event_id, subject_code: alert.event_subjects[i] ?? '' })).filter((r) => r.subject_code !== '');
	const events = await oversightEventsByRef(refs);
	const [officials, people] = await Promise.all([
		officialIdentities([alert.actor_code, ...events.map((e) => e.actor_code)].filter((c) => c !== '')),
		personNames([alert.subject_code, ...events.map((e) => e.subject_code)])
	]);
	return { events, officials, people };
}
