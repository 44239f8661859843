/**
 * An official's most recent events in a period, newest first, with every field an auditor
 * sees (oversight's own column list). These name people: the page that shows them records
 * the look-up first (recordOversightLookup).
 */
import { queryRows } from '../../db/query';
import { OVERSIGHT_COLUMNS, oversightEventRow, type OversightEvent } from '../events';
import { OFFICIAL_EVENTS, scopeParams, type OfficialScope } from './scope';

export async function recentEventsOfOfficial(scope: OfficialScope, limit: number): Promise<OversightEvent[]> {
	if (scope.agencies.length === 0) return [];
	return queryRows(
		`SELECT ${OVERSIGHT_COLUMNS}
		 FROM usage_event WHERE ${OFFICIAL_EVENTS}
		 ORDER BY logged_at DESC, event_id DESC LIMIT {limit:UInt32}`,
		{ ...scopeParams(scope), limit },
		oversightEventRow
	);
}
