/**
 * Citizens' flags against the built server: a flag opens a case or joins the event's open
 * one, concurrent flags open one case, a closed case's event gets a new case, someone
 * else's event is a 404, bad input a 400 naming the field, and nothing is stored for
 * either. The case workflow's steps (issue 5 will drive them from the auditors' pages) are
 * taken here with recordTransition on the server's own database, between two runs of the
 * server, and show on /me/flags.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateReference } from '../../src/lib/server/seed/reference';
import { ingest } from '../support/api';
import { newAgencyCode, newEvent } from '../support/data';
import { startTestServer, type TestServer } from '../support/server';

// The server's data directory, which this process opens itself while the server is stopped.
const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-flags-'));
process.env.PEEGEL_DATA_DIR = dataDir;
delete process.env.CLICKHOUSE_URL;
delete process.env.PEEGEL_MIGRATIONS_DIR;

let server: TestServer;

beforeAll(async () => {
	server = await startTestServer({}, { dataDir });
});

afterAll(async () => {
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

// Seeded people who are not personas: each test signs in as its own, so its flags are its own.
const reference = generateReference({ people: 200, seed: 2026 });
const personaCodes = new Set(reference.personas.map((p) => p.personal_code.replace(/^EE/, '')));
const people = reference.people.filter((p) => !personaCodes.has(p.personal_code)).map((p) => p.personal_code);
let nextPerson = 0;

interface Person {
	/** Subject code, EE-prefixed. */
	code: string;
	cookie: string;
}

async function newPerson(): Promise<Person> {
	const bare = people[nextPerson++]!;
	return { code: `EE${bare}`, cookie: await server.signIn(bare) };
}

/** New events about a person, from a new agency; their ids. */
async function eventsOf(subject: string, n: number, overrides: Record<string, unknown> = {}): Promise<string[]> {
	const agency = newAgencyCode();
	const key = await server.agencyKey(agency, { name: `Flag test agency ${agency}` });
	const events = Array.from({ length: n }, () => newEvent(agency, subject, overrides));
	const r = await ingest(server, key, events);
	expect(r.status).toBe(200);
	return events.map((e) => String(e.event_id));
}

async function flagPage(p: Person, eventId: string, lang = 'en'): Promise<{ status: number; token: string | null; html: string }> {
	const res = await fetch(`${server.url}/me/flag/${eventId}?lang=${lang}`, { headers: { cookie: p.cookie } });
	const html = await res.text();
	return { status: res.status, token: /name="token" value="([0-9a-f-]{36})"/.exec(html)?.[1] ?? null, html };
}

async function freshToken(p: Person, eventId: string): Promise<string> {
	const page = await flagPage(p, eventId);
	expect(page.status).toBe(200);
	expect(page.token).not.toBeNull();
	return page.token!;
}

interface Posted {
	status: number;
	location: string | null;
	html: string;
}

async function postFlag(p: Person, eventId: string, fields: Record<string, string>): Promise<Posted> {
	const res = await fetch(`${server.url}/me/flag/${eventId}?lang=en`, {
		method: 'POST',
		headers: { cookie: p.cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
	return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

/** Flag an event through its page, as a browser does; the stored flag's id. */
async function flag(p: Person, eventId: string, kind = 'unrecognised', comment = ''): Promise<string> {
	const r = await postFlag(p, eventId, { kind, comment, token: await freshToken(p, eventId) });
	expect(r.status, r.html.slice(0, 500)).toBe(303);
	const m = /^\/me\/flags\?flagged=([0-9a-f-]{36})$/.exec(r.location ?? '');
	expect(m, `redirected to ${r.location}`).not.toBeNull();
	return m![1]!;
}

interface ListedFlag {
	flagId: string;
	eventId: string;
	caseId: string;
	state: string;
	text: string;
}

/** The flags /me/flags lists, in order, each with its item's text. */
async function myFlags(p: Person, query = ''): Promise<{ flags: ListedFlag[]; html: string }> {
	const res = await fetch(`${server.url}/me/flags?lang=en${query}`, { headers: { cookie: p.cookie } });
	expect(res.status).toBe(200);
	const html = await res.text();
	const flags = html
		.split('<li ')
		.slice(1)
		.flatMap((chunk) => {
			const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(chunk.slice(0, chunk.indexOf('>')))?.[1];
			const flagId = attr('data-flag-id');
			if (!flagId) return [];
			const item = chunk.slice(0, chunk.indexOf('</li>'));
			const text = item.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
			return [{ flagId, eventId: attr('data-event-id')!, caseId: attr('data-case-id')!, state: attr('data-case-state')!, text }];
		});
	return { flags, html };
}

// Kept for the checks made on the database itself (see the workflow tests).
const concurrentEvent: { id?: string } = {};
const notStored: string[] = [];

describe('flagging', () => {
	it('opens a case in state "new" for the event, and lists the flag on /me/flags', async () => {
		const p = await newPerson();
		const [event] = await eventsOf(p.code, 1);
		expect((await myFlags(p)).flags).toEqual([]);
		const flagId = await flag(p, event!, 'unjustified', 'I have never dealt with this agency.');
		const { flags, html } = await myFlags(p, `&flagged=${flagId}`);
		expect(flags).toHaveLength(1);
		expect(flags[0]).toMatchObject({ flagId, eventId: event, state: 'new' });
		expect(flags[0]!.caseId).toMatch(/^[0-9a-f-]{36}$/);
		expect(flags[0]!.text).toContain('New: waiting for the oversight body');
		expect(flags[0]!.text).toContain('You don’t think this use was justified');
		expect(flags[0]!.text).toContain('I have never dealt with this agency.');
		expect(flags[0]!.text).toContain(`Flag test agency`);
		expect(html).toContain('Your flag has been received and stored');
		expect(html).toContain(`href="/me?from=`);
	});

	it('adds a second flag on the same event to the open case', async () => {
		const p = await newPerson();
		const [event, other] = await eventsOf(p.code, 2);
		const first = await flag(p, event!);
		const second = await flag(p, event!, 'unjustified', 'Still no reason given.');
		const third = await flag(p, other!);
		const { flags } = await myFlags(p);
		const byId = new Map(flags.map((f) => [f.flagId, f]));
		expect(flags.map((f) => f.flagId)).toEqual([third, second, first]);
		expect(byId.get(second)!.caseId).toBe(byId.get(first)!.caseId);
		// Another event: its own case.
		expect(byId.get(third)!.caseId).not.toBe(byId.get(first)!.caseId);
	});

	it('opens exactly one case for flags sent at the same moment', async () => {
		const p = await newPerson();
		const [event] = await eventsOf(p.code, 1);
		concurrentEvent.id = event;
		const tokens = await Promise.all(Array.from({ length: 6 }, () => freshToken(p, event!)));
		const results = await Promise.all(tokens.map((token, i) => postFlag(p, event!, { kind: 'unjustified', comment: `Flag ${i}`, token })));
		expect(results.map((r) => r.status)).toEqual(Array(6).fill(303));
		const { flags } = await myFlags(p);
		expect(flags).toHaveLength(6);
		expect(new Set(flags.map((f) => f.caseId)).size).toBe(1);
	});

	it('stores one flag when the same form is sent twice', async () => {
		const p = await newPerson();
		const [event] = await eventsOf(p.code, 1);
		const token = await freshToken(p, event!);
		const fields = { kind: 'unrecognised', comment: 'Sent twice', token };
		const [a, b] = await Promise.all([postFlag(p, event!, fields), postFlag(p, event!, fields)]);
		const again = await postFlag(p, event!, fields);
		expect([a.status, b.status, again.status]).toEqual([303, 303, 303]);
		expect(new Set([a.location, b.location, again.location]).size).toBe(1);
		expect((await myFlags(p)).flags).toHaveLength(1);
	});

	it('shows a restricted event with its time only, and accepts a flag on it', async () => {
		const p = await newPerson();
		const [event] = await eventsOf(p.code, 1, { visibility: 'restricted', system: 'SECRET-IS', action: 'Secret purpose' });
		const page = await flagPage(p, event!);
		expect(page.status).toBe(200);
		expect(page.html).toContain('Details withheld (restricted processing)');
		expect(page.html).not.toContain('SECRET-IS');
		expect(page.html).not.toContain('Secret purpose');
		await flag(p, event!);
		const { flags, html } = await myFlags(p);
		expect(flags).toHaveLength(1);
		expect(html).not.toContain('Secret purpose');
	});
});

describe('refusals', () => {
	it('answers 404 for someone else’s event, and stores nothing', async () => {
		const owner = await newPerson();
		const stranger = await newPerson();
		const [event] = await eventsOf(owner.code, 1);
		notStored.push(event!);
		expect((await flagPage(stranger, event!)).status).toBe(404);
		const token = await freshToken(owner, event!);
		const r = await postFlag(stranger, event!, { kind: 'unrecognised', comment: '', token });
		expect(r.status).toBe(404);
		expect((await myFlags(stranger)).flags).toEqual([]);
		expect((await myFlags(owner)).flags).toEqual([]);
	});

	it('answers 404 for a sealed event, an unknown event and a malformed id', async () => {
		const p = await newPerson();
		const [sealed] = await eventsOf(p.code, 1, { visibility: 'sealed', disclose_after: '2099-01-01T00:00:00Z' });
		notStored.push(sealed!);
		expect((await flagPage(p, sealed!)).status).toBe(404);
		expect((await postFlag(p, sealed!, { kind: 'unrecognised', token: crypto.randomUUID() })).status).toBe(404);
		expect((await flagPage(p, crypto.randomUUID())).status).toBe(404);
		expect((await flagPage(p, 'not-an-id')).status).toBe(404);
		expect((await myFlags(p)).flags).toEqual([]);
	});

	it('answers 400 naming the field for bad input, and stores nothing', async () => {
		const p = await newPerson();
		const [event] = await eventsOf(p.code, 1);
		notStored.push(event!);
		const token = await freshToken(p, event!);

		const noComment = await postFlag(p, event!, { kind: 'unjustified', comment: '  ', token });
		expect(noComment.status).toBe(400);
		expect(noComment.html).toContain('Say why you think this use was not justified.');
		expect(noComment.html).toContain('href="#flag-comment"');
		expect(noComment.html).toMatch(/<textarea[^>]*id="flag-comment"[^>]*aria-invalid="true"/);
		expect(noComment.html).toMatch(/<textarea[^>]*aria-describedby="flag-comment-hint flag-comment-error"/);
		// The choice made is kept, and the same token offered again.
		expect(noComment.html).toMatch(/value="unjustified"[^>]*checked/);
		expect(noComment.html).toContain(`value="${token}"`);

		const noKind = await postFlag(p, event!, { comment: 'Something', token });
		expect(noKind.status).toBe(400);
		expect(noKind.html).toContain('Choose what is wrong with this use.');
		expect(noKind.html).toContain('href="#flag-kind-unrecognised"');
		expect(noKind.html).toMatch(/<fieldset[^>]*aria-invalid="true"/);

		const tooLong = await postFlag(p, event!, { kind: 'unrecognised', comment: 'x'.repeat(2001), token });
		expect(tooLong.status).toBe(400);
		expect(tooLong.html).toContain('Shorten the comment to at most 2,000 characters.');

		const noToken = await postFlag(p, event!, { kind: 'unrecognised', comment: '' });
		expect(noToken.status).toBe(400);
		expect(noToken.html).toContain('The form has expired.');

		expect((await myFlags(p)).flags).toEqual([]);
	});

	it('sends a signed-out visitor to sign in, and stores nothing', async () => {
		const p = await newPerson();
		const [event] = await eventsOf(p.code, 1);
		notStored.push(event!);
		const get = await fetch(`${server.url}/me/flag/${event}`, { redirect: 'manual' });
		expect(get.status).toBe(303);
		expect(get.headers.get('location')).toBe(`/auth/demo?next=/me/flag/${event}`);
		const post = await fetch(`${server.url}/me/flag/${event}`, {
			method: 'POST',
			headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ kind: 'unrecognised', token: crypto.randomUUID() }),
			redirect: 'manual'
		});
		expect(post.status).toBe(303);
		expect((await fetch(`${server.url}/me/flags`, { redirect: 'manual' })).status).toBe(303);
	});
});

describe('the case workflow', () => {
	it('shows status and outcome changes on /me/flags; a flag on a closed case’s event opens a new case', async () => {
		const p = await newPerson();
		const [investigated, closed] = await eventsOf(p.code, 2);
		await flag(p, investigated!);
		await flag(p, closed!, 'unjustified', 'Why?');
		const before = new Map((await myFlags(p)).flags.map((f) => [f.eventId, f]));
		const investigatedCase = before.get(investigated!)!.caseId;
		const closedCase = before.get(closed!)!.caseId;

		// The auditors' steps, on the server's database while it is stopped.
		await server.stop({ keepData: true });
		const { recordTransition } = await import('../../src/lib/server/cases/record-transition');
		const { caseState } = await import('../../src/lib/server/cases/case-state');
		const { queryOne } = await import('../../src/lib/server/db/query');
		const { closeDb } = await import('../../src/lib/server/db/client');
		try {
			const auditor = 'EE38001085718';
			expect(await recordTransition({ caseId: investigatedCase, state: 'investigating', assignee: auditor, note: 'Asked the agency', actor: auditor })).toMatchObject({
				ok: true,
				case: { state: 'investigating', outcome: '', assignee: auditor, seq: 2 }
			});
			expect((await recordTransition({ caseId: closedCase, state: 'investigating', actor: auditor })).ok).toBe(true);
			expect(await recordTransition({ caseId: closedCase, state: 'closed', actor: auditor })).toMatchObject({ ok: false, status: 400, field: 'outcome' });
			expect((await recordTransition({ caseId: closedCase, state: 'closed', outcome: 'misuse', note: 'No reason found', actor: auditor })).ok).toBe(true);
			expect(await recordTransition({ caseId: closedCase, state: 'investigating', actor: auditor })).toMatchObject({ ok: false, status: 400, field: 'state' });
			expect(await recordTransition({ caseId: crypto.randomUUID(), state: 'investigating', actor: auditor })).toMatchObject({ ok: false, status: 404 });
			expect(await recordTransition({ caseId: 'nope', state: 'investigating', actor: auditor })).toMatchObject({ ok: false, status: 400, field: 'caseId' });
			expect(await caseState(closedCase)).toMatchObject({
				case_id: closedCase,
				source: 'flag',
				event_id: closed,
				subject_code: p.code,
				state: 'closed',
				outcome: 'misuse',
				seq: 3
			});

			// What the tests above could only see through the pages, on the tables themselves.
			const count = z.object({ n: z.coerce.number() });
			const cases = await queryOne('SELECT count() AS n FROM oversight_case WHERE event_id = {e:UUID}', { e: concurrentEvent.id }, count);
			expect(cases!.n).toBe(1);
			const flags = await queryOne('SELECT count() AS n FROM flag WHERE event_id = {e:UUID}', { e: concurrentEvent.id }, count);
			expect(flags!.n).toBe(6);
			const stray = await queryOne(
				'SELECT (SELECT count() FROM flag WHERE event_id IN {ids:Array(UUID)}) + (SELECT count() FROM oversight_case WHERE event_id IN {ids:Array(UUID)}) AS n',
				{ ids: notStored },
				count
			);
			expect(notStored.length).toBeGreaterThanOrEqual(4);
			expect(stray!.n).toBe(0);
		} finally {
			await closeDb();
		}
		server = await startTestServer({}, { dataDir });
		p.cookie = await server.signIn(p.code.slice(2));

		const after = new Map((await myFlags(p)).flags.map((f) => [f.eventId, f]));
		expect(after.get(investigated!)).toMatchObject({ caseId: investigatedCase, state: 'investigating' });
		expect(after.get(investigated!)!.text).toContain('Being investigated');
		expect(after.get(investigated!)!.text).not.toContain('Outcome');
		expect(after.get(closed!)).toMatchObject({ caseId: closedCase, state: 'closed' });
		expect(after.get(closed!)!.text).toContain('Closed');
		expect(after.get(closed!)!.text).toContain('Misuse found');
		// The outcome in the other languages too.
		expect((await fetch(`${server.url}/me/flags?lang=et`, { headers: { cookie: p.cookie } }).then((r) => r.text()))).toContain('Leiti väärkasutus');
		expect((await fetch(`${server.url}/me/flags?lang=ru`, { headers: { cookie: p.cookie } }).then((r) => r.text()))).toContain('Выявлено злоупотребление');

		// A new flag on the closed case's event opens a new case; on the investigated one it joins.
		const reopened = await flag(p, closed!);
		const joined = await flag(p, investigated!);
		const now = new Map((await myFlags(p)).flags.map((f) => [f.flagId, f]));
		expect(now.get(reopened)!.caseId).not.toBe(closedCase);
		expect(now.get(reopened)!.state).toBe('new');
		expect(now.get(joined)).toMatchObject({ caseId: investigatedCase, state: 'investigating' });
	});
});
