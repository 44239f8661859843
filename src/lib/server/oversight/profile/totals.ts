/**
 * An official's figures in a period: events, distinct people, manual events (not bulk
 * processing: an official's own look-ups) and those of them without a case reference.
 */
import { z } from 'zod';
import { int64 } from '../../db/columns';
import { queryOne } from '../../db/query';
import { OFFICIAL_EVENTS, scopeParams, type OfficialScope } from './scope';

export interface OfficialTotals {
	events: number;
	people: number;
	manual: number;
	noCase: number;
}

const row = z.object({ events: int64, people: int64, manual: int64, noCase: int64 });

export async function officialTotals(scope: OfficialScope): Promise<OfficialTotals> {
	if (scope.agencies.length === 0) return { events: 0, people: 0, manual: 0, noCase: 0 };
	const r = await queryOne(
		`SELECT count() AS events, uniqExact(subject_code) AS people, countIf(NOT bulk) AS manual, countIf(NOT bulk AND case_ref = '') AS noCase
		 FROM usage_event WHERE ${OFFICIAL_EVENTS}`,
		scopeParams(scope),
		row
	);
	return r ?? { events: 0, people: 0, manual: 0, noCase: 0 };
}
