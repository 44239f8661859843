/**
 * Who an official is: name (population register), agency, title and employment, for the
 * country-prefixed actor codes events carry. Auditors see officials' identities beside
 * every event; citizens never do.
 */
import { z } from 'zod';
import { queryRows } from '../db/query';

export interface OfficialIdentity {
	/** Country-prefixed, as usage_event.actor_code: EE38001085718. */
	code: string;
	name: string;
	/** Each employment, newest first (an official may have moved between agencies). */
	jobs: { agency_code: string; title: string; employed_from: string; employed_to: string | null }[];
}

const row = z.object({
	personal_code: z.string(),
	name: z.string(),
	agency_code: z.string(),
	title: z.string(),
	employed_from: z.string(),
	employed_to: z.string().nullable()
});

/** The identities of these officials (actor codes); codes not in the register get their code as name. */
export async function officialIdentities(codes: readonly string[]): Promise<Map<string, OfficialIdentity>> {
	const wanted = [...new Set(codes.filter((c) => c.startsWith('EE')).map((c) => c.slice(2)))];
	const out = new Map<string, OfficialIdentity>();
	for (const c of codes) if (c !== '' && !out.has(c)) out.set(c, { code: c, name: c, jobs: [] });
	if (wanted.length === 0) return out;
	const rows = await queryRows(
		`SELECT o.personal_code AS personal_code, concat(p.first_name, ' ', p.last_name) AS name, o.agency_code AS agency_code,
		        o.title AS title, toString(o.employed_from) AS employed_from,
		        if(o.employed_to IS NULL, NULL, toString(o.employed_to)) AS employed_to
		 FROM (SELECT * FROM official FINAL WHERE personal_code IN {codes:Array(String)}) AS o
		 LEFT JOIN (SELECT personal_code, first_name, last_name FROM person FINAL WHERE personal_code IN {codes:Array(String)}) AS p
		   ON p.personal_code = o.personal_code
		 ORDER BY o.personal_code, o.employed_from DESC`,
		{ codes: wanted },
		row
	);
	for (const r of rows) {
		const id = out.get(`EE${r.personal_code}`)!;
		if (r.name.trim() !== '') id.name = r.name;
		id.jobs.push({ agency_code: r.agency_code, title: r.title, employed_from: r.employed_from, employed_to: r.employed_to });
	}
	return out;
}
