/**
 * Demo sign-in: pick a seeded persona, a role, or type a seeded personal code. Only when
 * demo mode is on (PEEGEL_DEMO); the routes check `demoEnabled()` and answer 404 otherwise.
 * Resolving gives an EE-prefixed subject code; starting the session is sign-in.ts's job,
 * shared with the eID (OpenID Connect) sign-in.
 */
import type { Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import { personalCodeError, subjectCodeError } from '../../personal-code';
import { config } from '../config';
import { int64 } from '../db/columns';
import { queryOne, queryRows } from '../db/query';
import { ROLES, type Role } from './roles';
import { safeNextPath, startSession } from './sign-in';

export function demoEnabled(): boolean {
	return config().PEEGEL_DEMO;
}

export interface Persona {
	key: string;
	/** EE-prefixed subject code. */
	code: string;
	name: string;
	description: string;
	/** Always starts with 'citizen'; then the roles granted (not revoked). */
	roles: Role[];
}

const personaRow = z.object({
	key: z.string(),
	personal_code: z.string(),
	name: z.string(),
	description: z.string(),
	sort_order: int64
});
const grantRow = z.object({ personal_code: z.string(), role: z.enum(ROLES) });
const codeRow = z.object({ personal_code: z.string() });

/** The seeded personas, in their sort order, with the roles each holds. */
export async function listPersonas(): Promise<Persona[]> {
	const rows = await queryRows(
		'SELECT key, personal_code, name, description, sort_order FROM demo_persona FINAL ORDER BY sort_order, key',
		{},
		personaRow
	);
	if (rows.length === 0) return [];
	const codes = rows.map((r) => r.personal_code);
	const grants = await queryRows(
		`SELECT personal_code, role FROM role_grant FINAL
		 WHERE personal_code IN {codes:Array(String)} AND NOT revoked`,
		{ codes },
		grantRow
	);
	const rolesOf = new Map<string, Set<Role>>();
	for (const g of grants) {
		let set = rolesOf.get(g.personal_code);
		if (!set) rolesOf.set(g.personal_code, (set = new Set()));
		set.add(g.role);
	}
	return rows.map((r) => {
		const granted = rolesOf.get(r.personal_code) ?? new Set<Role>();
		return {
			key: r.key,
			code: r.personal_code,
			name: r.name,
			description: r.description,
			roles: ROLES.filter((role) => role === 'citizen' || granted.has(role))
		};
	});
}

const ROLE_KEYWORDS = new Set<string>(ROLES);

/** The first person (by personal code) holding a role, or null. */
async function holderOf(role: Exclude<Role, 'citizen'>): Promise<string | null> {
	const row = await queryOne(
		`SELECT personal_code FROM role_grant FINAL
		 WHERE role = {role:String} AND NOT revoked
		 ORDER BY personal_code LIMIT 1`,
		{ role },
		codeRow
	);
	return row?.personal_code ?? null;
}

/** A personal code (11 digits or EE-prefixed) of someone in the seeded population register. */
async function seededPerson(value: string): Promise<string | null> {
	const upper = value.toUpperCase();
	let bare: string;
	if (/^\d{11}$/.test(upper)) {
		if (personalCodeError(upper)) return null;
		bare = upper;
	} else if (/^EE\d{11}$/.test(upper)) {
		if (subjectCodeError(upper)) return null;
		bare = upper.slice(2);
	} else {
		return null;
	}
	const row = await queryOne('SELECT personal_code FROM person FINAL WHERE personal_code = {code:String} LIMIT 1', { code: bare }, codeRow);
	return row ? `EE${bare}` : null;
}

/**
 * Who a demo sign-in value means, as an EE-prefixed subject code, or null:
 * - a persona key ('mari', 'jaan', ...);
 * - a role keyword: 'citizen' (the first persona with no other role), or 'auditor',
 *   'analyst', 'agency', 'admin' (the first person holding that role);
 * - a seeded personal code, 11 digits or EE-prefixed.
 */
export async function resolvePersona(value: string): Promise<string | null> {
	const v = value.trim();
	if (v === '' || v.length > 64) return null;
	if (/^(EE)?\d{11}$/i.test(v)) return seededPerson(v);
	const key = v.toLowerCase();
	if (/^[a-z][a-z0-9_-]*$/.test(key)) {
		const personas = await listPersonas();
		const persona = personas.find((p) => p.key === key);
		if (persona) return persona.code;
		if (!ROLE_KEYWORDS.has(key)) return null;
		if (key === 'citizen') {
			return personas.find((p) => p.roles.length === 1)?.code ?? null;
		}
		return holderOf(key as Exclude<Role, 'citizen'>);
	}
	return null;
}

export type DemoSignInResult = { ok: true; location: string } | { ok: false; reason: 'missing' | 'unknown'; message: string; persona: string };

/**
 * The demo sign-in form, whichever route receives it (the page's form action for browsers,
 * the endpoint for scripts): fields `persona` and optional `next`.
 */
export async function demoSignIn(form: FormData, cookies: Cookies, url: URL): Promise<DemoSignInResult> {
	const raw = form.get('persona');
	const persona = typeof raw === 'string' ? raw.trim() : '';
	if (persona === '') return { ok: false, reason: 'missing', message: 'Choose a persona or type a personal code.', persona };
	const code = await resolvePersona(persona);
	if (!code) {
		const shown = persona.length > 64 ? `${persona.slice(0, 64)}…` : persona;
		return { ok: false, reason: 'unknown', message: `Unknown persona or personal code: ${shown}`, persona: shown };
	}
	await startSession(cookies, code, url);
	return { ok: true, location: safeNextPath(form.get('next') ?? url.searchParams.get('next'), '/me') };
}
