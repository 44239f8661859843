/**
 * Notifications against the built server: a preference saved through the settings form,
 * events sent through the ingestion API, and what comes out: .eml files in the outbox and
 * the in-app inbox. The notifier works in log order, so "it has run past this point" is
 * known by sending a marker event to a watcher who wants every use and waiting for the
 * watcher's message: everything ingested before the marker has then been dealt with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../support/api';
import { newAgencyCode, newEvent } from '../support/data';
import { readOutbox, waitFor } from '../support/outbox';
import { startTestServer, type TestServer } from '../support/server';
import { generateReference } from '../../src/lib/server/seed/reference';

// Detection every second, so an alert (and the unusual use it names) follows within seconds.
const ENV = { PEEGEL_NOTIFY_INTERVAL_MS: '250', PEEGEL_DETECT_INTERVAL_MS: '1000' };
// The test server seeds 200 people with seed 2026: the same population, so codes are known.
const people = generateReference({ people: 200, seed: 2026 }).people.map((p) => p.personal_code);
let nextPerson = 50;

let server: TestServer;

beforeAll(async () => {
	server = await startTestServer(ENV);
});

afterAll(async () => {
	await server?.stop();
});

interface Person {
	code: string;
	subject: string;
	cookie: string;
	email: string;
}

async function newPerson(): Promise<Person> {
	const code = people[nextPerson++]!;
	return { code, subject: `EE${code}`, cookie: await server.signIn(code), email: `p${code}.${Date.now()}@example.ee` };
}

async function newAgency(label: string): Promise<{ code: string; key: string; name: string }> {
	const code = newAgencyCode();
	const name = `${label} Board ${code}`;
	return { code, name, key: await server.agencyKey(code, { name }) };
}

/** The settings form as a browser posts it (Accept: text/html; otherwise SvelteKit answers as for use:enhance). */
function postPreference(p: Person, fields: [string, string][]): Promise<Response> {
	return fetch(`${server.url}/me/notifications`, {
		method: 'POST',
		headers: { cookie: p.cookie, origin: server.url, accept: 'text/html', 'accept-language': 'en', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

async function setPreference(p: Person, mode: string, opts: { email?: string; agencies?: string[]; lang?: string } = {}): Promise<void> {
	const fields: [string, string][] = [
		['mode', mode],
		['email', opts.email ?? ''],
		['lang', opts.lang ?? 'en'],
		...(opts.agencies ?? []).map((a): [string, string] => ['agencies', a])
	];
	const res = await postPreference(p, fields);
	expect(res.status, await res.clone().text()).toBe(303);
	expect(res.headers.get('location')).toBe('/me/notifications?saved=1');
}

async function send(agency: { code: string; key: string }, subject: string, n = 1, over: Record<string, unknown> = {}): Promise<void> {
	const events = Array.from({ length: n }, () => newEvent(agency.code, subject, over));
	const r = await ingest(server, agency.key, events);
	expect(r.status).toBe(200);
	expect(r.body.accepted).toHaveLength(n);
}

const mailTo = (p: Person) => readOutbox(server.dataDir).filter((m) => m.to === p.email);

async function mailCount(p: Person, n: number) {
	return waitFor(`${n} message(s) to ${p.email}`, () => {
		const mails = mailTo(p);
		return mails.length >= n ? mails : undefined;
	});
}

// The watcher: told about every use; its messages show how far the notifier has come.
let watcher: Person;
let watcherAgency: { code: string; key: string; name: string };

async function notifierPassed(): Promise<void> {
	const before = mailTo(watcher).length;
	await send(watcherAgency, watcher.subject);
	await mailCount(watcher, before + 1);
}

beforeAll(async () => {
	watcher = await newPerson();
	watcherAgency = await newAgency('Watcher');
	await setPreference(watcher, 'every', { email: watcher.email });
});

async function inbox(p: Person): Promise<{ ids: string[]; isNew: boolean[]; html: string }> {
	const res = await fetch(`${server.url}/me/inbox?lang=en`, { headers: { cookie: p.cookie } });
	expect(res.status).toBe(200);
	const html = await res.text();
	const items = [...html.matchAll(/data-notification-id="([0-9a-f]+)" data-new="(true|false)"/g)];
	return { ids: items.map((m) => m[1]!), isNew: items.map((m) => m[2] === 'true'), html };
}

describe('every use, by e-mail', () => {
	it('announces one use in one message, three more in one more, and nothing again after a restart', async () => {
		const p = await newPerson();
		const agency = await newAgency('Every');
		await setPreference(p, 'every', { email: p.email });

		await send(agency, p.subject);
		const [first] = await mailCount(p, 1);
		expect(first!.subject).toBe('Peegel: A new use of your data');
		expect(first!.text).toContain(agency.name);
		expect(first!.text).toContain(`${server.url}/me`);
		expect(first!.file).toMatch(/^[0-9a-f]{32}\.eml$/);

		await send(agency, p.subject, 3);
		const two = await mailCount(p, 2);
		const second = two.find((m) => m.file !== first!.file)!;
		expect(second.subject).toBe('Peegel: 3 new uses of your data');
		expect(second.text.split(agency.name).length - 1).toBe(3);

		// Nothing more comes for these four uses.
		await notifierPassed();
		expect(mailTo(p)).toHaveLength(2);

		// A restart on the same data: no message is made or written again.
		const before = new Map(readOutbox(server.dataDir).map((m) => [m.file, m.mtimeMs]));
		const dataDir = server.dataDir;
		await server.stop({ keepData: true });
		server = await startTestServer(ENV, { dataDir });
		await notifierPassed();
		const after = readOutbox(server.dataDir);
		expect(after.filter((m) => m.to === p.email)).toHaveLength(2);
		for (const m of after) if (before.has(m.file)) expect(m.mtimeMs, m.file).toBe(before.get(m.file));
		expect(after.length).toBe(before.size + 1); // the watcher's one new message

		// And the notifier still works after the restart.
		await send(agency, p.subject);
		expect(await mailCount(p, 3)).toHaveLength(3);
	});
});

describe('other preferences', () => {
	it('per agency: only the chosen agency’s uses are announced', async () => {
		const p = await newPerson();
		const chosen = await newAgency('Chosen');
		const other = await newAgency('Other');
		await setPreference(p, 'agencies', { email: p.email, agencies: [chosen.code] });
		await send(other, p.subject);
		await send(chosen, p.subject);
		const [mail] = await mailCount(p, 1);
		expect(mail!.text).toContain(chosen.name);
		expect(mail!.text).not.toContain(other.name);
		await notifierPassed();
		expect(mailTo(p)).toHaveLength(1);
	});

	it('none: nothing is sent and nothing reaches the inbox', async () => {
		const p = await newPerson();
		const agency = await newAgency('None');
		await setPreference(p, 'none', { email: p.email });
		await send(agency, p.subject);
		await notifierPassed();
		expect(mailTo(p)).toHaveLength(0);
		expect((await inbox(p)).ids).toEqual([]);
	});

	it('a message is written in the preference’s language', async () => {
		const p = await newPerson();
		const agency = await newAgency('Keel');
		await setPreference(p, 'every', { email: p.email, lang: 'et' });
		await send(agency, p.subject);
		const [mail] = await mailCount(p, 1);
		expect(mail!.subject).toBe('Peegel: Sinu andmeid kasutati');
		expect(mail!.text).toContain('Tere!');
	});

	it('a restricted use is announced without its details', async () => {
		const p = await newPerson();
		const agency = await newAgency('Restricted');
		await setPreference(p, 'every', { email: p.email });
		await send(agency, p.subject, 1, { visibility: 'restricted', action: 'Secret surveillance' });
		const [mail] = await mailCount(p, 1);
		expect(mail!.text).toContain('A use of your data (details withheld)');
		expect(mail!.text).not.toContain(agency.name);
		expect(mail!.text).not.toContain('Secret surveillance');
	});
});

describe('what is announced', () => {
	it('only unusual uses: a use the detection rules raise an alert about is announced, with the rule; ordinary uses are not', async () => {
		const p = await newPerson();
		const agency = await newAgency('Unusual');
		await setPreference(p, 'unusual', { email: p.email });
		// Automated processing in working hours: no rule looks at it.
		await send(agency, p.subject, 1, { logged_at: '2026-01-14T08:00:00Z' });
		// The person, as an official of this agency, looks up their own record.
		await send(agency, p.subject, 1, { logged_at: '2026-01-15T08:00:00Z', actor_code: p.subject });
		const [mail] = await mailCount(p, 1);
		expect(mail!.subject).toBe('Peegel: An unusual use of your data');
		expect(mail!.text).toContain('Unusual because:');
		expect(mail!.text).toContain('the official looked up their own data');
		await notifierPassed();
		expect(mailTo(p)).toHaveLength(1);
	});

	it('a sealed use is announced once it is disclosed, not before', async () => {
		const p = await newPerson();
		const agency = await newAgency('Sealed');
		await setPreference(p, 'every', { email: p.email });
		const discloseAt = Date.now() + 4000;
		await send(agency, p.subject, 1, { visibility: 'sealed', disclose_after: new Date(discloseAt).toISOString() });
		await notifierPassed();
		if (Date.now() < discloseAt) expect(mailTo(p)).toHaveLength(0);
		const [mail] = await mailCount(p, 1);
		expect(Date.now()).toBeGreaterThanOrEqual(discloseAt);
		expect(mail!.text).toContain(agency.name);
		expect(mail!.text).toContain('kept from view until now (sealed)');
		await notifierPassed();
		expect(mailTo(p)).toHaveLength(1);
	});
});

describe('the inbox', () => {
	it('shows the messages newest first, marked new until the inbox has been seen', async () => {
		const p = await newPerson();
		const agency = await newAgency('Inbox');
		await setPreference(p, 'every'); // no address: the inbox only
		await send(agency, p.subject);
		await notifierPassed();

		const first = await inbox(p);
		expect(first.ids).toHaveLength(1);
		expect(first.isNew).toEqual([true]);
		expect(first.html).toContain(agency.name);
		expect(mailTo(p)).toHaveLength(0);

		const again = await inbox(p);
		expect(again.isNew).toEqual([false]);

		await send(agency, p.subject, 2);
		await notifierPassed();
		const third = await inbox(p);
		expect(third.ids).toHaveLength(2);
		expect(third.ids[1]).toBe(first.ids[0]);
		expect(third.isNew).toEqual([true, false]);
		expect(third.html).toContain('2 new uses of your data');
	});
});

describe('the settings form', () => {
	it('refuses bad input with 400, naming the field, and keeps the saved preference', async () => {
		const p = await newPerson();
		await setPreference(p, 'every', { email: p.email });

		const badEmail = await postPreference(p, [['mode', 'every'], ['email', 'not-an-address'], ['lang', 'en']]);
		expect(badEmail.status).toBe(400);
		const html = await badEmail.text();
		expect(html).toContain('id="notify-email-error"');
		expect(html).toContain('Enter an e-mail address such as name@example.ee');

		const badMode = await postPreference(p, [['mode', 'sometimes'], ['email', ''], ['lang', 'xx']]);
		expect(badMode.status).toBe(400);
		const modeHtml = await badMode.text();
		expect(modeHtml).toContain('id="mode-error"');
		expect(modeHtml).toContain('id="notify-lang-error"');

		const noAgency = await postPreference(p, [['mode', 'agencies'], ['email', ''], ['lang', 'en']]);
		expect(noAgency.status).toBe(400);
		expect(await noAgency.text()).toContain('id="agencies-error"');

		const page = await fetch(`${server.url}/me/notifications?lang=en`, { headers: { cookie: p.cookie } });
		const saved = await page.text();
		expect(saved).toContain(`value="${p.email}"`);
		expect(saved).toMatch(/id="mode-every"[^>]*checked|checked[^>]*id="mode-every"/);
	});

	it('is only for a signed-in person', async () => {
		const res = await fetch(`${server.url}/me/notifications`, { redirect: 'manual' });
		expect(res.status).toBe(303);
		const post = await fetch(`${server.url}/me/notifications`, {
			method: 'POST',
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'mode=every&lang=en&email=',
			redirect: 'manual'
		});
		expect(post.status).toBe(303);
	});
});
