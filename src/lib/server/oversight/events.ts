/**
 * Usage events as auditors see them: every field, the official included, whatever the
 * event's visibility. Read by (subject, event id) pairs: usage_event is sorted by subject,
 * so the subjects are what makes the read cheap.
 */
import { z } from 'zod';
import { VISIBILITIES } from '$lib/schemas/usage-event';
import { bool, int64, utcDateTime } from '../db/columns';
import { queryRows } from '../db/query';

export const OVERSIGHT_COLUMNS = `event_id, logged_at, received_at, subject_code, agency_code, system, action, purpose_code,
	legal_basis, actor_code, case_ref, data_categories, intermediary_code, xroad_client, xroad_service, xroad_message_id,
	visibility, disclose_after, bulk, ledger_index`;

export const oversightEventRow = z.object({
	event_id: z.string(),
	logged_at: utcDateTime,
	received_at: utcDateTime,
	subject_code: z.string(),
	agency_code: z.string(),
	system: z.string(),
	action: z.string(),
	purpose_code: z.string(),
	legal_basis: z.string(),
	actor_code: z.string(),
	case_ref: z.string(),
	data_categories: z.array(z.string()),
	intermediary_code: z.string(),
	xroad_client: z.string(),
	xroad_service: z.string(),
	xroad_message_id: z.string(),
	visibility: z.enum(VISIBILITIES),
	disclose_after: utcDateTime.nullable(),
	bulk: bool,
	ledger_index: int64
});
export type OversightEvent = z.output<typeof oversightEventRow>;

export interface EventRef {
	subject_code: string;
	event_id: string;
}

/** These events, newest first (refs that match nothing are left out). */
export async function oversightEventsByRef(refs: readonly EventRef[]): Promise<OversightEvent[]> {
	if (refs.length === 0) return [];
	return queryRows(
		`SELECT ${OVERSIGHT_COLUMNS}
		 FROM usage_event PREWHERE subject_code IN {subjects:Array(String)}
		 WHERE event_id IN {ids:Array(UUID)}
		 ORDER BY logged_at DESC, event_id DESC`,
		{ subjects: [...new Set(refs.map((r) => r.subject_code))], ids: [...new Set(refs.map((r) => r.event_id))] },
		oversightEventRow
	);
}
