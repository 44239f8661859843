/**
 * Auditors' cases against the built server: the case list and its filters and pages, each
 * workflow step and its refusals, assignment, notes, linking and unlinking events, opening
 * a case from an alert once, the evidence (JSON and CSV, each event's proof checked against
 * the signed checkpoint), the look-ups recorded on people's timelines, and who may not do
 * any of it (401 signed out, 403 citizen, analyst, agency user). The alert, a second
 * auditor and a case from before case links existed are written on the server's database
 * while it is stopped, as the detection and role administration would.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHex } from '@oslojs/encoding';
import { checkEvidenceProof } from '../../src/lib/ledger/evidence';
import { hashLeaf, verifyInclusion } from '../../src/lib/ledger/merkle';
import { parseCheckpoint, parseNote, parseVerifierKey, verifyNote } from '../../src/lib/ledger/note';
import { generateReference } from '../../src/lib/server/seed/reference';
import { EVIDENCE_COLUMNS } from '../../src/lib/server/cases/evidence-csv';
import { ingest } from '../support/api';
import { lookupsCommitted } from '../support/lookups';
import { parseCsv } from '../support/csv';
import { newAgencyCode, newEvent } from '../support/data';
import { ROOT, startTestServer, type TestServer } from '../support/server';

// The server's data directory, which this process opens itself while the server is stopped.
const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-cases-'));
process.env.PEEGEL_DATA_DIR = dataDir;
delete process.env.CLICKHOUSE_URL;
delete process.env.PEEGEL_MIGRATIONS_DIR;

const reference = generateReference({ people: 200, seed: 2026 });
const personaOf = (key: string) => reference.personas.find((p) => p.key === key)!;
const personaCodes = new Set(reference.personas.map((p) => p.personal_code.replace(/^EE/, '')));
const people = reference.people.filter((p) => !personaCodes.has(p.personal_code));
const AUDITOR = `EE${personaOf('auditor').personal_code}`;
const KADRI = personaOf('kadri');
const OFFICIAL = `EE${KADRI.personal_code}`;
// A seeded person given the auditor role below: a second auditor to assign cases to.
const SECOND = people[0]!;
const SECOND_AUDITOR = `EE${SECOND.personal_code}`;
let nextPerson = 1;

let server: TestServer;
let auditor: string;
const others: Record<string, string> = {};

interface Person {
	code: string;
	cookie: string;
}

async function newPerson(): Promise<Person> {
	const bare = people[nextPerson++]!.personal_code;
	return { code: `EE${bare}`, cookie: await server.signIn(bare) };
}

/** New events about a person by the official, from a new agency; ids and ledger positions. */
async function eventsOf(subject: string, n: number, overrides: Record<string, unknown> = {}): Promise<{ id: string; index: number }[]> {
	const agency = newAgencyCode();
	const key = await server.agencyKey(agency, { name: `Case test agency ${agency}` });
	const events = Array.from({ length: n }, () => newEvent(agency, subject, { actor_code: OFFICIAL, case_ref: 'POL-2026-17', ...overrides }));
	const r = await ingest(server, key, events);
	expect(r.status).toBe(200);
	return r.body.accepted!.map((a) => ({ id: a.event_id, index: a.index! }));
}

/** A citizen flags their event through the flag page; the case id /me/flags shows for it. */
async function flagCase(p: Person, eventId: string, comment = 'I never dealt with them.'): Promise<string> {
	const page = await fetch(`${server.url}/me/flag/${eventId}`, { headers: { cookie: p.cookie } }).then((r) => r.text());
	const token = /name="token" value="([0-9a-f-]{36})"/.exec(page)![1]!;
	const res = await fetch(`${server.url}/me/flag/${eventId}`, {
		method: 'POST',
		headers: { cookie: p.cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ kind: comment ? 'unjustified' : 'unrecognised', comment, token }),
		redirect: 'manual'
	});
	expect(res.status).toBe(303);
	const flags = await fetch(`${server.url}/me/flags?lang=en`, { headers: { cookie: p.cookie } }).then((r) => r.text());
	return new RegExp(`data-event-id="${eventId}"\\s+data-case-id="([0-9a-f-]{36})"`).exec(flags)![1]!;
}

const get = (pathname: string, cookie: string | null) =>
	fetch(`${server.url}${pathname}`, { headers: { 'accept-language': 'en', ...(cookie ? { cookie } : {}) }, redirect: 'manual' });

async function post(
	pathname: string,
	cookie: string | null,
	fields: Record<string, string>,
	accept = 'text/html'
): Promise<{ status: number; location: string | null; html: string }> {
	const headers: Record<string, string> = { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept, 'accept-language': 'en' };
	if (cookie) headers.cookie = cookie;
	const res = await fetch(`${server.url}${pathname}`, { method: 'POST', headers, body: new URLSearchParams(fields), redirect: 'manual' });
	return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

/** A form action on a case page, as the auditor (or whoever's cookie). */
const act = (caseId: string, action: string, fields: Record<string, string> = {}, cookie: string | null = auditor) =>
	post(`/oversight/cases/${caseId}?/${action}`, cookie, fields);

async function actOk(caseId: string, action: string, fields: Record<string, string> = {}): Promise<void> {
	const r = await act(caseId, action, fields);
	expect(r.status, r.html.slice(0, 400)).toBe(303);
	expect(r.location).toBe(`/oversight/cases/${caseId}?updated=${action}`);
}

interface CaseView {
	state: string;
	outcome: string;
	assignee: string;
	history: number[];
	events: string[];
	html: string;
}

async function casePage(caseId: string, lang = 'en'): Promise<CaseView> {
	const res = await get(`/oversight/cases/${caseId}?lang=${lang}`, auditor);
	const html = await res.text();
	expect(res.status, html.slice(0, 300)).toBe(200);
	const facts = /data-case-state="([^"]*)" data-case-outcome="([^"]*)" data-case-assignee="([^"]*)"/.exec(html)!;
	return {
		state: facts[1]!,
		outcome: facts[2]!,
		assignee: facts[3]!,
		history: [...html.matchAll(/<tr data-seq="(\d+)"/g)].map((m) => Number(m[1])),
		events: [...html.matchAll(/<tr data-event-id="([0-9a-f-]{36})"/g)].map((m) => m[1]!),
		html
	};
}

interface ListedCase {
	id: string;
	state: string;
	outcome: string;
	assignee: string;
	opened: string;
}

async function caseList(query: string): Promise<{ cases: ListedCase[]; next: string | null; html: string; status: number }> {
	const res = await get(`/oversight/cases${query}`, auditor);
	const html = await res.text();
	const cases = [...html.matchAll(/<tr data-case-id="([0-9a-f-]{36})" data-state="(\w*)" data-outcome="(\w*)" data-assignee="(\w*)">[\s\S]*?<time datetime="([^"]+)"/g)].map((m) => ({
		id: m[1]!,
		state: m[2]!,
		outcome: m[3]!,
		assignee: m[4]!,
		opened: m[5]!
	}));
	const next = /<a href="([^"]+)" rel="next"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null;
	return { cases, next, html, status: res.status };
}

const ids = (cases: ListedCase[]) => cases.map((c) => c.id);

/**
 * A repository script (tsx), run without blocking this process: a blocked event loop would
 * miss the server closing idle keep-alive connections, and the next request would fail.
 */
function script(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' }, (err, stdout, stderr) =>
			resolve({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr })
		);
	});
}

// Written while the server is stopped (beforeAll): the alert and the legacy case.
const alertId = crypto.randomUUID();
const alertEvidence: { id: string; subject: string }[] = [];
const legacy = { caseId: crypto.randomUUID(), eventId: '', subject: '' };

beforeAll(async () => {
	server = await startTestServer({}, { dataDir });
	const a = await newPerson();
	const b = await newPerson();
	const evA = await eventsOf(a.code, 2);
	const evB = await eventsOf(b.code, 1);
	alertEvidence.push({ id: evA[0]!.id, subject: a.code }, { id: evB[0]!.id, subject: b.code }, { id: evA[1]!.id, subject: a.code });
	const l = await newPerson();
	const [legacyEvent] = await eventsOf(l.code, 1);
	legacy.eventId = legacyEvent!.id;
	legacy.subject = l.code;

	await server.stop({ keepData: true });
	const { insertRows } = await import('../../src/lib/server/db/query');
	const { closeDb } = await import('../../src/lib/server/db/client');
	const { chTime } = await import('../../src/lib/server/db/columns');
	try {
		const now = chTime(Date.now());
		await insertRows('role_grant', [{ personal_code: SECOND_AUDITOR, role: 'auditor', agency_code: '', granted_at: now, revoked: false, version: 1 }]);
		await insertRows('alert', [
			{
				alert_id: alertId,
				rule: 'many-officials',
				severity: 'high',
				dedupe_key: `test:${alertId}`,
				actor_code: OFFICIAL,
				agency_code: '',
				subject_code: a.code,
				event_ids: alertEvidence.map((e) => e.id),
				event_subjects: alertEvidence.map((e) => e.subject),
				first_at: now,
				last_at: now,
				detail: '{}',
				detected_at: now,
				run_id: crypto.randomUUID()
			}
		]);
		// A case as opened before case links were written: no case_event row for its event.
		await insertRows('case_history', [{ case_id: legacy.caseId, seq: 1, at: now, state: 'new', outcome: '', assignee: '', note: '', actor: l.code }]);
		await insertRows('oversight_case', [
			{ case_id: legacy.caseId, opened_at: now, source: 'flag', event_id: legacy.eventId, subject_code: l.code, alert_id: '', opened_by: l.code }
		]);
	} finally {
		await closeDb();
	}
	server = await startTestServer({}, { dataDir });
	auditor = await server.signIn('auditor');
	for (const key of ['jaan', 'analyst', 'agency']) others[key] = await server.signIn(key);
});

afterAll(async () => {
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

describe('the case list', () => {
	it('filters by state, outcome, source, assignee and period, newest first, a page at a time', async () => {
		const p = await newPerson();
		const ev = await eventsOf(p.code, 4);
		const fresh = await flagCase(p, ev[0]!.id);
		const mine = await flagCase(p, ev[1]!.id);
		const theirs = await flagCase(p, ev[2]!.id);
		await actOk(mine, 'take');
		await actOk(mine, 'step', { state: 'investigating' });
		await actOk(theirs, 'assign', { assignee: SECOND_AUDITOR });
		await actOk(theirs, 'step', { state: 'investigating' });
		await actOk(theirs, 'step', { state: 'closed', outcome: 'misuse', note: 'No reason for the look-up.' });
		const fromAlert = await post('/oversight/cases/from-alert', auditor, { alert_id: alertId });
		const alertCase = fromAlert.location!.split('/').at(-1)!;
		// Enough cases for a second page.
		const q = await newPerson();
		const many = await eventsOf(q.code, 52);
		for (let i = 0; i < many.length; i += 13) await Promise.all(many.slice(i, i + 13).map((e) => flagCase(q, e.id, '')));

		const all: ListedCase[] = [];
		let query: string | null = '';
		let pages = 0;
		while (query !== null) {
			const page = await caseList(query);
			expect(page.status).toBe(200);
			expect(page.cases.length).toBeLessThanOrEqual(50);
			all.push(...page.cases);
			query = page.next ? page.next.replace('/oversight/cases', '') : null;
			pages++;
		}
		expect(pages).toBeGreaterThanOrEqual(2);
		expect(new Set(ids(all)).size).toBe(all.length);
		const opened = all.map((c) => Date.parse(c.opened));
		expect(opened).toEqual([...opened].sort((x, y) => y - x));
		expect(ids(all)).toEqual(expect.arrayContaining([fresh, mine, theirs, alertCase, legacy.caseId]));

		const has = async (query: string, yes: string[], no: string[]) => {
			const { cases, status } = await caseList(query);
			expect(status).toBe(200);
			for (const id of yes) expect(ids(cases), `${query} should list ${id}`).toContain(id);
			for (const id of no) expect(ids(cases), `${query} should not list ${id}`).not.toContain(id);
			return cases;
		};
		for (const c of await has('?state=investigating', [mine], [fresh, theirs])) expect(c.state).toBe('investigating');
		await has('?state=closed&outcome=misuse', [theirs], [fresh, mine]);
		for (const c of await has('?outcome=misuse', [theirs], [mine])) expect(c.outcome).toBe('misuse');
		for (const c of await has('?source=alert', [alertCase], [fresh, mine, theirs])) expect(c.id).not.toBe(fresh);
		await has('?source=flag&state=investigating', [mine], [alertCase]);
		await has('?source=flag&state=closed', [theirs], [alertCase]);
		for (const c of await has('?assignee=mine', [mine], [fresh, theirs])) expect(c.assignee).toBe(AUDITOR);
		await has(`?assignee=${SECOND_AUDITOR}`, [theirs], [mine, fresh]);
		for (const c of await has('?assignee=nobody&state=new', [], [mine, theirs])) expect(c.assignee).toBe('');
		const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Tallinn' });
		const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Tallinn' });
		const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Tallinn' });
		await has(`?from=${today}&to=${today}&state=investigating`, [mine], []);
		expect((await caseList(`?from=${tomorrow}`)).cases).toEqual([]);
		expect((await caseList(`?to=${yesterday}`)).cases).toEqual([]);

		// Bad filters: named beside their fields, the rest still applied.
		const bad = await caseList('?state=open&from=2026-02-30&outcome=misuse&lang=en');
		expect(bad.status).toBe(200);
		expect(bad.html).toContain('Choose one of the values offered.');
		expect(bad.html).toContain('Give the date as YYYY-MM-DD.');
		expect(bad.html).toMatch(/<select id="filter-state"[^>]*aria-invalid="true"/);
		expect(ids(bad.cases)).toContain(theirs);
		for (const c of bad.cases) expect(c.outcome).toBe('misuse');
		const backwards = await caseList(`?from=${tomorrow}&to=${yesterday}`);
		expect(backwards.html).toContain('The end of the period is before its start.');
	});

	it('is in Estonian and Russian too', async () => {
		expect(await (await get('/oversight/cases?lang=et', auditor)).text()).toContain('Menetlused, viimati avatud eespool');
		expect(await (await get('/oversight/cases?lang=ru', auditor)).text()).toContain('Дела, сначала последние открытые');
	});
});

describe('the workflow', () => {
	it('takes each step new → investigating → closed with an outcome, and refuses the others by field', async () => {
		const p = await newPerson();
		const [ev] = await eventsOf(p.code, 1);
		const caseId = await flagCase(p, ev!.id);
		expect(await casePage(caseId)).toMatchObject({ state: 'new', outcome: '', assignee: '', history: [1] });

		const skip = await act(caseId, 'step', { state: 'closed', outcome: 'misuse' });
		expect(skip.status).toBe(400);
		expect(skip.html).toContain('Choose a step this case can take now.');
		expect(skip.html).toMatch(/<fieldset[^>]*aria-invalid="true"[^>]*aria-describedby="step-state-error"/);
		expect((await act(caseId, 'step', { state: 'bogus' })).status).toBe(400);
		expect((await act(caseId, 'step', {})).status).toBe(400);

		await actOk(caseId, 'take');
		await actOk(caseId, 'step', { state: 'investigating', note: 'Asked the agency for the case file.' });
		let view = await casePage(caseId);
		expect(view).toMatchObject({ state: 'investigating', assignee: AUDITOR, history: [1, 2, 3] });
		// Only the steps the workflow allows are offered: from investigating, closing.
		expect(view.html).toContain('id="step-state-closed"');
		expect(view.html).not.toContain('id="step-state-new"');
		expect(view.html).not.toContain('id="step-state-investigating"');
		expect(view.html).toContain('Asked the agency for the case file.');

		const back = await act(caseId, 'step', { state: 'new' });
		expect(back.status).toBe(400);
		const noOutcome = await act(caseId, 'step', { state: 'closed', note: 'kept' });
		expect(noOutcome.status).toBe(400);
		expect(noOutcome.html).toContain('Choose an outcome to close the case.');
		expect(noOutcome.html).toMatch(/aria-describedby="step-outcome-error"/);
		// What was typed is kept.
		expect(noOutcome.html).toMatch(/<textarea id="step-note"[^>]*>kept<\/textarea>/);
		expect((await casePage(caseId)).history).toEqual([1, 2, 3]);

		const tooLong = await act(caseId, 'step', { state: 'closed', outcome: 'justified', note_to_person: 'x'.repeat(2001) });
		expect(tooLong.status).toBe(400);
		expect(tooLong.html).toContain('Shorten the note to the person to at most 2,000 characters.');
		expect(tooLong.html).toMatch(/<textarea id="step-note-to-person"[^>]*aria-invalid="true"/);
		await actOk(caseId, 'step', {
			state: 'closed',
			outcome: 'justified',
			note: 'The officer had a case.',
			note_to_person: 'We checked: the police had a case about you <then>.'
		});
		view = await casePage(caseId);
		expect(view).toMatchObject({ state: 'closed', outcome: 'justified', history: [1, 2, 3, 4] });
		expect(view.html).toContain('This case is closed and cannot change.');
		expect(view.html).not.toContain('action="?/step"');

		// A closed case changes no more, whatever is sent.
		for (const [action, fields] of [
			['step', { state: 'investigating' }],
			['take', {}],
			['note', { note: 'late' }],
			['assign', { assignee: SECOND_AUDITOR }],
			['link', { event_id: ev!.id, subject_code: p.code }]
		] as const) {
			const r = await act(caseId, action, fields);
			expect(r.status, action).toBe(400);
			expect(r.html).toContain('The case is closed and cannot change.');
		}
		expect((await casePage(caseId)).history).toEqual([1, 2, 3, 4]);

		// The citizen sees the outcome.
		const flags = await fetch(`${server.url}/me/flags?lang=en`, { headers: { cookie: p.cookie } }).then((r) => r.text());
		expect(flags).toContain('data-case-state="closed"');
		expect(flags).toContain('The use was justified');
		// With the oversight body's message to them, and nothing of the auditors' own notes.
		expect(flags).toContain('From the oversight body');
		expect(flags).toContain('We checked: the police had a case about you &lt;then>.');
		expect(flags).not.toContain('The officer had a case.');
		expect(flags).not.toContain(OFFICIAL);
	});

	it('assigns to an auditor or nobody, and refuses anyone else', async () => {
		const p = await newPerson();
		const [ev] = await eventsOf(p.code, 1);
		const caseId = await flagCase(p, ev!.id);
		const page = await casePage(caseId);
		expect(page.html).toContain(`<option value="${SECOND_AUDITOR}"`);
		expect(page.html).toContain(`${SECOND.first_name} ${SECOND.last_name}`);
		await actOk(caseId, 'assign', { assignee: SECOND_AUDITOR });
		expect((await casePage(caseId)).assignee).toBe(SECOND_AUDITOR);
		const stranger = await act(caseId, 'assign', { assignee: OFFICIAL });
		expect(stranger.status).toBe(400);
		expect(stranger.html).toContain('Choose one of the auditors.');
		expect(stranger.html).toMatch(/<select id="assign-assignee"[^>]*aria-invalid="true"/);
		await actOk(caseId, 'take');
		expect((await casePage(caseId)).assignee).toBe(AUDITOR);
		await actOk(caseId, 'assign', { assignee: '' });
		const view = await casePage(caseId);
		expect(view.assignee).toBe('');
		expect(view.state).toBe('new');
		expect(view.history).toEqual([1, 2, 3, 4]);
	});

	it('adds notes, refusing an empty or too long one', async () => {
		const p = await newPerson();
		const [ev] = await eventsOf(p.code, 1);
		const caseId = await flagCase(p, ev!.id);
		const empty = await act(caseId, 'note', { note: '   ' });
		expect(empty.status).toBe(400);
		expect(empty.html).toContain('Write the note.');
		expect(empty.html).toMatch(/<textarea id="note-note"[^>]*aria-invalid="true"[^>]*aria-describedby="note-note-hint note-note-error"/);
		const long = await act(caseId, 'note', { note: 'x'.repeat(10_001) });
		expect(long.status).toBe(400);
		expect(long.html).toContain('Shorten the note to at most 10,000 characters.');
		await actOk(caseId, 'note', { note: 'Phoned the citizen: <b>not</b> a relative.' });
		const view = await casePage(caseId);
		expect(view).toMatchObject({ state: 'new', history: [1, 2] });
		expect(view.html).toContain('Phoned the citizen: &lt;b>not&lt;/b> a relative.');
	});

	it('answers 404 for an unknown or malformed case', async () => {
		expect((await get(`/oversight/cases/${crypto.randomUUID()}`, auditor)).status).toBe(404);
		expect((await get('/oversight/cases/not-a-case', auditor)).status).toBe(404);
		expect((await act(crypto.randomUUID(), 'take')).status).toBe(404);
	});
});

describe('linked events', () => {
	it('links and unlinks events, refusing unknown, repeated and the case’s own', async () => {
		const p = await newPerson();
		const [own] = await eventsOf(p.code, 1);
		const other = await newPerson();
		const [extra] = await eventsOf(other.code, 1);
		const caseId = await flagCase(p, own!.id);
		expect((await casePage(caseId)).events).toEqual([own!.id]);

		await actOk(caseId, 'link', { event_id: extra!.id.toUpperCase(), subject_code: other.code.slice(2) });
		const view = await casePage(caseId);
		expect(view.events.sort()).toEqual([own!.id, extra!.id].sort());
		// The officials' identities beside the events.
		expect(view.html).toContain(`href="/oversight/officials/${OFFICIAL}"`);
		expect(view.html).toContain(KADRI.name);

		const again = await act(caseId, 'link', { event_id: extra!.id, subject_code: other.code });
		expect(again.status).toBe(400);
		expect(again.html).toContain('This event is already linked to the case.');
		const wrongPerson = await act(caseId, 'link', { event_id: own!.id, subject_code: other.code });
		expect(wrongPerson.status).toBe(400);
		const unknown = await act(caseId, 'link', { event_id: crypto.randomUUID(), subject_code: p.code });
		expect(unknown.status).toBe(400);
		expect(unknown.html).toContain('There is no event with this id about this person.');
		const malformed = await act(caseId, 'link', { event_id: 'nope', subject_code: 'EE123' });
		expect(malformed.status).toBe(400);
		expect(malformed.html).toContain('Give the event’s id');
		expect(malformed.html).toContain('Give the person’s code with its country prefix');
		expect(malformed.html).toMatch(/<input id="link-event-id"[^>]*value="nope"[^>]*aria-invalid="true"/);

		const ownUnlink = await act(caseId, 'unlink', { event_id: own!.id, subject_code: p.code });
		expect(ownUnlink.status).toBe(400);
		expect(ownUnlink.html).toContain('The case’s own event stays linked.');
		await actOk(caseId, 'unlink', { event_id: extra!.id, subject_code: other.code });
		expect((await casePage(caseId)).events).toEqual([own!.id]);
		const notLinked = await act(caseId, 'unlink', { event_id: extra!.id, subject_code: other.code });
		expect(notLinked.status).toBe(400);
		expect(notLinked.html).toContain('This event is not linked to the case.');
		// Linked again after the unlink.
		await actOk(caseId, 'link', { event_id: extra!.id, subject_code: other.code });
		expect((await casePage(caseId)).events.sort()).toEqual([own!.id, extra!.id].sort());
	});

	it('shows the case’s own event for a case opened before links were written', async () => {
		const view = await casePage(legacy.caseId);
		expect(view.events).toEqual([legacy.eventId]);
	});

	it('records the case review on each person’s timeline, with the case reference', async () => {
		const p = await newPerson();
		const [own] = await eventsOf(p.code, 1);
		const caseId = await flagCase(p, own!.id);
		await casePage(caseId);
		await lookupsCommitted(server);
		const exported = (await fetch(`${server.url}/me/export.json`, { headers: { cookie: p.cookie } }).then((r) => r.json())) as {
			events: { agency_code: string; action: string; purpose_code: string }[];
		};
		expect(exported.events.filter((e) => e.agency_code === '70004235' && e.action === 'Case review' && e.purpose_code === 'AKI-OVERSIGHT').length).toBeGreaterThanOrEqual(1);
	});
});

describe('opening a case from an alert', () => {
	it('opens one case for the alert however often it is asked, with every evidence event linked', async () => {
		const results = await Promise.all([1, 2, 3].map(() => post('/oversight/cases/from-alert', auditor, { alert_id: alertId })));
		expect(results.map((r) => r.status)).toEqual([303, 303, 303]);
		expect(new Set(results.map((r) => r.location)).size).toBe(1);
		const caseId = /^\/oversight\/cases\/([0-9a-f-]{36})$/.exec(results[0]!.location!)![1]!;
		const view = await casePage(caseId);
		expect(view.state).toBe('new');
		expect(view.events.sort()).toEqual(alertEvidence.map((e) => e.id).sort());
		expect(view.html).toContain(`href="/oversight/alerts/${alertId}"`);
		expect(view.html).toContain(alertEvidence[0]!.subject);
		expect((await caseList('?source=alert')).cases.filter((c) => c.id === caseId)).toHaveLength(1);
	});

	it('answers 400 for a malformed alert id and 404 for an unknown alert', async () => {
		expect((await post('/oversight/cases/from-alert', auditor, { alert_id: 'nope' })).status).toBe(400);
		expect((await post('/oversight/cases/from-alert', auditor, {})).status).toBe(400);
		expect((await post('/oversight/cases/from-alert', auditor, { alert_id: crypto.randomUUID() })).status).toBe(404);
	});
});

describe('the evidence', () => {
	async function waitForCheckpoint(index: number): Promise<void> {
		const deadline = Date.now() + 20_000;
		for (;;) {
			const size = Number((await (await fetch(`${server.url}/ledger/checkpoint`)).text()).split('\n')[1]);
			if (size > index) return;
			if (Date.now() > deadline) throw new Error(`no checkpoint covers ${index}`);
			await new Promise((r) => setTimeout(r, 250));
		}
	}

	it('has the case, its history with notes, the flags and each linked event with the official and a proof that verifies', async () => {
		const p = await newPerson();
		const [own] = await eventsOf(p.code, 1, { visibility: 'restricted' });
		const other = await newPerson();
		const [extra] = await eventsOf(other.code, 1, { visibility: 'sealed', disclose_after: '2099-01-01T00:00:00Z' });
		const caseId = await flagCase(p, own!.id, '=HYPERLINK("http://evil.example")');
		await actOk(caseId, 'take');
		await actOk(caseId, 'note', { note: '+1 the officer, "quoted", line\nbreak' });
		await actOk(caseId, 'link', { event_id: extra!.id, subject_code: other.code });
		await waitForCheckpoint(Math.max(own!.index, extra!.index));
		const key = (await (await fetch(`${server.url}/ledger/key`)).text()).trim();

		const res = await get(`/oversight/cases/${caseId}/evidence.json`, auditor);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		expect(res.headers.get('content-disposition')).toContain(`case-${caseId}`);
		const ev = (await res.json()) as {
			format: string;
			exported_by: string;
			case: Record<string, string>;
			history: { seq: number; note: string; assignee: string }[];
			links: { event_id: string; change: string }[];
			flags: { comment: string; flagged_by: string }[];
			events: { event_id: string; actor_code: string; visibility: string; case_ref: string; ledger_index: number; official: { name: string; jobs: unknown[] } | null; proof: unknown }[];
			checkpoint: { size: number; note: string; key: string };
		};
		expect(ev.format).toBe('peegel-case-evidence/1');
		expect(ev.exported_by).toBe(AUDITOR);
		expect(ev.case).toMatchObject({ case_id: caseId, case_ref: `AKI-CASE-${caseId}`, source: 'flag', event_id: own!.id, subject_code: p.code, opened_by: p.code, state: 'new', assignee: AUDITOR });
		expect(ev.history.map((h) => h.seq)).toEqual([1, 2, 3]);
		expect(ev.history[2]!.note).toBe('+1 the officer, "quoted", line\nbreak');
		expect(ev.links.map((l) => [l.event_id, l.change])).toEqual([
			[own!.id, 'link'],
			[extra!.id, 'link']
		]);
		expect(ev.flags).toEqual([expect.objectContaining({ comment: '=HYPERLINK("http://evil.example")', flagged_by: p.code })]);
		expect(ev.events.map((e) => e.event_id).sort()).toEqual([own!.id, extra!.id].sort());
		expect(ev.checkpoint.key).toBe(key);
		for (const e of ev.events) {
			expect(e.actor_code).toBe(OFFICIAL);
			expect(e.case_ref).toBe('POL-2026-17');
			expect(e.official?.name).toBe(KADRI.name);
			expect(e.official?.jobs.length).toBeGreaterThan(0);
			const checked = checkEvidenceProof(e.proof, key);
			expect(checked.problem).toBeNull();
			expect(checked.leaf!.index).toBe(e.ledger_index);
			expect(checked.checkpoint!.size).toBe(ev.checkpoint.size);
		}
		expect(ev.events.map((e) => e.visibility).sort()).toEqual(['restricted', 'sealed']);
		// Offline, with the command-line checkers: the whole file, and one event's bundle as a citizen's is.
		const file = path.join(dataDir, 'evidence.json');
		writeFileSync(file, JSON.stringify(ev));
		const whole = await script('scripts/ledger-check-evidence.ts', file, '--key', key);
		expect(whole.status, whole.stderr).toBe(0);
		expect(whole.stdout).toContain(`2 of 2 events verified against the checkpoint of ${ev.checkpoint.size} entries`);
		const bundleFile = path.join(dataDir, 'bundle.json');
		writeFileSync(bundleFile, JSON.stringify((ev.events[0]!.proof as { bundle: unknown }).bundle));
		const one = await script('scripts/ledger-check-bundle.ts', bundleFile, '--key', key);
		expect(one.status, one.stderr).toBe(0);
		expect(one.stdout).toContain('VERIFIED');
		// A changed official does not verify.
		const forged = structuredClone(ev.events[0]!.proof) as { oversight: { actor_code: string } };
		forged.oversight.actor_code = 'EE37001010000';
		expect(checkEvidenceProof(forged, key).problem).toContain('not the ones committed');
		writeFileSync(file, JSON.stringify({ ...ev, events: [{ ...ev.events[0], proof: forged }] }));
		const tampered = await script('scripts/ledger-check-evidence.ts', file, '--key', key);
		expect(tampered.status).toBe(1);
		expect(tampered.stdout).toContain('NOT VERIFIED');

		// The CSV: the same evidence, RFC 4180, formulas neutralised, proofs in hex.
		const csvRes = await get(`/oversight/cases/${caseId}/evidence.csv`, auditor);
		expect(csvRes.status).toBe(200);
		expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csvRes.arrayBuffer());
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const [header, ...records] = parseCsv(text.slice(1));
		expect(header).toEqual([...EVIDENCE_COLUMNS]);
		const col = (r: string[], name: (typeof EVIDENCE_COLUMNS)[number]) => r[EVIDENCE_COLUMNS.indexOf(name)]!;
		expect(records.map((r) => r[0])).toEqual(['case', 'history', 'history', 'history', 'link', 'link', 'flag', 'event', 'event', 'checkpoint']);
		expect(col(records[3]!, 'note')).toBe("'+1 the officer, \"quoted\", line\nbreak");
		expect(col(records[6]!, 'note')).toBe('\'=HYPERLINK("http://evil.example")');
		const checkpointRecord = records.at(-1)!;
		const note = col(checkpointRecord, 'checkpoint');
		// Signed by the log's key (the JSON download before was a look-up too: the log has grown since).
		expect(verifyNote(parseNote(note), parseVerifierKey(key))).toEqual({ ok: true });
		expect(col(checkpointRecord, 'key')).toBe(key);
		const checkpoint = parseCheckpoint(parseNote(note).text);
		expect(Number(col(checkpointRecord, 'tree_size'))).toBe(checkpoint.size);
		const root = checkpoint.root;
		for (const r of records.filter((x) => x[0] === 'event')) {
			expect(Number(col(r, 'tree_size'))).toBe(checkpoint.size);
			expect(col(r, 'official_name')).toBe(KADRI.name);
			expect(col(r, 'actor_code')).toBe(OFFICIAL);
			const verdict = verifyInclusion(
				Number(col(r, 'ledger_index')),
				checkpoint.size,
				hashLeaf(decodeHex(col(r, 'leaf'))),
				col(r, 'inclusion_proof').split(' ').filter(Boolean).map(decodeHex),
				root
			);
			expect(verdict).toEqual({ ok: true });
		}

		// The export is a look-up of each person's events, on their timelines.
		await lookupsCommitted(server);
		const exported = (await fetch(`${server.url}/me/export.json`, { headers: { cookie: other.cookie } }).then((r) => r.json())) as {
			events: { agency_code: string; action: string }[];
		};
		expect(exported.events.some((e) => e.agency_code === '70004235' && e.action === 'Case evidence export')).toBe(true);
	});

	it('answers 404 for an unknown case', async () => {
		expect((await get(`/oversight/cases/${crypto.randomUUID()}/evidence.json`, auditor)).status).toBe(404);
		expect((await get(`/oversight/cases/nope/evidence.csv`, auditor)).status).toBe(404);
	});
});

describe('access', () => {
	it('keeps everyone but auditors out of every page, download, endpoint and action, writing nothing', async () => {
		const p = await newPerson();
		const [ev] = await eventsOf(p.code, 1);
		const caseId = await flagCase(p, ev!.id);
		const before = await casePage(caseId);
		const pages = ['/oversight/cases', `/oversight/cases/${caseId}`];
		const downloads = [`/oversight/cases/${caseId}/evidence.csv`, `/oversight/cases/${caseId}/evidence.json`];
		const forms: [string, Record<string, string>][] = [
			[`/oversight/cases/${caseId}?/take`, {}],
			[`/oversight/cases/${caseId}?/assign`, { assignee: AUDITOR }],
			[`/oversight/cases/${caseId}?/note`, { note: 'not mine to write' }],
			[`/oversight/cases/${caseId}?/step`, { state: 'investigating' }],
			[`/oversight/cases/${caseId}?/link`, { event_id: ev!.id, subject_code: p.code }],
			[`/oversight/cases/${caseId}?/unlink`, { event_id: ev!.id, subject_code: p.code }],
			['/oversight/cases/from-alert', { alert_id: alertId }]
		];
		for (const url of pages) {
			const res = await get(url, null);
			expect(res.status, url).toBe(303);
			expect(res.headers.get('location'), url).toMatch(/^\/auth\/demo\?next=/);
		}
		for (const url of downloads) expect((await get(url, null)).status, url).toBe(401);
		for (const [url, fields] of forms) {
			// A form sent without JavaScript is sent to sign in (the section's layout renders
			// the refusal); the same action called as the page's script calls it gets 401.
			const html = await post(url, null, fields);
			if (url.includes('?/')) {
				expect(html.status, url).toBe(303);
				expect(html.location, url).toMatch(/^\/auth\/demo\?next=/);
				expect((await post(url, null, fields, 'application/json')).status, url).toBe(401);
			} else expect(html.status, url).toBe(401);
		}
		for (const [who, cookie] of [['citizen', p.cookie], ...Object.entries(others)] as const) {
			for (const url of [...pages, ...downloads]) expect((await get(url, cookie)).status, `${who} GET ${url}`).toBe(403);
			for (const [url, fields] of forms) {
				expect((await post(url, cookie, fields)).status, `${who} POST ${url}`).toBe(403);
				expect((await post(url, cookie, fields, 'application/json')).status, `${who} POST ${url} (script)`).toBe(403);
			}
		}
		const after = await casePage(caseId);
		expect(after.history).toEqual(before.history);
		expect(after.events).toEqual(before.events);
		// Nobody but the auditor's views was recorded on the person's timeline.
		await lookupsCommitted(server);
		const exported = (await fetch(`${server.url}/me/export.json`, { headers: { cookie: p.cookie } }).then((r) => r.json())) as {
			events: { agency_code: string; action: string }[];
		};
		expect(exported.events.filter((e) => e.agency_code === '70004235')).toHaveLength(2);
	});
});
