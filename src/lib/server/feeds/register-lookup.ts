/** The population register's answer for the people a feed batch names: one query per batch. */
import { z } from 'zod';
import { COUNTY_NAMES, type CountyName } from '../../stats/dimensions';
import { queryRows } from '../db/query';

export interface RegisterEntry {
	birthYear: number;
	county: CountyName;
}

const entry = z.object({ code: z.string(), birth_year: z.coerce.number().int(), county: z.string() });
const COUNTIES: ReadonlySet<string> = new Set(COUNTY_NAMES);

/** Birth year and county of each code (11 digits) found in the register; codes not in it are absent. */
export async function lookUpRegister(codes: Iterable<string>): Promise<Map<string, RegisterEntry>> {
	const distinct = [...new Set(codes)];
	const out = new Map<string, RegisterEntry>();
	if (distinct.length === 0) return out;
	const rows = await queryRows(
		'SELECT personal_code AS code, toYear(birth_date) AS birth_year, county FROM person FINAL WHERE personal_code IN {codes:Array(String)}',
		{ codes: distinct },
		entry
	);
	for (const r of rows) {
		// A county the statistics do not know (a register change) is counted as unknown, not dropped.
		out.set(r.code, { birthYear: r.birth_year, county: COUNTIES.has(r.county) ? (r.county as CountyName) : 'unknown' });
	}
	return out;
}
