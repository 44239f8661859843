/** Notification preferences in notification_preference: one versioned row per person. */
import { z } from 'zod';
import { LOCALES } from '../../i18n/locales';
import { chTime, int64 } from '../db/columns';
import { insertRows, queryOne, queryRows } from '../db/query';
import { MODES, type Preference } from './preference';

const preferenceRow = z.object({
	subject_code: z.string(),
	mode: z.enum(MODES),
	agencies: z.array(z.string()),
	email: z.string(),
	lang: z.enum(LOCALES),
	version: int64
});

const COLUMNS = 'subject_code, mode, agencies, email, lang, version';

function toPreference(r: z.output<typeof preferenceRow>): Preference {
	return { mode: r.mode, agencies: r.agencies, email: r.email, lang: r.lang };
}

/** A person's preference, or null when they never saved one. */
export async function preferenceOf(subject: string): Promise<(Preference & { version: number }) | null> {
	const row = await queryOne(
		`SELECT ${COLUMNS} FROM notification_preference FINAL WHERE subject_code = {subject:String}`,
		{ subject },
		preferenceRow
	);
	return row ? { ...toPreference(row), version: row.version } : null;
}

/** The preferences of several people (those without one are absent). */
export async function preferencesOf(subjects: readonly string[]): Promise<Map<string, Preference>> {
	if (subjects.length === 0) return new Map();
	const rows = await queryRows(
		`SELECT ${COLUMNS} FROM notification_preference FINAL WHERE subject_code IN {subjects:Array(String)}`,
		{ subjects },
		preferenceRow
	);
	return new Map(rows.map((r) => [r.subject_code, toPreference(r)]));
}

/** Store a new version of a person's preference (`by`: who saved it). */
export async function savePreference(subject: string, pref: Preference, by: string): Promise<void> {
	const previous = await preferenceOf(subject);
	const now = Date.now();
	await insertRows('notification_preference', [
		{
			subject_code: subject,
			mode: pref.mode,
			agencies: pref.agencies,
			email: pref.email,
			lang: pref.lang,
			updated_at: chTime(now),
			updated_by: by,
			version: Math.max(now, (previous?.version ?? 0) + 1)
		}
	]);
}
