/**
 * The notifier: a background job of the server. Each run reads the events committed since
 * its cursor (usage_event.ledger_index is gap-free and in commit order), and the sealed
 * events disclosed since its last run, of the people who asked to be told; records one
 * message per person with the keys of what it announces (skipping keys already recorded);
 * makes the weekly digests of weeks that are over; then moves the cursor; and last sends
 * the e-mail of every message still waiting for it. A crash anywhere repeats work on the
 * next run and never announces anything twice: messages are recorded before the cursor
 * moves and before any e-mail is sent, and a re-sent e-mail overwrites its own file.
 */
import { translator } from '../../i18n/translator';
import { readCursor, writeCursor, type Cursor } from './cursor';
import { dueWeeks, lastCompletedWeek, weekBounds } from './iso-week';
import { digestKey, eventKey } from './keys';
import { sendMail, siteUrl } from './mailer';
import { namesIn } from './names';
import { digestMessage, eventsMessage } from './announce';
import { pendingMail, recordNotifications, recordedKeys, setMailState, type NewNotification, type StoredNotification } from './notification-store';
import { preferencesOf } from './preferences-store';
import { renderEmail } from './render';
import { ALERT_OVERLAP_MS } from './unusual';
import { isRuleId } from '../../oversight/rules';
import { alertedUses, digestCounts, disclosedUses, newUses, storedEventCount, type NewUse } from './uses';

/** Events looked at in one run, at most: a long backlog is worked off over several runs. */
const MAX_EVENTS_PER_RUN = 100_000;
/** Without other changes, the cursor's disclosure time is persisted this often. */
const DISCLOSURE_PERSIST_MS = 60_000;
/** E-mail attempts before a message is given up on (it stays in the inbox). */
const MAX_MAIL_ATTEMPTS = 10;
const MAIL_BATCH = 200;

let cursor: Cursor | null = null;
let persistedDisclosure = 0;
/** Whether messages may be waiting for their e-mail (at start, after new ones or a failure). */
let mailMayBePending = true;
/** Per message, when its e-mail may be tried again after a failure. */
const retryAt = new Map<string, number>();

export interface RunSummary {
	messages: number;
	mailed: number;
}

/** The cursor, made at the first start: the log as it stands is history, not news. */
export async function initNotifier(now = new Date()): Promise<void> {
	cursor = await readCursor();
	if (cursor) return;
	cursor = {
		next: await storedEventCount(),
		disclosedUntil: now.toISOString(),
		digestWeek: lastCompletedWeek(now),
		alertsUntil: now.toISOString(),
		version: 1
	};
	await writeCursor(cursor);
	persistedDisclosure = now.getTime();
}

function groupBySubject(uses: readonly NewUse[]): Map<string, NewUse[]> {
	const out = new Map<string, NewUse[]>();
	for (const u of uses) {
		const list = out.get(u.subject) ?? [];
		list.push(u);
		out.set(u.subject, list);
	}
	return out;
}

async function eventMessages(c: Cursor, to: number, now: Date): Promise<NewNotification[]> {
	const [fresh, disclosed] = await Promise.all([
		to > c.next ? newUses(c.next, to, now) : Promise.resolve([]),
		disclosedUses(c.next, new Date(c.disclosedUntil), now)
	]);
	const bySubject = groupBySubject([...fresh, ...disclosed]);
	if (bySubject.size === 0) return [];
	const subjects = [...bySubject.keys()];
	const prefs = await preferencesOf(subjects);
	const keys: string[] = [];
	for (const [s, uses] of bySubject) {
		const pref = prefs.get(s);
		if (pref) for (const u of uses) keys.push(eventKey(s, u.use.event_id, pref.mode));
	}
	const recorded = await recordedKeys(subjects, keys);
	const out: NewNotification[] = [];
	for (const [s, uses] of bySubject) {
		const pref = prefs.get(s);
		const message = pref ? eventsMessage(s, pref, uses, null, recorded) : null;
		if (message) out.push(message);
	}
	return out;
}

/** Messages for "only unusual uses": the uses alerts detected in (after, until] name as evidence. */
async function alertMessages(after: Date, until: Date, now: Date): Promise<NewNotification[]> {
	const uses = await alertedUses(after, until, now);
	if (uses.length === 0) return [];
	const bySubject = groupBySubject(uses);
	const subjects = [...bySubject.keys()];
	const prefs = await preferencesOf(subjects);
	const recorded = await recordedKeys(subjects, uses.map((u) => eventKey(u.subject, u.use.event_id, 'unusual')));
	const rules = new Map(uses.map((u) => [u.use.event_id, u.rules.filter(isRuleId)]));
	const out: NewNotification[] = [];
	for (const [s, list] of bySubject) {
		const pref = prefs.get(s);
		if (pref?.mode !== 'unusual') continue;
		const message = eventsMessage(s, pref, list, (u) => rules.get(u.use.event_id) ?? [], recorded);
		if (message) out.push(message);
	}
	return out;
}

async function digestMessages(weeks: readonly string[], now: Date): Promise<NewNotification[]> {
	const out: NewNotification[] = [];
	for (const week of weeks) {
		const bounds = weekBounds(week);
		const counts = await digestCounts(bounds.start, bounds.end, now);
		if (counts.size === 0) continue;
		const subjects = [...counts.keys()];
		const [prefs, recorded] = await Promise.all([
			preferencesOf(subjects),
			recordedKeys(subjects, subjects.map((s) => digestKey(s, week)))
		]);
		for (const [s, agencies] of counts) {
			const pref = prefs.get(s);
			const message = pref?.mode === 'digest' ? digestMessage(s, pref, { week, ...bounds }, agencies, recorded) : null;
			if (message) out.push(message);
		}
	}
	return out;
}

/** One run: new messages recorded, the cursor moved, waiting e-mail sent. */
export async function notifyOnce(now = new Date()): Promise<RunSummary> {
	if (!cursor) await initNotifier(now);
	const c = cursor!;
	const to = Math.max(c.next, Math.min(await storedEventCount(), c.next + MAX_EVENTS_PER_RUN));
	const weeks = dueWeeks(c.digestWeek, now);
	const alertsFrom = new Date(Date.parse(c.alertsUntil) - ALERT_OVERLAP_MS);
	const messages = [...(await eventMessages(c, to, now)), ...(await alertMessages(alertsFrom, now, now)), ...(await digestMessages(weeks, now))];
	if (messages.length > 0) {
		await recordNotifications(messages, new Date());
		if (messages.some((m) => m.email)) mailMayBePending = true;
	}
	const next: Cursor = {
		next: to,
		disclosedUntil: now.toISOString(),
		digestWeek: weeks.at(-1) ?? c.digestWeek,
		alertsUntil: now.toISOString(),
		version: c.version + 1
	};
	// The disclosure time alone changes every run: persisting it now and then is enough,
	// since a wider window after a restart finds only uses whose keys are recorded.
	const moved = next.next !== c.next || next.digestWeek !== c.digestWeek || messages.length > 0;
	if (moved || now.getTime() - persistedDisclosure >= DISCLOSURE_PERSIST_MS) {
		await writeCursor(next);
		persistedDisclosure = now.getTime();
		cursor = next;
	} else {
		cursor = { ...next, version: c.version };
	}
	const mailed = mailMayBePending ? await sendWaitingMail() : 0;
	return { messages: messages.length, mailed };
}

async function mailOne(n: StoredNotification): Promise<void> {
	const tr = translator(n.lang);
	const { subject, text } = renderEmail(n.payload, tr, await namesIn(n.lang), siteUrl());
	await sendMail({ id: n.id, to: n.email, subject, text });
}

/** Send every message still waiting for its e-mail; a failure is retried later, with back-off. */
async function sendWaitingMail(): Promise<number> {
	const waiting = await pendingMail(MAIL_BATCH);
	let sent = 0;
	let deferred = false;
	for (const n of waiting) {
		const notBefore = retryAt.get(n.id);
		if (notBefore !== undefined && notBefore > Date.now()) {
			deferred = true;
			continue;
		}
		try {
			await mailOne(n);
			await setMailState(n, 'sent', n.mailAttempts + 1);
			retryAt.delete(n.id);
			sent++;
		} catch (err) {
			const attempts = n.mailAttempts + 1;
			console.error(`peegel: notifications: e-mail ${n.id} not sent (attempt ${attempts})`, err);
			if (attempts >= MAX_MAIL_ATTEMPTS) {
				await setMailState(n, 'failed', attempts);
				retryAt.delete(n.id);
			} else {
				await setMailState(n, 'pending', attempts);
				retryAt.set(n.id, Date.now() + Math.min(3_600_000, 5_000 * 2 ** attempts));
				deferred = true;
			}
		}
	}
	mailMayBePending = deferred || waiting.length === MAIL_BATCH;
	return sent;
}

let timer: NodeJS.Timeout | null = null;
let running: Promise<unknown> | null = null;

/** Run every `everyMs`, one run at a time. */
export function startNotifier(everyMs: number): void {
	if (timer) return;
	timer = setInterval(() => {
		if (running) return;
		running = notifyOnce()
			.catch((err) => console.error('peegel: notifications: run failed (repeated at the next run)', err))
			.finally(() => (running = null));
	}, everyMs);
	timer.unref();
}

/** Stop the job; resolves when a run in progress has finished. */
export function stopNotifier(): Promise<void> {
	if (timer) clearInterval(timer);
	timer = null;
	return Promise.resolve(running).then(() => undefined);
}
