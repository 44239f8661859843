/**
 * An official's profile (/oversight/officials/<code>) against the built server, for a
 * hand-made official of a fresh agency: the volume per month and week, the hour × weekday
 * cells in Estonian time across both daylight-saving changes of 2026, distinct people, the
 * share of manual events without a case reference, the comparison with the agency's other
 * officials, the rule hits read from alert rows (inserted while the server is stopped), and
 * the case reference: without one no person is shown; with one the events are listed and
 * the look-up is recorded on each listed person's timeline with the reference. Only
 * auditors get in: signed-out visitors are sent to sign in; citizens, analysts and agency
 * users get 403, and nothing is recorded for them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateReference } from '../../src/lib/server/seed/reference';
import { ingest } from '../support/api';
import { lookupsCommitted } from '../support/lookups';
import { newAgencyCode, newEvent, newSubject } from '../support/data';
import { startTestServer, type TestServer } from '../support/server';

// The server's data directory, which this process opens itself while the server is stopped.
const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-profile-'));
process.env.PEEGEL_DATA_DIR = dataDir;
delete process.env.CLICKHOUSE_URL;
delete process.env.PEEGEL_MIGRATIONS_DIR;

let server: TestServer;

/** The test server's population (startTestServer seeds 200 people with the default seed). */
const reference = generateReference({ people: 200, seed: 2026 });
const personaCodes = new Set(reference.personas.map((p) => p.personal_code.replace(/^EE/, '')));
const people = reference.people.filter((p) => !personaCodes.has(p.personal_code)).slice(0, 4);
const [S1, S2, S3, S4] = people.map((p) => `EE${p.personal_code}`) as [string, string, string, string];
const nameOf = new Map(people.map((p) => [`EE${p.personal_code}`, `${p.first_name} ${p.last_name}`]));
const auditorCode = `EE${reference.personas.find((p) => p.key === 'auditor')!.personal_code.replace(/^EE/, '')}`;

// Born in the 1800s: never a seeded official, so the profile is made of this test's events only.
const official = newSubject(1870);
const [P1, P2, P3] = [newSubject(1871), newSubject(1872), newSubject(1873)];
const otherOfficial = newSubject(1874);
const agency = newAgencyCode();
const agencyName = `Profile test agency ${agency}`;

const ids = { inPeriod: [] as string[], before: '' };
const alerts = { offHours: crypto.randomUUID(), noCase: crypto.randomUUID(), old: crypto.randomUUID(), other: crypto.randomUUID() };
const PERIOD = 'period=custom&from=2026-03&to=2026-11';
const CASE_REF = `AKI-TEST-${Math.floor(Math.random() * 1e9)}`;

function ev(subject: string, loggedAt: string, actor: string, overrides: Record<string, unknown> = {}) {
	return newEvent(agency, subject, { logged_at: loggedAt, actor_code: actor, case_ref: 'C-1', ...overrides });
}

beforeAll(async () => {
	server = await startTestServer({}, { dataDir });
	const key = await server.agencyKey(agency, { name: agencyName });
	const mine = [
		// Saturday 28 March, 12:30 in Tallinn (EET, UTC+2).
		ev(S1, '2026-03-28T10:30:00.000Z', official),
		// Monday 30 March, 13:30 (EEST, UTC+3 since Sunday): the same UTC hour, a later local one.
		ev(S2, '2026-03-30T10:30:00.000Z', official, { case_ref: '' }),
		// Sunday 29 March: 02:30 EET just before the clocks go forward at 03:00, and 04:30 EEST after.
		ev(S1, '2026-03-29T00:30:00.000Z', official, { case_ref: 'C-2' }),
		ev(S3, '2026-03-29T01:30:00.000Z', official, { case_ref: '' }),
		// Sunday 25 October: 03:30 EEST, then the clocks go back at 04:00 and 03:30 EET comes again.
		ev(S4, '2026-10-25T00:30:00.000Z', official, { case_ref: 'C-3' }),
		ev(S4, '2026-10-25T01:30:00.000Z', official, { case_ref: 'C-4' }),
		// Bulk processing on Wednesday 10 June, 09:00 EEST: counted, but not a manual event.
		ev(S2, '2026-06-10T06:00:00.000Z', official, { case_ref: '', bulk: true })
	];
	ids.inPeriod = mine.map((e) => String(e.event_id));
	const before = ev(S1, '2026-02-15T10:00:00.000Z', official);
	ids.before = String(before.event_id);
	const peers = [
		...Array.from({ length: 10 }, (_, i) => ev(newSubject(1880), `2026-04-0${1 + (i % 9)}T08:00:00.000Z`, P1)),
		ev(S1, '2026-05-04T08:00:00.000Z', P2),
		ev(S1, '2026-05-05T08:00:00.000Z', P2),
		ev(S1, '2026-05-06T08:00:00.000Z', P2, { case_ref: '' }),
		ev(S2, '2026-05-07T08:00:00.000Z', P3, { case_ref: '' }),
		// Automated processing is no official, and a peer only counts inside the period.
		ev(S3, '2026-05-07T08:00:00.000Z', ''),
		ev(S3, '2026-01-07T08:00:00.000Z', otherOfficial)
	];
	const r = await ingest(server, key, [...mine, before, ...peers]);
	if (r.status !== 200 || r.body.rejected?.length) throw new Error(`ingest: ${r.status} ${JSON.stringify(r.body)}`);

	// Alerts as detection writes them, on the server's database while it is stopped.
	await server.stop({ keepData: true });
	const { insertRows } = await import('../../src/lib/server/db/query');
	const { chTime } = await import('../../src/lib/server/db/columns');
	const { closeDb } = await import('../../src/lib/server/db/client');
	const alert = (id: string, rule: string, severity: string, actor: string, first: string, last: string, events: string[]) => ({
		alert_id: id,
		rule,
		severity,
		dedupe_key: `${rule}/${actor}/${id}`,
		actor_code: actor,
		agency_code: agency,
		subject_code: '',
		event_ids: events,
		event_subjects: events.map(() => S1),
		first_at: chTime(first),
		last_at: chTime(last),
		detail: '{}',
		detected_at: chTime(Date.now()),
		run_id: crypto.randomUUID()
	});
	try {
		await insertRows('alert', [
			alert(alerts.offHours, 'off-hours', 'medium', official, '2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', ids.inPeriod.slice(2, 4)),
			alert(alerts.noCase, 'no-case-ref', 'high', official, '2026-03-30T10:30:00Z', '2026-03-30T10:30:00Z', ids.inPeriod.slice(1, 2)),
			alert(alerts.old, 'volume-spike', 'low', official, '2025-05-01T10:00:00Z', '2025-05-02T10:00:00Z', [crypto.randomUUID()]),
			alert(alerts.other, 'self-lookup', 'high', otherOfficial, '2026-04-01T10:00:00Z', '2026-04-01T10:00:00Z', [crypto.randomUUID()])
		]);
		await insertRows('alert_triage', [
			{ alert_id: alerts.noCase, seq: 1, at: chTime(Date.now()), decision: 'incident', reason: 'first look', actor: auditorCode },
			{ alert_id: alerts.noCase, seq: 2, at: chTime(Date.now() + 1), decision: 'explained', reason: 'case found', actor: auditorCode }
		]);
	} finally {
		await closeDb();
	}
	server = await startTestServer({}, { dataDir });
}, 240_000);

afterAll(async () => {
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

async function get(cookie: string | null, pathAndQuery: string) {
	const res = await fetch(`${server.url}${pathAndQuery}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
	return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

const profile = (query: string) => `/oversight/officials/${official}?lang=en&${query}`;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

/** The part of the page inside the element that carries this attribute (up to its closing tag). */
function block(html: string, attr: string, tag: string): string {
	const start = html.indexOf(attr);
	if (start < 0) return '';
	const open = html.lastIndexOf(`<${tag}`, start);
	return html.slice(open, html.indexOf(`</${tag}>`, start) + tag.length + 3);
}

/** A table's rows as [row attribute value, cell texts]. */
function rows(html: string, table: string, rowAttr: string): Map<string, string[]> {
	const t = block(html, `data-table="${table}"`, 'table');
	const out = new Map<string, string[]>();
	for (const m of t.matchAll(new RegExp(`<tr[^>]*${rowAttr}="([^"]*)"[^>]*>(.*?)</tr>`, 'gs'))) {
		out.set(m[1]!, [...m[2]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((c) => text(c[1]!)));
	}
	return out;
}

const figure = (html: string, name: string) => text(/<dd[^>]*>(.*?)<\/dd>/s.exec(block(html, `data-figure="${name}"`, 'div'))?.[1] ?? '');

let auditor: string;
beforeAll(async () => {
	auditor = await server.signIn('auditor');
});

describe('who may open a profile', () => {
	it('sends a signed-out visitor to sign in, and refuses citizens, analysts and agency users', async () => {
		const out = await get(null, profile(PERIOD));
		expect(out.status).toBe(303);
		expect(out.location).toMatch(/^\/auth\/demo\?next=\/oversight\/officials\//);
		for (const who of ['jaan', 'analyst', 'agency']) {
			const r = await get(await server.signIn(who), profile(`${PERIOD}&case=DENIED-${CASE_REF}`));
			expect(r.status, who).toBe(403);
			expect(r.html).not.toContain(S1);
		}
		// The page's data endpoint too.
		const data = await get(await server.signIn('jaan'), `/oversight/officials/${official}/__data.json?case=DENIED-${CASE_REF}`);
		expect(data.html).not.toContain(S1);
		expect(data.html).toMatch(/403|Only auditors/);
	});

	it('says which part of a malformed code is wrong, and 404s an official nobody knows', async () => {
		const bad = await get(auditor, '/oversight/officials/EE12345?lang=en');
		expect(bad.status).toBe(400);
		expect(bad.html).toContain('code:');
		const unknown = await get(auditor, `/oversight/officials/${newSubject(1890)}?lang=en`);
		expect(unknown.status).toBe(404);
	});
});

describe('the figures of a hand-made official', () => {
	it('counts events, distinct people and manual events without a case reference in the period', async () => {
		const r = await get(auditor, profile(PERIOD));
		expect(r.status).toBe(200);
		expect(figure(r.html, 'events')).toBe('7');
		expect(figure(r.html, 'people')).toBe('4');
		// Six manual events (the bulk one is not), two of them without a case reference.
		expect(figure(r.html, 'no-case')).toBe('33.3% (2 of 6)');
		expect(figure(r.html, 'agencies')).toBe(`${agencyName} (7)`);
		expect(r.html).toContain('Not in the register of officials');
	});

	it('counts the volume per month and per week (weeks named by their Monday)', async () => {
		const months = rows((await get(auditor, profile(PERIOD))).html, 'volume', 'data-slot');
		expect([...months.keys()]).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
		expect(months.get('2026-03')).toEqual(['March 2026', '4']);
		expect(months.get('2026-06')![1]).toBe('1');
		expect(months.get('2026-10')![1]).toBe('2');
		expect(months.get('2026-04')![1]).toBe('0');

		const weeks = rows((await get(auditor, profile(`${PERIOD}&by=week`))).html, 'volume', 'data-slot');
		expect(weeks.get('2026-03-23')).toEqual(['23 Mar 2026', '3']); // Saturday and both Sunday events
		expect(weeks.get('2026-03-30')![1]).toBe('1');
		expect(weeks.get('2026-06-08')![1]).toBe('1');
		expect(weeks.get('2026-10-19')![1]).toBe('2'); // Sunday 25 October ends the week of the 19th
		expect([...weeks.values()].reduce((n, c) => n + Number(c[1]), 0)).toBe(7);
		expect([...weeks.keys()][0]).toBe('2026-02-23'); // the week holding 1 March
	});

	it('puts each event in its Estonian hour and weekday, across both daylight-saving changes', async () => {
		const heat = rows((await get(auditor, profile(PERIOD))).html, 'heat', 'data-weekday');
		expect(heat.size).toBe(7);
		const cell = (weekday: number, hour: number) => Number(heat.get(String(weekday))![hour + 1]);
		expect(heat.get('6')![0]).toBe('Saturday');
		expect(cell(6, 12)).toBe(1); // 10:30 UTC in winter time
		expect(cell(1, 13)).toBe(1); // 10:30 UTC in summer time
		expect(cell(7, 2)).toBe(1); // 00:30 UTC before the spring change
		expect(cell(7, 4)).toBe(1); // 01:30 UTC after it (03:00-04:00 never happened that night)
		expect(cell(7, 3)).toBe(2); // 00:30 and 01:30 UTC on 25 October: 03:30 twice
		expect(cell(3, 9)).toBe(1);
		const all = [...heat.values()].flatMap((r) => r.slice(1).map(Number));
		expect(all).toHaveLength(7 * 24);
		expect(all.reduce((a, b) => a + b, 0)).toBe(7);
	});

	it('compares with the agency’s other officials in the same period', async () => {
		const r = await get(auditor, profile(PERIOD));
		expect(text(block(r.html, 'data-chart="peers"', 'section'))).toContain(`Peers: the 3 other officials of ${agencyName} with events in the same period.`);
		const peers = rows(r.html, 'peers', 'data-measure');
		// Peers' events 10, 3, 1 (the automated event and the out-of-period official are none).
		expect(peers.get('events')).toEqual(['Events', '7', '3', '66.7%', '1', '10']);
		expect(peers.get('people')).toEqual(['Different people', '4', '1', '66.7%', '1', '10']);
		// Shares 0, 1/3 and 1; the official's 2/6 ties the median: half of a tie counts below.
		expect(peers.get('noCaseShare')).toEqual(['Share of manual events without a case reference', '33.3%', '33.3%', '50%', '0%', '100%']);
	});

	it('lists the official’s rule hits in the period, with their triage and links to the alerts', async () => {
		const r = await get(auditor, profile(PERIOD));
		const hits = block(r.html, 'data-table="hits"', 'table');
		const listed = [...hits.matchAll(/data-alert-id="([^"]+)"/g)].map((m) => m[1]);
		// The server's own detection may add hits on these events (its first run races the
		// test's inserts); the planted ones in the period must be there, the others not.
		expect(listed).toEqual(expect.arrayContaining([alerts.offHours, alerts.noCase]));
		expect(listed).not.toContain(alerts.old);
		expect(listed).not.toContain(alerts.other);
		expect(hits).toContain(`href="/oversight/alerts/${alerts.noCase}"`);
		const byId = rows(r.html, 'hits', 'data-alert-id');
		expect(byId.get(alerts.noCase)![0]).toBe('No case reference');
		expect(byId.get(alerts.noCase)![1]).toBe('High');
		expect(byId.get(alerts.noCase)![5]).toBe('Explained');
		expect(byId.get(alerts.offHours)![4]).toBe('2');
		expect(byId.get(alerts.offHours)![5]).toBe('Not triaged yet');
		// The whole history has the old alert too.
		const all = await get(auditor, profile('period=all'));
		expect(all.html).toContain(alerts.old);
		expect(all.html).not.toContain(alerts.other);
	});

	it('shows the same profile in Estonian and Russian', async () => {
		const et = await get(auditor, `/oversight/officials/${official}?lang=et&${PERIOD}`);
		expect(et.status).toBe(200);
		expect(et.html).toContain('Ametniku profiil');
		expect(et.html).toContain('Võrdlus kolleegidega');
		const ru = await get(auditor, `/oversight/officials/${official}?lang=ru&${PERIOD}`);
		expect(ru.status).toBe(200);
		expect(ru.html).toContain('Сравнение с коллегами');
	});
});

describe('people’s data needs a case reference', () => {
	it('names no person without a case reference, and asks for one', async () => {
		const r = await get(auditor, profile(PERIOD));
		for (const s of [S1, S2, S3, S4]) {
			expect(r.html).not.toContain(s);
			expect(r.html).not.toContain(nameOf.get(s)!);
		}
		expect(r.html).not.toContain('data-table="recent"');
		expect(r.html).toMatch(/<input[^>]*id="case-ref"[^>]*name="case"/);
	});

	it('reports a bad case reference on its field and shows no events', async () => {
		const r = await get(auditor, profile(`${PERIOD}&case=${encodeURIComponent('#x')}`));
		expect(r.status).toBe(200);
		expect(r.html).toMatch(/<input[^>]*aria-invalid="true"[^>]*aria-describedby="case-ref-hint case-ref-error"/);
		expect(text(r.html)).toMatch(/Case reference ?: must have at least 3 characters/);
		expect(r.html).not.toContain(S1);
	});

	it('lists the events with a case reference, and records the look-up on each listed person’s timeline', async () => {
		const r = await get(auditor, profile(`${PERIOD}&case=${encodeURIComponent(CASE_REF)}`));
		expect(r.status).toBe(200);
		const recent = rows(r.html, 'recent', 'data-event-id');
		expect([...recent.keys()].sort()).toEqual([...ids.inPeriod].sort());
		expect(recent.has(ids.before)).toBe(false);
		// Newest first: the October events lead.
		expect([...recent.keys()].slice(0, 2).sort()).toEqual(ids.inPeriod.slice(4, 6).sort());
		const first = recent.get(ids.inPeriod[0]!)!;
		expect(first[0]).toBe('28 Mar 2026, 12:30');
		expect(first[1]).toBe(`${S1} ${nameOf.get(S1)}`);
		expect(first[2]).toBe(agencyName);
		expect(first[5]).toBe('C-1');
		expect(recent.get(ids.inPeriod[1]!)![5]).toBe('none');
		expect(r.html).toContain(`href="/oversight?person=${S2}&amp;case=${CASE_REF}"`);
		expect(text(r.html)).toContain(`Shown for case ${CASE_REF}: this look-up is recorded on the timelines of the 4 people listed.`);
		// The period form keeps the case, so changing the period shows the events again.
		expect(r.html).toMatch(new RegExp(`<input[^>]*type="hidden"[^>]*name="case"[^>]*value="${CASE_REF}"`));

		// On the person's own timeline: the oversight body's look-up of their data (journaled
		// before the profile was sent, committed a moment later).
		await lookupsCommitted(server);
		const me = await get(await server.signIn(S3.slice(2)), '/me?lang=en');
		expect(me.status).toBe(200);
		expect(text(me.html)).toContain('Supervising how authorities use your data');
	});

	it('stored one look-up per listed person with the case reference, and none for those refused', async () => {
		await server.stop({ keepData: true });
		const { queryRows } = await import('../../src/lib/server/db/query');
		const { closeDb } = await import('../../src/lib/server/db/client');
		try {
			const looked = await queryRows(
				`SELECT subject_code, agency_code, purpose_code, actor_code, action, case_ref FROM usage_event
				 WHERE subject_code IN {s:Array(String)} AND purpose_code = 'AKI-OVERSIGHT' ORDER BY subject_code`,
				{ s: [S1, S2, S3, S4] },
				z.object({ subject_code: z.string(), agency_code: z.string(), purpose_code: z.string(), actor_code: z.string(), action: z.string(), case_ref: z.string() })
			);
			expect(looked.filter((l) => l.case_ref.startsWith('DENIED-'))).toEqual([]);
			const mine = looked.filter((l) => l.case_ref === CASE_REF);
			expect(mine.map((l) => l.subject_code)).toEqual([S1, S2, S3, S4].sort());
			for (const l of mine) {
				expect(l).toMatchObject({ agency_code: '70004235', purpose_code: 'AKI-OVERSIGHT', actor_code: auditorCode, action: 'Official profile view' });
			}
		} finally {
			await closeDb();
		}
	});
});
