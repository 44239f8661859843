/**
 * Who an official is: name (population register), agency, title and employment, for the
 * country-prefixed actor codes events carry. Auditors see officials' identities beside
 * every event; citizens never do.
 */
import { z } from 'zod';
import { queryRows } from '../db/query';
import { personNames } from './person-names';

export interface OfficialIdentity {
	/** Country-prefixed, as usage_event.actor_code: EE38001085718. */
	code: string;
	name: string;
	/** Each employment, newest first (an official may have moved between agencies). */
	jobs: { agency_code: string; title: string; employed_from: string; employed_to: string | null }[];
}

const jobRow = z.object({
	personal_code: z.string(),
	agency_code: z.string(),
	title: z.string(),
	employed_from: z.string(),
	employed_to: z.string().nullable()
});

type Job = OfficialIdentity['jobs'][number];

/** Each official's employments, newest first, by country-prefixed code (the population register's names apart). */
export async function officialJobs(codes: readonly string[]): Promise<Map<string, Job[]>> {
	const wanted = [...new Set(codes.filter((c) => c.startsWith('EE')).map((c) => c.slice(2)))];
	const out = new Map<string, Job[]>();
	if (wanted.length === 0) return out;
	const rows = await queryRows(
		`SELECT personal_code, agency_code, title, toString(employed_from) AS employed_from,
		        if(employed_to IS NULL, NULL, toString(employed_to)) AS employed_to
		 FROM official FINAL WHERE personal_code IN {codes:Array(String)}
		 ORDER BY personal_code, employed_from DESC`,
		{ codes: wanted },
		jobRow
	);
	for (const { personal_code, ...job } of rows) {
		const code = `EE${personal_code}`;
		out.set(code, [...(out.get(code) ?? []), job]);
	}
	return out;
}

/** Identities from names (personNames) and jobs (officialJobs) read already; unknown codes get their code as name. */
export function identitiesOf(codes: readonly string[], names: ReadonlyMap<string, string>, jobs: ReadonlyMap<string, Job[]>): Map<string, OfficialIdentity> {
	const out = new Map<string, OfficialIdentity>();
	for (const c of codes) {
		if (c === '' || out.has(c)) continue;
		const name = names.get(c)?.trim();
		out.set(c, { code: c, name: name || c, jobs: jobs.get(c) ?? [] });
	}
	return out;
}

/** The identities of these officials (actor codes); codes not in the register get their code as name. */
export async function officialIdentities(codes: readonly string[]): Promise<Map<string, OfficialIdentity>> {
	// Two small look-ups by key, one after the other (a join of the two costs more than both).
	const jobs = await officialJobs(codes);
	return identitiesOf(codes, await personNames(codes), jobs);
}
