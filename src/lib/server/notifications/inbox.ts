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
}

const countRow = z.object({ n: int64 });

/** How many of a person's messages arrived since they last opened the inbox. */
export async function unseenNotificationCount(subject: string): Promise<number> {
	const row = await queryOne(
		`SELECT uniqExact(id) AS n FROM notification
		 WHERE subject_code = {subject:String}
		   AND created_at > (SELECT if(count() = 0, toDateTime64(0, 3, 'UTC'), max(visited_at))
		                     FROM notification_inbox_visit WHERE subject_code = {subject:String})`,
		{ subject },
		countRow
	);
	return row?.n ?? 0;
}
