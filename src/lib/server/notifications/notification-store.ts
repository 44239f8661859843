/**
 * Messages in the notification table: recorded (with the keys of what they announce) before
 * any e-mail is sent, then moved through their mail states by new versions of the row.
 */
import { z } from 'zod';
import { LOCALES, type Locale } from '../../i18n/locales';
import { chTime, int64, utcDateTime } from '../db/columns';
import { insertRows, queryRows } from '../db/query';
import { forgetUnseenCount } from './inbox';
import { MODES, type Mode } from './preference';
import { parsePayload, type Payload } from './payload';

export const MAIL_STATES = ['none', 'pending', 'sent', 'failed'] as const;
export type MailState = (typeof MAIL_STATES)[number];

export interface StoredNotification {
	subject: string;
	id: string;
	createdAt: string;
	kind: 'events' | 'digest';
	preference: Mode;
	keys: string[];
	payload: Payload;
	email: string;
	lang: Locale;
	mailState: MailState;
	mailAttempts: number;
	version: number;
}

export type NewNotification = Omit<StoredNotification, 'createdAt' | 'mailState' | 'mailAttempts' | 'version'>;

const notificationRow = z.object({
	subject_code: z.string(),
	id: z.string(),
	created_at: utcDateTime,
	kind: z.enum(['events', 'digest']),
	preference: z.enum(MODES),
	announcement_keys: z.array(z.string()),
	payload: z.string(),
	email: z.string(),
	lang: z.enum(LOCALES),
	mail_state: z.enum(MAIL_STATES),
	mail_attempts: z.number().int(),
	version: int64
});

const COLUMNS = 'subject_code, id, created_at, kind, preference, announcement_keys, payload, email, lang, mail_state, mail_attempts, version';

function fromRow(r: z.output<typeof notificationRow>): StoredNotification {
	return {
		subject: r.subject_code,
		id: r.id,
		createdAt: r.created_at,
		kind: r.kind,
		preference: r.preference,
		keys: r.announcement_keys,
		payload: parsePayload(r.payload),
		email: r.email,
		lang: r.lang,
		mailState: r.mail_state,
		mailAttempts: r.mail_attempts,
		version: r.version
	};
}

function toRow(n: StoredNotification): Record<string, unknown> {
	return {
		subject_code: n.subject,
		id: n.id,
		created_at: chTime(n.createdAt),
		kind: n.kind,
		preference: n.preference,
		announcement_keys: n.keys,
		payload: JSON.stringify(n.payload),
		email: n.email,
		lang: n.lang,
		mail_state: n.mailState,
		mail_attempts: n.mailAttempts,
		version: n.version
	};
}

/** Of these announcement keys of these people, the ones some message already holds. */
export async function recordedKeys(subjects: readonly string[], keys: readonly string[]): Promise<Set<string>> {
	if (keys.length === 0) return new Set();
	const rows = await queryRows(
		`SELECT DISTINCT k FROM notification ARRAY JOIN announcement_keys AS k
		 WHERE subject_code IN {subjects:Array(String)} AND k IN {keys:Array(String)}`,
		{ subjects: [...new Set(subjects)], keys },
		z.object({ k: z.string() })
	);
	return new Set(rows.map((r) => r.k));
}

/** Record new messages in one insert; those with an address wait for their e-mail. */
export async function recordNotifications(list: readonly NewNotification[], createdAt: Date): Promise<StoredNotification[]> {
	const stored = list.map(
		(n): StoredNotification => ({
			...n,
			createdAt: createdAt.toISOString(),
			mailState: n.email ? 'pending' : 'none',
			mailAttempts: 0,
			version: 1
		})
	);
	await insertRows('notification', stored.map(toRow));
	for (const n of stored) forgetUnseenCount(n.subject);
	return stored;
}

/** Messages whose e-mail is still to be sent, oldest first. */
export async function pendingMail(limit: number): Promise<StoredNotification[]> {
	const rows = await queryRows(
		`SELECT ${COLUMNS} FROM notification FINAL WHERE mail_state = 'pending' ORDER BY created_at, id LIMIT {limit:UInt32}`,
		{ limit },
		notificationRow
	);
	return rows.map(fromRow);
}

/** A new version of a message with another mail state. */
export async function setMailState(n: StoredNotification, state: MailState, attempts: number): Promise<void> {
	await insertRows('notification', [toRow({ ...n, mailState: state, mailAttempts: attempts, version: n.version + 1 })]);
}

/** A person's messages, newest first. */
export async function notificationsOf(subject: string, limit: number): Promise<StoredNotification[]> {
	const rows = await queryRows(
		`SELECT ${COLUMNS} FROM notification FINAL WHERE subject_code = {subject:String}
		 ORDER BY created_at DESC, id DESC LIMIT {limit:UInt32}`,
		{ subject, limit },
		notificationRow
	);
	return rows.map(fromRow);
}
