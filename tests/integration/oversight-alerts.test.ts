/**
 * The auditors' alerts and protected list against the built server. Officials' look-ups
 * are ingested through the API; alerts naming them are written as detection writes them
 * (one per rule, at known detection and evidence times) while the server is stopped. Then:
 * the queue's filters and keyset pages (page and JSON, 400s naming the parameter), an
 * alert's page (evidence with officials, the look-up on each person's timeline), triage
 * (validated, appended in order, concurrent decisions with distinct seq), the protected
 * list (add, remove, history), who may reach each route and form action, and finally the
 * tables themselves: every decision and change kept, none rewritten, and an official's rule hits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RULE_IDS, SEVERITIES, type RuleId, type Severity } from '../../src/lib/oversight/rules';
import { generateReference } from '../../src/lib/server/seed/reference';
import { alertRow, writeAlerts, type AlertSpec, type EvidenceEvent } from '../support/alerts';
import { ingest } from '../support/api';
import { lookupsCommitted } from '../support/lookups';
import { newEvent, newSubject } from '../support/data';
import { startTestServer, type TestServer } from '../support/server';

// The server's data directory, which this process opens itself while the server is stopped.
const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-oversight-alerts-'));
process.env.PEEGEL_DATA_DIR = dataDir;
delete process.env.CLICKHOUSE_URL;
delete process.env.PEEGEL_MIGRATIONS_DIR;

const reference = generateReference({ people: 200, seed: 2026 });
const personaCodes = new Set(reference.personas.map((p) => p.personal_code.replace(/^EE/, '')));
const officials = reference.officials.filter((o) => !personaCodes.has(o.personal_code) && o.employed_to === null);
const officialCodes = new Set(reference.officials.map((o) => o.personal_code));
const people = reference.people.filter((p) => !personaCodes.has(p.personal_code) && !officialCodes.has(p.personal_code));
const nameOf = (code: string) => {
	const p = reference.people.find((x) => x.personal_code === code.replace(/^EE/, ''))!;
	return `${p.first_name} ${p.last_name}`;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

let server: TestServer;
let auditor: string;
const cookies: Record<string, string> = {};

interface Planted {
	id: string;
	rule: RuleId;
	severity: Severity;
	actor: string;
	subject: string;
	detectedAt: string;
	events: EvidenceEvent[];
}
const planted: Planted[] = [];
const byRule = (rule: RuleId) => planted.find((p) => p.rule === rule)!;

/** Ingest manual events of an official (at their agency) about people, at given times. */
async function lookups(official: (typeof officials)[number], refs: { subject: string; at: number }[]): Promise<EvidenceEvent[]> {
	const key = await server.agencyKey(official.agency_code);
	const events = refs.map((r) => newEvent(official.agency_code, r.subject, { actor_code: `EE${official.personal_code}`, logged_at: iso(r.at), case_ref: '' }));
	const res = await ingest(server, key, events);
	expect(res.status, JSON.stringify(res.body)).toBe(200);
	return events.map((e) => ({ event_id: String(e.event_id), subject_code: String(e.subject_code), logged_at: String(e.logged_at) }));
}

beforeAll(async () => {
	server = await startTestServer({}, { dataDir });
	const [o1, o2, o3, o4, o5] = officials;
	const person = (i: number) => `EE${people[i]!.personal_code}`;
	const ee = (o: (typeof officials)[number]) => `EE${o.personal_code}`;

	// One finding per rule: detected a day apart (the newest first: index 0), evidence
	// shortly before detection, except off-hours, whose evidence is three weeks old.
	const findings: { rule: RuleId; severity: Severity; official: (typeof officials)[number] | null; subject: string; refs: { official: (typeof officials)[number]; subject: string }[]; detail: Record<string, unknown> }[] = [
		{ rule: 'self-lookup', severity: 'high', official: o1!, subject: ee(o1!), refs: [{ official: o1!, subject: ee(o1!) }], detail: {} },
		{ rule: 'relative-lookup', severity: 'medium', official: o2!, subject: person(0), refs: [{ official: o2!, subject: person(0) }], detail: { link: 'surname', surname: 'Tamm', holders: 12 } },
		{ rule: 'protected-person', severity: 'medium', official: o3!, subject: person(1), refs: [{ official: o3!, subject: person(1) }], detail: {} },
		{ rule: 'no-case-ref', severity: 'medium', official: o4!, subject: person(2), refs: [{ official: o4!, subject: person(2) }], detail: {} },
		{ rule: 'off-hours', severity: 'low', official: o5!, subject: '', refs: [{ official: o5!, subject: person(3) }], detail: { usual_share: 0.01 } },
		{
			rule: 'volume-spike',
			severity: 'medium',
			official: o1!,
			subject: '',
			refs: [4, 5, 6].map((i) => ({ official: o1!, subject: person(i) })),
			detail: { count: 3, baseline_mean: 0.5, baseline_sd: 0.4, peer_p99: 2 }
		},
		{ rule: 'many-officials', severity: 'medium', official: null, subject: person(7), refs: [o1!, o2!, o3!].map((o) => ({ official: o, subject: person(7) })), detail: { officials: 3 } },
		{ rule: 'consecutive-codes', severity: 'high', official: o2!, subject: '', refs: [8, 9].map((i) => ({ official: o2!, subject: person(i) })), detail: { run: 2 } },
		{ rule: 'after-employment', severity: 'high', official: o3!, subject: person(10), refs: [{ official: o3!, subject: person(10) }], detail: { employed_to: '2025-09-01' } }
	];
	expect(findings.map((f) => f.rule).sort()).toEqual([...RULE_IDS].sort());

	const rows: Record<string, unknown>[] = [];
	for (const [i, f] of findings.entries()) {
		const detectedAt = now - (i + 1) * DAY;
		const evidenceAt = f.rule === 'off-hours' ? now - 21 * DAY : detectedAt - 2 * HOUR;
		const events: EvidenceEvent[] = [];
		for (const [j, r] of f.refs.entries()) events.push(...(await lookups(r.official, [{ subject: r.subject, at: evidenceAt + j * 60_000 }])));
		const spec: AlertSpec = {
			rule: f.rule,
			severity: f.severity,
			actor_code: f.official ? ee(f.official) : '',
			agency_code: (f.official ?? f.refs[0]!.official).agency_code,
			subject_code: f.subject,
			events,
			detail: f.detail,
			detected_at: iso(detectedAt)
		};
		const row = alertRow(spec);
		rows.push(row);
		planted.push({ id: row.alert_id, rule: f.rule, severity: f.severity, actor: spec.actor_code, subject: f.subject, detectedAt: iso(detectedAt), events });
	}

	await server.stop({ keepData: true });
	await writeAlerts(rows);
	server = await startTestServer({}, { dataDir });
	for (const who of ['auditor', 'jaan', 'analyst', 'agency']) cookies[who] = await server.signIn(who);
	auditor = `EE${reference.personas.find((p) => p.key === 'auditor')!.personal_code.replace(/^EE/, '')}`;
}, 240_000);

afterAll(async () => {
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

interface JsonAlert {
	alert_id: string;
	rule: string;
	severity: string;
	official: string;
	person: string;
	agency: string;
	event_ids: string[];
	event_subjects: string[];
	first_at: string;
	last_at: string;
	detail: Record<string, unknown>;
	detected_at: string;
	triage: { seq: number; decision: string; reason: string; actor: string; at: string } | null;
}

async function alertsJson(query: string, who = 'auditor'): Promise<{ status: number; body: { alerts: JsonAlert[]; next: string | null; error?: string; parameter?: string } }> {
	const res = await fetch(`${server.url}/oversight/alerts.json${query ? `?${query}` : ''}`, { headers: cookies[who] ? { cookie: cookies[who] } : {} });
	return { status: res.status, body: await res.json() };
}

/** Every alert matching a query, following `next` (limit per page). */
async function allAlerts(query: string, limit = 500): Promise<JsonAlert[]> {
	const out: JsonAlert[] = [];
	let after: string | null = null;
	for (let i = 0; i < 100; i++) {
		const q = new URLSearchParams(query);
		q.set('limit', String(limit));
		if (after) q.set('after', after);
		const r = await alertsJson(q.toString());
		expect(r.status, JSON.stringify(r.body)).toBe(200);
		out.push(...r.body.alerts);
		after = r.body.next;
		if (!after) return out;
	}
	throw new Error('too many pages');
}

const mine = (alerts: JsonAlert[]) => alerts.filter((a) => planted.some((p) => p.id === a.alert_id)).map((a) => a.alert_id);

async function page(pathname: string, who = 'auditor'): Promise<{ status: number; html: string; location: string | null }> {
	const headers: Record<string, string> = { accept: 'text/html', 'accept-language': 'en' };
	if (cookies[who]) headers.cookie = cookies[who];
	const res = await fetch(`${server.url}${pathname}`, { headers, redirect: 'manual' });
	return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

async function post(pathname: string, fields: Record<string, string>, who = 'auditor', accept = 'text/html'): Promise<{ status: number; html: string; location: string | null }> {
	const headers: Record<string, string> = { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept, 'accept-language': 'en' };
	if (cookies[who]) headers.cookie = cookies[who];
	const res = await fetch(`${server.url}${pathname}`, { method: 'POST', headers, body: new URLSearchParams(fields), redirect: 'manual' });
	return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

const triage = (id: string, decision: string, reason: string, who = 'auditor') => post(`/oversight/alerts/${id}?/triage`, { decision, reason }, who);

describe('the alert queue', () => {
	it('lists every rule’s alert, newest detection first, with what the JSON promises', async () => {
		const all = await allAlerts('');
		expect(mine(all)).toEqual(planted.map((p) => p.id));
		const times = all.map((a) => a.detected_at);
		expect(times).toEqual([...times].sort().reverse());
		const selfLookup = all.find((a) => a.alert_id === byRule('self-lookup').id)!;
		const p = byRule('self-lookup');
		expect(selfLookup).toMatchObject({
			rule: 'self-lookup',
			severity: 'high',
			official: p.actor,
			person: p.actor,
			event_ids: p.events.map((e) => e.event_id),
			event_subjects: p.events.map((e) => e.subject_code),
			first_at: p.events[0]!.logged_at,
			detected_at: p.detectedAt,
			triage: null
		});
		const spike = all.find((a) => a.alert_id === byRule('volume-spike').id)!;
		expect(spike.detail).toEqual({ count: 3, baseline_mean: 0.5, baseline_sd: 0.4, peer_p99: 2 });
		expect(spike.event_ids).toHaveLength(3);
		expect(spike.last_at > spike.first_at).toBe(true);
	});

	it('filters by rule and by severity', async () => {
		for (const rule of RULE_IDS) {
			const got = await allAlerts(`rule=${rule}`);
			expect(got.every((a) => a.rule === rule), rule).toBe(true);
			expect(mine(got), rule).toEqual([byRule(rule).id]);
		}
		for (const severity of SEVERITIES) {
			const got = await allAlerts(`severity=${severity}`);
			expect(got.every((a) => a.severity === severity)).toBe(true);
			expect(mine(got)).toEqual(planted.filter((p) => p.severity === severity).map((p) => p.id));
		}
		expect(mine(await allAlerts('rule=consecutive-codes&severity=medium'))).toEqual([]);
	});

	it('filters by period, of detection or of the evidence', async () => {
		const offHours = byRule('off-hours');
		const window = (at: string, by = '') => `from=${encodeURIComponent(iso(Date.parse(at) - HOUR))}&to=${encodeURIComponent(iso(Date.parse(at) + HOUR))}${by}`;
		expect(mine(await allAlerts(window(offHours.detectedAt)))).toEqual([offHours.id]);
		// Its evidence is three weeks older than its detection.
		expect(mine(await allAlerts(window(offHours.events[0]!.logged_at)))).toEqual([]);
		expect(mine(await allAlerts(window(offHours.events[0]!.logged_at, '&by=evidence')))).toEqual([offHours.id]);
		expect(mine(await allAlerts(window(offHours.detectedAt, '&by=evidence')))).toEqual([]);
		// Evidence overlapping the period counts: the spike's three events span two minutes.
		const spike = byRule('volume-spike');
		const middle = Date.parse(spike.events[1]!.logged_at);
		expect(mine(await allAlerts(`from=${iso(middle)}&to=${iso(middle + 1000)}&by=evidence`))).toEqual([spike.id]);
		// Whole Tallinn days: detected more than 30 days ago there is nothing of ours.
		expect(mine(await allAlerts(`to=${iso(now - 30 * DAY).slice(0, 10)}`))).toEqual([]);
	});

	it('pages by keyset without losing or repeating an alert', async () => {
		// Up to yesterday: detection, running meanwhile, may add today's alerts at the top.
		const until = `to=${new Date(now - DAY).toLocaleDateString('sv-SE', { timeZone: 'Europe/Tallinn' })}`;
		const all = await allAlerts(until);
		const paged = await allAlerts(until, 2);
		expect(paged.map((a) => a.alert_id)).toEqual(all.map((a) => a.alert_id));
		const first = await alertsJson(`${until}&limit=3`);
		expect(first.body.alerts).toHaveLength(3);
		expect(first.body.next).toMatch(/^\d+-[0-9a-f-]{36}$/);
		const second = await alertsJson(`${until}&limit=3&after=${first.body.next}`);
		expect(second.body.alerts[0]!.alert_id).toBe(all[3]!.alert_id);
	});

	it('answers a bad parameter with 400 naming it', async () => {
		const bad: [string, string][] = [
			['rule=peeking', 'rule'],
			['severity=extreme', 'severity'],
			['state=done', 'state'],
			['from=2026-02-30', 'from'],
			['to=yesterday', 'to'],
			['from=2026-03-05&to=2026-03-01', 'to'],
			['by=whenever', 'by'],
			['after=page-2', 'after'],
			['limit=0', 'limit'],
			['limit=501', 'limit'],
			['limit=ten', 'limit']
		];
		for (const [query, parameter] of bad) {
			const r = await alertsJson(query);
			expect(r.status, query).toBe(400);
			expect(r.body.parameter, query).toBe(parameter);
			expect(r.body.error, query).toContain(parameter);
		}
	});

	it('shows the queue page with counts per rule, filters, and bad filters named and left out', async () => {
		const rule = byRule('consecutive-codes');
		const r = await page('/oversight/alerts?lang=en&rule=consecutive-codes');
		expect(r.status).toBe(200);
		expect(r.html).toContain(`data-alert-id="${rule.id}"`);
		expect(r.html).not.toContain(`data-alert-id="${byRule('self-lookup').id}"`);
		expect(r.html).toContain('Alerts per rule');
		expect(r.html).toContain('Consecutive personal codes');
		// Severity is written out, not only coloured.
		expect(r.html).toMatch(/class="severity high[^"]*"><span aria-hidden="true">▲<\/span> High/);

		const bad = await page('/oversight/alerts?lang=en&rule=peeking&severity=high');
		expect(bad.status).toBe(200);
		expect(bad.html).toContain('Some filters could not be used and were left out');
		expect(bad.html).toContain('choose one of the rules');
		expect(bad.html).toContain(`data-alert-id="${byRule('after-employment').id}"`);
		expect(bad.html).not.toContain(`data-alert-id="${byRule('relative-lookup').id}"`);

		for (const [lang, title] of [['et', 'Hoiatused'], ['ru', 'Предупреждения']]) {
			const t = await page(`/oversight/alerts?lang=${lang}`);
			expect(t.html).toContain(`<h1>${title}</h1>`);
			expect(t.html).toContain(lang === 'et' ? 'Järjestikused isikukoodid' : 'Последовательные личные коды');
		}
	});
});

describe('one alert', () => {
	it('shows its rule, measured values and evidence with the officials’ identities and links', async () => {
		for (const p of planted) {
			const r = await page(`/oversight/alerts/${p.id}?lang=en`);
			expect(r.status, p.rule).toBe(200);
			for (const e of p.events) expect(r.html, p.rule).toContain(`data-event-id="${e.event_id}"`);
			expect(r.html).toContain('action="/oversight/cases/from-alert"');
			expect(r.html).toContain(`name="alert_id" value="${p.id}"`);
		}
		const relative = byRule('relative-lookup');
		const r = await page(`/oversight/alerts/${relative.id}?lang=en`);
		expect(r.html).toContain('<h1>Alert: Relative looked up</h1>');
		expect(r.html).toContain('People with this surname');
		expect(r.html).toContain('Tamm');
		const ref = `AKI-ALERT-${relative.id}`;
		expect(r.html).toContain(`href="/oversight/officials/${relative.actor}?case=${ref}"`);
		expect(r.html).toContain(`href="/oversight?person=${relative.subject}&amp;case=${ref}"`);
		expect(r.html).toContain(nameOf(relative.actor));
		expect(r.html).toContain(nameOf(relative.subject));

		expect((await page(`/oversight/alerts/${crypto.randomUUID()}`)).status).toBe(404);
		expect((await page('/oversight/alerts/not-an-alert')).status).toBe(404);
	});

	it('records the look-up on each person’s timeline before showing their events', async () => {
		const spike = byRule('volume-spike');
		const subjects = [...new Set(spike.events.map((e) => e.subject_code))];
		const oversightUses = async (subject: string) => {
			const cookie = await server.signIn(subject.slice(2));
			const html = await (await fetch(`${server.url}/me?lang=en&each=1`, { headers: { cookie } })).text();
			// Timeline rows (one per use) whose purpose is the oversight body's.
			return html.split(/<tr\b/).filter((row) => row.includes('Supervising how authorities use your data')).length;
		};
		// Look-ups journaled by earlier page views, committed before counting.
		await lookupsCommitted(server);
		const before = await Promise.all(subjects.map(oversightUses));
		expect((await page(`/oversight/alerts/${spike.id}?lang=en`)).status).toBe(200);
		await lookupsCommitted(server);
		const after = await Promise.all(subjects.map(oversightUses));
		for (const [i, s] of subjects.entries()) expect(after[i], s).toBe(before[i]! + 1);
		// The queue and the JSON name people but show no events: nothing is recorded for them.
		await page('/oversight/alerts');
		await alertsJson('');
		expect(await Promise.all(subjects.map(oversightUses))).toEqual(after);
	});
});

describe('triage', () => {
	it('appends decisions in order and shows the latest as the alert’s state', async () => {
		const a = byRule('no-case-ref');
		const first = await triage(a.id, 'incident', 'Looked up without any case: asked the agency');
		expect(first.status, first.html.slice(0, 300)).toBe(303);
		expect(first.location).toBe(`/oversight/alerts/${a.id}?triaged=1#triage-history`);
		const second = await triage(a.id, 'explained', 'The agency produced the case file (2026-117)');
		expect(second.location).toBe(`/oversight/alerts/${a.id}?triaged=2#triage-history`);

		const html = (await page(`/oversight/alerts/${a.id}?lang=en&triaged=2`)).html;
		expect(html).toContain('Decision no. 2 recorded.');
		expect(html).toMatch(/data-seq="1"[\s\S]*Incident[\s\S]*Looked up without any case[\s\S]*data-seq="2"[\s\S]*Explained[\s\S]*case file \(2026-117\)/);

		const listed = (await allAlerts('rule=no-case-ref')).find((x) => x.alert_id === a.id)!;
		expect(listed.triage).toMatchObject({ seq: 2, decision: 'explained', reason: 'The agency produced the case file (2026-117)', actor: auditor });
		expect(mine(await allAlerts('state=explained'))).toContain(a.id);
		expect(mine(await allAlerts('state=incident'))).not.toContain(a.id);
		expect(mine(await allAlerts('state=untriaged'))).not.toContain(a.id);
		expect(mine(await allAlerts('state=untriaged'))).toContain(byRule('self-lookup').id);
	});

	it('refuses a decision without a choice or a reason (400 naming it), and stores nothing', async () => {
		const a = byRule('after-employment');
		const none = await triage(a.id, '', 'Some reason');
		expect(none.status).toBe(400);
		expect(none.html).toContain('Choose a decision.');
		const short = await triage(a.id, 'incident', ' ab ');
		expect(short.status).toBe(400);
		expect(short.html).toContain('Give a reason of at least 3 characters.');
		expect(short.html).toContain('aria-invalid="true"');
		const long = await triage(a.id, 'incident', 'x'.repeat(2001));
		expect(long.status).toBe(400);
		expect(long.html).toContain('Shorten the reason to at most 2,000 characters.');
		const made = await triage(a.id, 'untriaged', 'Trying to undo a decision');
		expect(made.status).toBe(400);
		expect((await triage(crypto.randomUUID(), 'incident', 'No such alert')).status).toBe(404);
		expect((await allAlerts('rule=after-employment')).find((x) => x.alert_id === a.id)!.triage).toBeNull();
	});

	it('gives concurrent decisions on one alert distinct, consecutive seq', async () => {
		const a = byRule('many-officials');
		const results = await Promise.all(Array.from({ length: 8 }, (_, i) => triage(a.id, i % 2 ? 'false_positive' : 'incident', `Auditor click number ${i}`)));
		const seqs = results.map((r) => {
			expect(r.status).toBe(303);
			return Number(/triaged=(\d+)/.exec(r.location ?? '')![1]);
		});
		expect(seqs.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect((await allAlerts('rule=many-officials')).find((x) => x.alert_id === a.id)!.triage!.seq).toBe(8);
	});
});

describe('the protected list', () => {
	const [journalist, politician] = [people[20]!, people[21]!];
	const list = async () => (await page('/oversight/protected?lang=en')).html;
	/** How many are on the list, from its heading (the demo data may protect people of its own). */
	const onList = (html: string) => Number(/On the list: (\d+) (?:person|people)/.exec(html)?.[1] ?? NaN);

	it('adds a person with a category and note, refuses bad or repeated additions, and removes with a note', async () => {
		const before = onList(await list());
		expect(Number.isInteger(before)).toBe(true);
		const added = await post('/oversight/protected?/add', { personal_code: journalist.personal_code, category: 'journalist', note: 'Investigative reporter at a national daily' });
		expect(added.status, added.html.slice(0, 300)).toBe(303);
		expect(added.location).toBe(`/oversight/protected?added=EE${journalist.personal_code}`);
		expect((await post('/oversight/protected?/add', { personal_code: `EE${politician.personal_code}`, category: 'politician', note: 'Member of parliament' })).status).toBe(303);
		let html = await list();
		expect(html).toContain(`data-code="EE${journalist.personal_code}"`);
		expect(html).toContain(`${journalist.first_name} ${journalist.last_name}`);
		expect(html).toContain('Investigative reporter at a national daily');
		expect(onList(html)).toBe(before + 2);

		const refused: [Record<string, string>, string][] = [
			[{ personal_code: journalist.personal_code, category: 'journalist', note: 'Again' }, 'This person is already on the list.'],
			[{ personal_code: '38001085719', category: 'journalist', note: 'Bad check digit' }, 'Enter a valid Estonian personal code (11 digits).'],
			[{ personal_code: newSubject().slice(2), category: 'celebrity', note: 'Not in the register' }, 'This personal code is not in the population register.'],
			[{ personal_code: people[22]!.personal_code, category: '', note: 'No category' }, 'Choose a category.'],
			[{ personal_code: people[22]!.personal_code, category: 'other', note: 'x' }, 'Write a note of at least 3 characters.']
		];
		for (const [fields, message] of refused) {
			const r = await post('/oversight/protected?/add', fields);
			expect(r.status, message).toBe(400);
			expect(r.html, message).toContain(message);
		}

		expect((await post('/oversight/protected?/remove', { personal_code: `EE${politician.personal_code}`, note: '' })).status).toBe(400);
		const removed = await post('/oversight/protected?/remove', { personal_code: `EE${politician.personal_code}`, note: 'Left parliament' });
		expect(removed.status).toBe(303);
		const again = await post('/oversight/protected?/remove', { personal_code: `EE${politician.personal_code}`, note: 'Left parliament' });
		expect(again.status).toBe(400);
		expect(again.html).toContain('This person is not on the list.');

		html = await list();
		expect(html).not.toContain(`data-code="EE${politician.personal_code}"`);
		expect(onList(html)).toBe(before + 1);
		// History, newest first: removed, then the two additions.
		const history = html.slice(html.indexOf('Changes to the list'));
		expect(history).toMatch(/Removed[\s\S]*Left parliament[\s\S]*Added[\s\S]*Member of parliament[\s\S]*Added[\s\S]*Investigative reporter/);
		for (const lang of ['et', 'ru']) expect((await page(`/oversight/protected?lang=${lang}`)).status).toBe(200);
	});
});

describe('who may reach the alerts and the protected list', () => {
	it('sends the signed-out to sign in (pages, forms) or answers 401 (JSON, scripted form posts); citizens, analysts and agency users get 403', async () => {
		const a = byRule('self-lookup');
		const pages = ['/oversight/alerts', `/oversight/alerts/${a.id}`, '/oversight/protected'];
		const json = '/oversight/alerts.json';
		const actions: [string, Record<string, string>][] = [
			[`/oversight/alerts/${a.id}?/triage`, { decision: 'incident', reason: 'Not allowed to decide' }],
			['/oversight/protected?/add', { personal_code: people[30]!.personal_code, category: 'other', note: 'Not allowed to add' }],
			['/oversight/protected?/remove', { personal_code: `EE${people[20]!.personal_code}`, note: 'Not allowed to remove' }]
		];
		for (const p of pages) {
			const r = await page(p, 'nobody');
			expect(r.status, p).toBe(303);
			expect(r.location, p).toBe(`/auth/demo?next=${p}`);
		}
		expect((await alertsJson('', 'nobody')).status).toBe(401);
		for (const [p, fields] of actions) {
			// A browser's form post is sent to sign in (the section's frame does that for the
			// action's 401); a script's post (accept: JSON) gets the 401 itself.
			const browser = await post(p, fields, 'nobody');
			expect(browser.status, p).toBe(303);
			expect(browser.location, p).toMatch(/^\/auth\/demo\?next=\/oversight\//);
			expect((await post(p, fields, 'nobody', 'application/json')).status, p).toBe(401);
		}

		for (const who of ['jaan', 'analyst', 'agency']) {
			for (const p of pages) expect((await page(p, who)).status, `${who} ${p}`).toBe(403);
			expect((await alertsJson('', who)).status, who).toBe(403);
			for (const [p, fields] of actions) {
				expect((await post(p, fields, who)).status, `${who} ${p}`).toBe(403);
				expect((await post(p, fields, who, 'application/json')).status, `${who} ${p}`).toBe(403);
			}
		}
		// Nothing was stored by any of them.
		expect((await allAlerts('rule=self-lookup')).find((x) => x.alert_id === a.id)!.triage).toBeNull();
		const html = (await page('/oversight/protected?lang=en')).html;
		expect(html).not.toContain(`data-code="EE${people[30]!.personal_code}"`);
		expect(html).toContain(`data-code="EE${people[20]!.personal_code}"`);
	});
});

describe('the tables, read directly', () => {
	it('keep every decision and change as its own row, none rewritten; an official’s rule hits', async () => {
		await server.stop({ keepData: true });
		const { queryRows } = await import('../../src/lib/server/db/query');
		const { closeDb } = await import('../../src/lib/server/db/client');
		try {
			const triageRow = z.object({ alert_id: z.string(), seq: z.coerce.number(), decision: z.string(), reason: z.string(), actor: z.string() });
			const rows = await queryRows(
				'SELECT toString(alert_id) AS alert_id, seq, toString(decision) AS decision, reason, actor FROM alert_triage ORDER BY alert_id, seq',
				{},
				triageRow
			);
			const of = (rule: RuleId) => rows.filter((r) => r.alert_id === byRule(rule).id);
			expect(of('no-case-ref').map((r) => [r.seq, r.decision, r.reason])).toEqual([
				[1, 'incident', 'Looked up without any case: asked the agency'],
				[2, 'explained', 'The agency produced the case file (2026-117)']
			]);
			const clicks = of('many-officials');
			expect(clicks.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
			expect(new Set(clicks.map((r) => r.reason)).size).toBe(8);
			expect(planted.flatMap((p) => rows.filter((r) => r.alert_id === p.id)).every((r) => r.actor === auditor)).toBe(true);
			expect(of('after-employment')).toEqual([]);
			expect(of('self-lookup')).toEqual([]);

			// The alert page's look-ups: one usage event per person shown, by the auditor, under the alert's case reference.
			const spike = byRule('volume-spike');
			const lookups = await queryRows(
				`SELECT subject_code, actor_code, case_ref, action FROM usage_event
				 WHERE subject_code IN {subjects:Array(String)} AND agency_code = '70004235' AND purpose_code = 'AKI-OVERSIGHT'`,
				{ subjects: spike.events.map((e) => e.subject_code) },
				z.object({ subject_code: z.string(), actor_code: z.string(), case_ref: z.string(), action: z.string() })
			);
			expect(lookups.length).toBeGreaterThanOrEqual(2 * spike.events.length);
			for (const l of lookups) expect(l).toMatchObject({ actor_code: auditor, case_ref: `AKI-ALERT-${spike.id}`, action: 'Alert review' });
			expect(new Set(lookups.map((l) => l.subject_code))).toEqual(new Set(spike.events.map((e) => e.subject_code)));

			// An official's rule hits (the profile's list): theirs only, newest first, with the current triage.
			const { alertsForOfficial } = await import('../../src/lib/server/oversight/alerts-for-official');
			const o1 = byRule('self-lookup').actor;
			const hits = await alertsForOfficial(o1);
			expect(hits.filter((h) => planted.some((p) => p.id === h.alert_id)).map((h) => h.rule)).toEqual(['self-lookup', 'volume-spike']);
			expect(hits.every((h) => h.actor_code === o1)).toBe(true);
			const o4 = byRule('no-case-ref').actor;
			expect((await alertsForOfficial(o4)).find((h) => h.alert_id === byRule('no-case-ref').id)!.triage).toMatchObject({ seq: 2, decision: 'explained' });
			expect(await alertsForOfficial('')).toEqual([]);

			const changes = await queryRows(
				'SELECT personal_code, toString(change) AS change, note FROM protected_person WHERE personal_code IN {codes:Array(String)} ORDER BY at',
				{ codes: [20, 21, 22, 30].map((i) => `EE${people[i]!.personal_code}`) },
				z.object({ personal_code: z.string(), change: z.string(), note: z.string() })
			);
			expect(changes.map((c) => [c.personal_code.slice(2), c.change, c.note])).toEqual([
				[people[20]!.personal_code, 'add', 'Investigative reporter at a national daily'],
				[people[21]!.personal_code, 'add', 'Member of parliament'],
				[people[21]!.personal_code, 'remove', 'Left parliament']
			]);
		} finally {
			await closeDb();
		}
	});
});
