/**
 * Where an official worked in a period, by their events: each agency with the number of
 * the official's events there, most first (ties by code). The first is the agency whose
 * officials are the official's peers. Also whether an official has any events at all
 * (the profile of a code with no identity and no events does not exist). The official's
 * agencies are what the other questions then filter on, so this one alone filters on the
 * official and the period only.
 */
import { z } from 'zod';
import { int64 } from '../../db/columns';
import { queryRows } from '../../db/query';
import { IN_PERIOD, periodParams, type Period } from './scope';

const row = z.object({ agency: z.string(), events: int64 });

export async function officialAgencies(actor: string, period: Period): Promise<{ agency: string; events: number }[]> {
	return queryRows(
		`SELECT agency_code AS agency, count() AS events
		 FROM usage_event WHERE actor_code = {actor:String} AND ${IN_PERIOD}
		 GROUP BY agency ORDER BY events DESC, agency`,
		{ actor, ...periodParams(period) },
		row
	);
}

const anyRow = z.object({ found: z.coerce.number() });

/** Whether the official has any event, ever. */
export async function officialHasEvents(actor: string): Promise<boolean> {
	const rows = await queryRows('SELECT 1 AS found FROM usage_event WHERE actor_code = {actor:String} LIMIT 1', { actor }, anyRow);
	return rows.length > 0;
}
