/**
 * The notifier in this process, against its own embedded ClickHouse, with the clock in the
 * test's hands: weekly digests are made once the week is over in Tallinn and only once, also
 * after a restart; e-mail left unsent by a crash is sent at the next run into the same file;
 * the unseen count follows inbox visits. (The HTTP journeys are in notifications.test.ts.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newAgencyCode, newSubject } from '../support/data';
import { parseEml } from '../support/outbox';
import { storedUsageRow } from '../support/stored-rows';

// The configuration is read once, on first use: set it before any server module loads.
const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-notifier-'));
process.env.PEEGEL_DATA_DIR = dataDir;
delete process.env.CLICKHOUSE_URL;
delete process.env.PEEGEL_SMTP_URL;

type Query = typeof import('../../src/lib/server/db/query');
type Prefs = typeof import('../../src/lib/server/notifications/preferences-store');
type Store = typeof import('../../src/lib/server/notifications/notification-store');
type Inbox = typeof import('../../src/lib/server/notifications/inbox');
type Notifier = typeof import('../../src/lib/server/notifications/notifier');
let query: Query;
let prefs: Prefs;
let store: Store;
let inbox: Inbox;

/** A fresh notifier module: what a restarted server has (nothing in memory). */
async function freshNotifier(): Promise<Notifier> {
	vi.resetModules();
	return import('../../src/lib/server/notifications/notifier');
}

let position = 0;
async function storeEvents(subject: string, agency: string, times: string[]): Promise<void> {
	await query.insertRows(
		'usage_event',
		times.map((t) => storedUsageRow(subject, agency, t, position++))
	);
}

const outbox = () => {
	const dir = path.join(dataDir, 'outbox');
	try {
		return readdirSync(dir).filter((f) => f.endsWith('.eml')).map((f) => ({ file: f, mtimeMs: statSync(path.join(dir, f)).mtimeMs, ...parseEml(readFileSync(path.join(dir, f), 'utf8')) }));
	} catch {
		return [];
	}
};

beforeAll(async () => {
	const { migrate } = await import('../../src/lib/server/db/migrate');
	await migrate();
	query = await import('../../src/lib/server/db/query');
	prefs = await import('../../src/lib/server/notifications/preferences-store');
	store = await import('../../src/lib/server/notifications/notification-store');
	inbox = await import('../../src/lib/server/notifications/inbox');
});

afterAll(async () => {
	const { closeDb } = await import('../../src/lib/server/db/client');
	await closeDb();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('the weekly digest', () => {
	it('comes once, after the week ends in Tallinn, counting uses per agency, and not again after a restart', async () => {
		const subject = newSubject();
		const [a, b] = [newAgencyCode(), newAgencyCode()];
		const email = `digest.${Date.now()}@example.ee`;
		// Week 3 of 2026: Monday 12 to Sunday 18 January; Sunday 23:30 Tallinn is 21:30 UTC.
		await storeEvents(subject, a, ['2026-01-12T08:00:00Z', '2026-01-14T08:00:00Z', '2026-01-18T21:30:00Z']);
		await storeEvents(subject, b, ['2026-01-13T08:00:00Z']);
		// Before and after the week: not in it.
		await storeEvents(subject, a, ['2026-01-11T21:59:00Z', '2026-01-18T22:00:00Z']);
		await prefs.savePreference(subject, { mode: 'digest', agencies: [], email, lang: 'en' }, subject);

		let notifier = await freshNotifier();
		await notifier.initNotifier(new Date('2026-01-14T12:00:00Z'));
		// Sunday 23:59 in Tallinn: the week is not over.
		expect(await notifier.notifyOnce(new Date('2026-01-18T21:59:00Z'))).toEqual({ messages: 0, mailed: 0 });
		// Monday 00:00:01 in Tallinn: it is.
		expect(await notifier.notifyOnce(new Date('2026-01-18T22:00:01Z'))).toEqual({ messages: 1, mailed: 1 });
		const [mail] = outbox().filter((m) => m.to === email);
		expect(mail!.subject).toBe('Peegel: Your week 12 Jan 2026 – 18 Jan 2026: 4 uses of your data');
		expect(mail!.text).toContain(`${a}: 3 uses`);
		expect(mail!.text).toContain(`${b}: 1 use`);
		expect(await notifier.notifyOnce(new Date('2026-01-19T10:00:00Z'))).toEqual({ messages: 0, mailed: 0 });

		// A restart that lost the cursor's last move (a crash before it was written): the key stops a second digest.
		notifier = await freshNotifier();
		const { readCursor, writeCursor } = await import('../../src/lib/server/notifications/cursor');
		const cursor = (await readCursor())!;
		await writeCursor({ ...cursor, digestWeek: '2026-W02', version: cursor.version + 1 });
		expect(await notifier.notifyOnce(new Date('2026-01-19T10:00:00Z'))).toEqual({ messages: 0, mailed: 0 });
		expect(outbox().filter((m) => m.to === email)).toHaveLength(1);
		expect((await store.notificationsOf(subject, 10)).map((n) => n.kind)).toEqual(['digest']);
	});
});

describe('e-mail across a crash', () => {
	it('sends a message recorded but not sent, and a resend replaces its own file', async () => {
		const subject = newSubject();
		const email = `crash.${Date.now()}@example.ee`;
		const payload = { kind: 'events' as const, mode: 'every' as const, total: 1, uses: [{ restricted: true as const, event_id: crypto.randomUUID(), at: '2026-01-14T08:00:00.000Z', reasons: [] }] };
		// Recorded, then the process died before sending.
		const [recorded] = await store.recordNotifications([{ subject, id: 'c0ffee00c0ffee00c0ffee00c0ffee00', kind: 'events', preference: 'every', keys: ['k-crash'], payload, email, lang: 'en' }], new Date());
		const notifier = await freshNotifier();
		await notifier.notifyOnce(new Date());
		const sent = outbox().filter((m) => m.to === email);
		expect(sent.map((m) => m.file)).toEqual(['c0ffee00c0ffee00c0ffee00c0ffee00.eml']);
		expect(sent[0]!.text).toContain('A use of your data (details withheld)');
		expect((await store.notificationsOf(subject, 1))[0]!.mailState).toBe('sent');

		// Sent, then the process died before recording it: sent again, into the same file.
		await store.setMailState({ ...recorded!, version: 5 }, 'pending', 1);
		const again = await freshNotifier();
		expect((await again.notifyOnce(new Date())).mailed).toBe(1);
		expect(outbox().filter((m) => m.to === email)).toHaveLength(1);
		expect(readdirSync(path.join(dataDir, 'outbox')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
	});
});

describe('the unseen count', () => {
	it('counts messages that arrived after the last inbox visit', async () => {
		const subject = newSubject();
		const digest = (week: string) => ({ kind: 'digest' as const, week, firstDay: '2026-01-12', lastDay: '2026-01-18', agencies: [{ agency: '', count: 1 }] });
		expect(await inbox.unseenNotificationCount(subject)).toBe(0);
		await store.recordNotifications([{ subject, id: 'u1', kind: 'digest', preference: 'digest', keys: ['u1'], payload: digest('2026-W03'), email: '', lang: 'en' }], new Date(Date.now() - 2000));
		await store.recordNotifications([{ subject, id: 'u2', kind: 'digest', preference: 'digest', keys: ['u2'], payload: digest('2026-W04'), email: '', lang: 'en' }], new Date(Date.now() - 1000));
		expect(await inbox.unseenNotificationCount(subject)).toBe(2);
		await inbox.recordInboxVisit(subject, new Date());
		expect(await inbox.unseenNotificationCount(subject)).toBe(0);
		await store.recordNotifications([{ subject, id: 'u3', kind: 'digest', preference: 'digest', keys: ['u3'], payload: digest('2026-W05'), email: '', lang: 'en' }], new Date(Date.now() + 1000));
		expect(await inbox.unseenNotificationCount(subject)).toBe(1);
		// Another person's messages are not counted.
		expect(await inbox.unseenNotificationCount(newSubject())).toBe(0);
	});
});
