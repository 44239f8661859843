/**
 * People's names from the population register for country-prefixed subject codes, for the
 * auditors' pages. Codes not in the register (foreign, or unknown) have no name.
 */
import { z } from 'zod';
import { queryRows } from '../db/query';

const row = z.object({ personal_code: z.string(), first_name: z.string(), last_name: z.string() });

export async function personNames(codes: readonly string[]): Promise<Map<string, string>> {
	const bare = [...new Set(codes.filter((c) => c.startsWith('EE')).map((c) => c.slice(2)))];
	const out = new Map<string, string>();
	if (bare.length === 0) return out;
	const rows = await queryRows(
		'SELECT personal_code, first_name, last_name FROM person FINAL WHERE personal_code IN {codes:Array(String)}',
		{ codes: bare },
		row
	);
	for (const r of rows) out.set(`EE${r.personal_code}`, `${r.first_name} ${r.last_name}`.trim());
	return out;
}
