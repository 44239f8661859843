/**
 * People's names from the population register for country-prefixed subject codes (as
 * usage_event carries them). Codes of people not in the register, and other countries'
 * codes, are left out: the caller shows the code alone.
 */
import { z } from 'zod';
import { queryRows } from '../db/query';

const row = z.object({ personal_code: z.string(), name: z.string() });

export async function personNames(codes: readonly string[]): Promise<Map<string, string>> {
	const bare = [...new Set(codes.filter((c) => /^EE\d{11}$/.test(c)).map((c) => c.slice(2)))];
	const out = new Map<string, string>();
	if (bare.length === 0) return out;
	const rows = await queryRows(
		`SELECT personal_code, concat(first_name, ' ', last_name) AS name
		 FROM person FINAL WHERE personal_code IN {codes:Array(String)}`,
		{ codes: bare },
		row
	);
	for (const r of rows) if (r.name.trim() !== '') out.set(`EE${r.personal_code}`, r.name.trim());
	return out;
}
