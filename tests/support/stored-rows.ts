/**
 * usage_event rows as ClickHouse stores them, for tests that write to an embedded database
 * in their own process (bypassing the API to control times, visibility and positions).
 */

/** '2026-03-01T10:00:00.123Z' as a DateTime64 literal ClickHouse's JSON input takes. */
export const sqlTime = (iso: string) => iso.replace('T', ' ').replace('Z', '');

export function storedUsageRow(subject: string, agency: string, at: string, ledgerIndex: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		event_id: crypto.randomUUID(),
		logged_at: sqlTime(at),
		received_at: sqlTime(at),
		subject_code: subject,
		agency_code: agency,
		system: 'SYS',
		action: 'A lookup',
		purpose_code: '',
		legal_basis: '',
		actor_code: '',
		case_ref: '',
		data_categories: [],
		intermediary_code: '',
		xroad_client: '',
		xroad_service: '',
		xroad_message_id: '',
		visibility: 'visible',
		disclose_after: null,
		bulk: false,
		ledger_index: ledgerIndex,
		...overrides
	};
}
