/**
 * The in-app inbox's memory: when each person last opened it. Messages created after that
 * are "new"; unseenNotificationCount is what a badge in the navigation shows.
 */
import { z } from 'zod';
import { chTime, int64, utcDateTime } from '../db/columns';
import { insertRows, queryOne } from '../db/query';

const visitRow = z.object({ visited_at: utcDateTime.nullable() });

/** When the inbox of a person was last opened (ISO), or null. */
export async function lastInboxVisit(subject: string): Promise<string | null> {
	const row = await queryOne(
		`SELECT if(count() = 0, NULL, max(visited_at)) AS visited_at FROM notification_inbox_visit WHERE subject_code = {subject:String}`,
		{ subject },
		visitRow
	);
	return row?.visited_at ?? null;
}

export async function recordInboxVisit(subject: string, at: Date): Promise<void> {
	await insertRows('notification_inbox_visit', [{ subject_code: subject, visited_at: chTime(at), version: at.getTime() }]);
	forgetUnseenCount(subject);
}

/**
 * Every /me page shows the count, and it changes only when the notifier records messages
 * or the person opens the inbox (both call forgetUnseenCount): so it is kept briefly in
 * memory. The time bound covers another server process recording messages.
 */
const UNSEEN_TTL_MS = 30_000;
const unseenCounts = new Map<string, { n: number; until: number }>();

export function forgetUnseenCount(subject: string): void {
	unseenCounts.delete(subject);
}

const countRow = z.object({ n: int64 });

/** How many of a person's messages arrived since they last opened the inbox. */
export async function unseenNotificationCount(subject: string): Promise<number> {
	const cached = unseenCounts.get(subject);
	if (cached && cached.until > Date.now()) return cached.n;
	const row = await queryOne(
		`SELECT uniqExact(id) AS n FROM notification
		 WHERE subject_code = {subject:String}
		   AND created_at > (SELECT if(count() = 0, toDateTime64(0, 3, 'UTC'), max(visited_at))
		                     FROM notification_inbox_visit WHERE subject_code = {subject:String})`,
		{ subject },
		countRow
	);
	const n = row?.n ?? 0;
	if (unseenCounts.size >= 100_000) unseenCounts.clear();
	unseenCounts.set(subject, { n, until: Date.now() + UNSEEN_TTL_MS });
	return n;
}
