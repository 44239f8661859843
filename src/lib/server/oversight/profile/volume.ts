/**
 * An official's events over time: per calendar week (named by its Monday) or month, in
 * Estonian time, every non-empty slot.
 */
import { z } from 'zod';
import { int64 } from '../../db/columns';
import { queryRows } from '../../db/query';
import { OFFICIAL_EVENTS, scopeParams, type OfficialScope } from './scope';

export const VOLUME_UNITS = ['week', 'month'] as const;
export type VolumeUnit = (typeof VOLUME_UNITS)[number];

// Allow-listed SQL per unit: a week is its Monday (YYYY-MM-DD), a month YYYY-MM.
const SLOT: Record<VolumeUnit, string> = {
	week: "formatDateTime(toMonday(logged_at, 'Europe/Tallinn'), '%Y-%m-%d')",
	month: "formatDateTime(toStartOfMonth(logged_at, 'Europe/Tallinn'), '%Y-%m')"
};

const row = z.object({ slot: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/), events: int64 });

export async function officialVolume(scope: OfficialScope, unit: VolumeUnit): Promise<{ slot: string; events: number }[]> {
	if (scope.agencies.length === 0) return [];
	return queryRows(
		`SELECT ${SLOT[unit]} AS slot, count() AS events
		 FROM usage_event WHERE ${OFFICIAL_EVENTS}
		 GROUP BY slot ORDER BY slot`,
		scopeParams(scope),
		row
	);
}
