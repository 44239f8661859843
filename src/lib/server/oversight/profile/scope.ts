/**
 * What every question of an official's profile is about: one official (actor code), the
 * agencies they worked for, and a period [from, to). The condition names agency, official
 * and time, so a sort order for the oversight questions (migration 0013's projection or
 * table, by agency and/or official and time) lets ClickHouse read only the official's rows
 * (measured with such a projection at 1 M events: 3 of 490 granules); usage_event's own
 * order (by subject) answers it too, with a scan.
 */
export interface OfficialScope {
	/** Country-prefixed actor code: EE38001085718. */
	actor: string;
	/** Every agency the official has events at in the period (from officialAgencies). */
	agencies: readonly string[];
	/** Inclusive lower bound (ISO 8601), or null for none. */
	from: string | null;
	/** Exclusive upper bound (ISO 8601), or null for none. */
	to: string | null;
}

export interface Period {
	from: string | null;
	to: string | null;
}

/** The period's bounds as parameters (open ends far away, so one SQL text serves all). */
export function periodParams(p: Period): { from: string; to: string } {
	return { from: p.from ?? '1970-01-01T00:00:00Z', to: p.to ?? '2299-12-31T00:00:00Z' };
}

export const IN_PERIOD = `logged_at >= parseDateTime64BestEffort({from:String}, 3, 'UTC')
	AND logged_at < parseDateTime64BestEffort({to:String}, 3, 'UTC')`;

/** The official's events in the period (parameters: scopeParams). */
export const OFFICIAL_EVENTS = `agency_code IN {agencies:Array(String)} AND actor_code = {actor:String} AND ${IN_PERIOD}`;

export function scopeParams(s: OfficialScope): Record<string, unknown> {
	return { agencies: [...s.agencies], actor: s.actor, ...periodParams(s) };
}
