/**
 * An official's most recent events in a period, newest first, with the fields the profile's
 * table shows. These name people: the page that shows them records the look-up first
 * (recordOversightLookup).
 */
import type { z } from 'zod';
import { queryRows } from '../../db/query';
import { newestFirst } from '../../usage/citizen-view';
import { oversightEventRow } from '../events';
import { OFFICIAL_EVENTS, scopeParams, type OfficialScope } from './scope';

/** Columns of the by_official projection (migration 0019), so the read stays in it. */
const recentRow = oversightEventRow.pick({ event_id: true, logged_at: true, subject_code: true, agency_code: true, system: true, purpose_code: true, case_ref: true });
export type RecentEvent = z.output<typeof recentRow>;

export async function recentEventsOfOfficial(scope: OfficialScope, limit: number): Promise<RecentEvent[]> {
	if (scope.agencies.length === 0) return [];
	// In the projection's own order (time, person), so ClickHouse reads the newest granules
	// and stops; one millisecond's events are put in event order here.
	const rows = await queryRows(
		`SELECT ${Object.keys(recentRow.shape).join(', ')}
		 FROM usage_event WHERE ${OFFICIAL_EVENTS}
		 ORDER BY logged_at DESC, subject_code DESC LIMIT {limit:UInt32}`,
		{ ...scopeParams(scope), limit },
		recentRow
	);
	return rows.sort(newestFirst);
}
