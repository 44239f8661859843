/** The people who hold the auditor role now (role_grant), with their names: whom a case may be assigned to. */
import { z } from 'zod';
import { queryRows } from '../db/query';

export interface Auditor {
	/** Country-prefixed personal code. */
	code: string;
	name: string;
}

const row = z.object({ code: z.string(), name: z.string() });

export async function auditors(): Promise<Auditor[]> {
	const rows = await queryRows(
		`SELECT g.personal_code AS code, concat(p.first_name, ' ', p.last_name) AS name
		 FROM (SELECT personal_code FROM role_grant FINAL WHERE role = 'auditor' AND NOT revoked) AS g
		 LEFT JOIN (
			-- The register holds codes without the country prefix; read only the auditors' rows.
			SELECT concat('EE', personal_code) AS code, first_name, last_name FROM person FINAL
			WHERE personal_code IN (SELECT substring(personal_code, 3) FROM role_grant FINAL WHERE role = 'auditor' AND NOT revoked)
		 ) AS p ON p.code = g.personal_code
		 ORDER BY name, code`,
		{},
		row
	);
	return rows.map((r) => ({ code: r.code, name: r.name.trim() === '' ? r.code : r.name }));
}

/** Names for personal codes among the auditors (others keep their code). */
export function auditorNames(list: readonly Auditor[]): (code: string) => string {
	const names = new Map(list.map((a) => [a.code, a.name]));
	return (code) => names.get(code) ?? code;
}
