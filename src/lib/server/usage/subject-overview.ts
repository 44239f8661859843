/**
 * The citizen's overview: how many uses of their data, per month and agency, per agency and
 * per information system, in a period. The same visibility rule as the timeline
 * (citizen-view.ts): sealed events are absent until disclosed; restricted events count as
 * uses but under no agency and no system ('' here: the page says "details withheld").
 * Months are calendar months in Estonian time.
 */
import { z } from 'zod';
import { int64 } from '../db/columns';
import { queryRows } from '../db/query';
import { VISIBLE_TO_SUBJECT } from './citizen-view';

export interface OverviewQuery {
	subject: string;
	/** Inclusive lower bound (ISO 8601), or null for none. */
	from: string | null;
	/** Exclusive upper bound (ISO 8601), or null for none. */
	to: string | null;
}

function params(q: OverviewQuery) {
	return { subject: q.subject, from: q.from ?? '1970-01-01T00:00:00Z', to: q.to ?? '2299-12-31T00:00:00Z' };
}

const FILTER = `subject_code = {subject:String}
	AND logged_at >= parseDateTime64BestEffort({from:String}, 3, 'UTC')
	AND logged_at < parseDateTime64BestEffort({to:String}, 3, 'UTC')
	AND ${VISIBLE_TO_SUBJECT}`;

/** A restricted event's agency and system are never read out. */
const AGENCY = "if(visibility = 'restricted', '', agency_code)";
const SYSTEM = "if(visibility = 'restricted', '', system)";

const monthRow = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), agency: z.string(), uses: int64 });

/** Uses per month (YYYY-MM, Estonian time) and agency ('' = withheld), every non-empty cell. */
export async function usesByMonthAndAgency(q: OverviewQuery): Promise<{ month: string; agency: string; uses: number }[]> {
	return queryRows(
		`SELECT formatDateTime(toStartOfMonth(logged_at, 'Europe/Tallinn'), '%Y-%m') AS month, ${AGENCY} AS agency, count() AS uses
		 FROM usage_event WHERE ${FILTER}
		 GROUP BY month, agency ORDER BY month, agency`,
		params(q),
		monthRow
	);
}

const agencyRow = z.object({ agency: z.string(), uses: int64, agencies: int64 });

export interface Ranked<T> {
	items: T[];
	/** How many named groups there are in all (withheld not counted), beyond the limit too. */
	named: number;
}

/** The agencies with the most uses ('' = withheld), most first, up to `limit`. */
export async function usesByAgency(q: OverviewQuery, limit: number): Promise<Ranked<{ agency: string; uses: number }>> {
	const rows = await queryRows(
		`SELECT ${AGENCY} AS agency, count() AS uses, countIf(agency != '') OVER () AS agencies
		 FROM usage_event WHERE ${FILTER}
		 GROUP BY agency ORDER BY uses DESC, agency LIMIT {limit:UInt32}`,
		{ ...params(q), limit },
		agencyRow
	);
	return { items: rows.map(({ agency, uses }) => ({ agency, uses })), named: rows[0]?.agencies ?? 0 };
}

const systemRow = z.object({ agency: z.string(), sys: z.string(), uses: int64, systems: int64 });

/** The information systems with the most uses ('' and '' = withheld), most first, up to `limit`. */
export async function usesBySystem(q: OverviewQuery, limit: number): Promise<Ranked<{ agency: string; system: string; uses: number }>> {
	const rows = await queryRows(
		`SELECT ${AGENCY} AS agency, ${SYSTEM} AS sys, count() AS uses, countIf(agency != '') OVER () AS systems
		 FROM usage_event WHERE ${FILTER}
		 GROUP BY agency, sys ORDER BY uses DESC, agency, sys LIMIT {limit:UInt32}`,
		{ ...params(q), limit },
		systemRow
	);
	return { items: rows.map(({ agency, sys, uses }) => ({ agency, system: sys, uses })), named: rows[0]?.systems ?? 0 };
}
