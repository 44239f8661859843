/**
 * The notifier's place in the log, persisted in notifier_cursor. usage_event.ledger_index
 * is gap-free and assigned in commit order, so "every event below next" is exactly what
 * has been looked at.
 */
import { z } from 'zod';
import { chTime, int64, utcDateTime } from '../db/columns';
import { insertRows, queryOne } from '../db/query';
import type { WeekKey } from './iso-week';

export interface Cursor {
	/** Events with ledger_index below this have been looked at. */
	next: number;
	/** Sealed events disclosed up to this time have been looked at. */
	disclosedUntil: string;
	/** The last ISO week whose digests were made. */
	digestWeek: WeekKey;
	/** Alerts detected up to this time have been looked at (the preference "only unusual uses"). */
	alertsUntil: string;
	version: number;
}

const NAME = 'notifier';

const cursorRow = z.object({ next_index: int64, disclosed_until: utcDateTime, digest_week: z.string(), alerts_until: utcDateTime, version: int64 });

export async function readCursor(): Promise<Cursor | null> {
	const row = await queryOne(
		'SELECT next_index, disclosed_until, digest_week, alerts_until, version FROM notifier_cursor FINAL WHERE name = {name:String}',
		{ name: NAME },
		cursorRow
	);
	return row
		? { next: row.next_index, disclosedUntil: row.disclosed_until, digestWeek: row.digest_week, alertsUntil: row.alerts_until, version: row.version }
		: null;
}

export async function writeCursor(c: Cursor): Promise<void> {
	await insertRows('notifier_cursor', [
		{
			name: NAME,
			next_index: c.next,
			disclosed_until: chTime(c.disclosedUntil),
			digest_week: c.digestWeek,
			alerts_until: chTime(c.alertsUntil),
			version: c.version
		}
	]);
}
