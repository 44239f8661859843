/**
 * Writes generated reference data (agencies, systems, purposes, officials, people, role
 * grants, demo personas, the protected list) into ClickHouse. Usage events do not go through here: they take
 * the one commit path, usage/writer.ts.
 */
import { z } from 'zod';
import { int64 } from '../db/columns';
import { insertRows, queryOne } from '../db/query';
import { protectedRows } from './protected';
import { PERSONA_KEYS, type Reference } from './reference';

/** People go in chunks: one JSON insert of a million rows would hold it all in memory twice. */
export const PEOPLE_CHUNK = 50_000;

export async function insertReference(ref: Reference, onPeople?: (done: number, total: number) => void): Promise<void> {
	await insertRows('agency', ref.agencies);
	await insertRows('information_system', ref.systems);
	// The purpose table has no agency column: the generator's extra fields stay behind.
	await insertRows(
		'purpose',
		ref.purposes.map(({ code, text_en, text_et, text_ru, legal_basis, version, case_required, round_the_clock }) => ({
			code,
			text_en,
			text_et,
			text_ru,
			legal_basis,
			version,
			case_required,
			round_the_clock
		}))
	);
	for (let i = 0; i < ref.officials.length; i += PEOPLE_CHUNK) await insertRows('official', ref.officials.slice(i, i + PEOPLE_CHUNK));
	for (let i = 0; i < ref.people.length; i += PEOPLE_CHUNK) {
		await insertRows('person', ref.people.slice(i, i + PEOPLE_CHUNK));
		onPeople?.(Math.min(i + PEOPLE_CHUNK, ref.people.length), ref.people.length);
	}
	await insertRows('role_grant', ref.roleGrants);
	// The oversight body's protected list, kept by the auditor persona (see protected.ts).
	await insertRows('protected_person', protectedRows(ref));
	// The demo sign-in page lists these (demo mode only; harmless otherwise).
	await insertRows(
		'demo_persona',
		ref.personas.map((p) => ({
			key: p.key,
			personal_code: `EE${p.personal_code}`,
			name: p.name,
			description: p.description,
			sort_order: PERSONA_KEYS.indexOf(p.key)
		}))
	);
}

const countRow = z.object({ n: int64 });

/** True when no agency has been stored yet: the database has never been seeded. */
export async function referenceIsEmpty(): Promise<boolean> {
	const row = await queryOne('SELECT count() AS n FROM agency', {}, countRow);
	return (row?.n ?? 0) === 0;
}
