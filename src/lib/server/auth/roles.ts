/** Who a signed-in person is and what they may do: role grants from ClickHouse. */
import { z } from 'zod';
import { queryOne, queryRows } from '../db/query';

export const ROLES = ['citizen', 'auditor', 'analyst', 'agency', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
	/** Subject code, country-prefixed: EE38001085718. */
	code: string;
	name: string;
	/** Every signed-in person is a citizen; other roles come from grants. */
	roles: Role[];
	/** For the agency role: the agency the person administers. */
	agencyCodes: string[];
}

const grantRow = z.object({ role: z.enum(ROLES), agency_code: z.string() });
const nameRow = z.object({ first_name: z.string(), last_name: z.string() });

/** The person's name from the population register (Estonian codes), or the code itself. */
async function displayName(code: string): Promise<string> {
	if (!code.startsWith('EE')) return code;
	const row = await queryOne(
		'SELECT first_name, last_name FROM person FINAL WHERE personal_code = {code:String}',
		{ code: code.slice(2) },
		nameRow
	);
	return row ? `${row.first_name} ${row.last_name}` : code;
}

export async function loadUser(code: string): Promise<SessionUser> {
	const [name, grants] = await Promise.all([
		displayName(code),
		queryRows(
			`SELECT role, agency_code FROM role_grant FINAL
			 WHERE personal_code = {code:String} AND NOT revoked ORDER BY role, agency_code`,
			{ code },
			grantRow
		)
	]);
	const roles = new Set<Role>(['citizen']);
	for (const g of grants) roles.add(g.role);
	return {
		code,
		name,
		roles: ROLES.filter((r) => roles.has(r)),
		agencyCodes: grants.filter((g) => g.role === 'agency').map((g) => g.agency_code)
	};
}
