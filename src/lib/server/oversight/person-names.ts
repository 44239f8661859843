/** People's names from the population register, for country-prefixed subject codes. */
import { z } from 'zod';
import { queryRows } from '../db/query';

const row = z.object({ personal_code: z.string(), name: z.string() });

/** Name by subject code (EE38001085718); codes not in the register (or foreign) are left out. */
export async function personNames(codes: readonly string[]): Promise<Map<string, string>> {
	const wanted = [...new Set(codes.filter((c) => c.startsWith('EE')).map((c) => c.slice(2)))];
	if (wanted.length === 0) return new Map();
	const rows = await queryRows(
		`SELECT personal_code, concat(first_name, ' ', last_name) AS name
		 FROM person FINAL WHERE personal_code IN {codes:Array(String)}`,
		{ codes: wanted },
		row
	);
	return new Map(rows.map((r) => [`EE${r.personal_code}`, r.name]));
}
