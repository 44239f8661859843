/**
 * The figures of every official of an agency in a period (the official whose profile it is
 * among them): events, distinct people, manual events and those without a case reference.
 * Automated processing (no actor) is not an official and is left out.
 */
import { z } from 'zod';
import type { OfficialStats } from '../../../oversight/peer-stats';
import { int64 } from '../../db/columns';
import { queryRows } from '../../db/query';
import { IN_PERIOD, periodParams, type Period } from './scope';

const row = z.object({ actor: z.string(), events: int64, people: int64, manual: int64, noCase: int64 });

export async function agencyOfficialStats(agency: string, period: Period): Promise<OfficialStats[]> {
	return queryRows(
		`SELECT actor_code AS actor, count() AS events, uniqExact(subject_code) AS people,
		        countIf(NOT bulk) AS manual, countIf(NOT bulk AND case_ref = '') AS noCase
		 FROM usage_event WHERE agency_code = {agency:String} AND actor_code != '' AND ${IN_PERIOD}
		 GROUP BY actor ORDER BY actor`,
		{ agency, ...periodParams(period) },
		row
	);
}
