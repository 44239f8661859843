/**
 * What an official used people's data for, and where: their purposes and their information
 * systems in a period, most events first, up to a limit, with how many there are in all.
 */
import { z } from 'zod';
import { int64 } from '../../db/columns';
import { queryRows } from '../../db/query';
import { OFFICIAL_EVENTS, scopeParams, type OfficialScope } from './scope';

export interface Ranked<T> {
	items: T[];
	/** How many there are in all, beyond the limit too. */
	total: number;
}

const purposeRow = z.object({ purpose: z.string(), events: int64, purposes: int64 });

export async function officialPurposes(scope: OfficialScope, limit: number): Promise<Ranked<{ purpose: string; events: number }>> {
	if (scope.agencies.length === 0) return { items: [], total: 0 };
	const rows = await queryRows(
		`SELECT purpose_code AS purpose, count() AS events, count() OVER () AS purposes
		 FROM usage_event WHERE ${OFFICIAL_EVENTS}
		 GROUP BY purpose ORDER BY events DESC, purpose LIMIT {limit:UInt32}`,
		{ ...scopeParams(scope), limit },
		purposeRow
	);
	return { items: rows.map(({ purpose, events }) => ({ purpose, events })), total: rows[0]?.purposes ?? 0 };
}

const systemRow = z.object({ agency: z.string(), sys: z.string(), events: int64, systems: int64 });

export async function officialSystems(scope: OfficialScope, limit: number): Promise<Ranked<{ agency: string; system: string; events: number }>> {
	if (scope.agencies.length === 0) return { items: [], total: 0 };
	const rows = await queryRows(
		`SELECT agency_code AS agency, system AS sys, count() AS events, count() OVER () AS systems
		 FROM usage_event WHERE ${OFFICIAL_EVENTS}
		 GROUP BY agency, sys ORDER BY events DESC, agency, sys LIMIT {limit:UInt32}`,
		{ ...scopeParams(scope), limit },
		systemRow
	);
	return { items: rows.map(({ agency, sys, events }) => ({ agency, system: sys, events })), total: rows[0]?.systems ?? 0 };
}
