/**
 * When an official works: their events by weekday (1 = Monday) and hour of day, in
 * Estonian time (so an event at 09:30 local is in the 9 o'clock cell in winter and summer
 * alike), every non-empty cell.
 */
import { z } from 'zod';
import type { HourWeekdayCount } from '../../../charts/hour-weekday';
import { int64 } from '../../db/columns';
import { queryRows } from '../../db/query';
import { OFFICIAL_EVENTS, scopeParams, type OfficialScope } from './scope';

const row = z.object({ weekday: z.coerce.number().int(), hour: z.coerce.number().int(), events: int64 });

export async function officialHourWeekday(scope: OfficialScope): Promise<HourWeekdayCount[]> {
	if (scope.agencies.length === 0) return [];
	return queryRows(
		`SELECT toDayOfWeek(logged_at, 0, 'Europe/Tallinn') AS weekday, toHour(logged_at, 'Europe/Tallinn') AS hour, count() AS events
		 FROM usage_event WHERE ${OFFICIAL_EVENTS}
		 GROUP BY weekday, hour ORDER BY weekday, hour`,
		scopeParams(scope),
		row
	);
}
