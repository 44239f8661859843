/**
 * The auditors' search against the built server: each filter finds its events and only
 * those, the period's Tallinn-day bounds, keyset paging (nothing skipped or repeated, a
 * millisecond's events of one person never split), each look-up recorded as an
 * AKI-OVERSIGHT event about every person shown (on their timeline, with the case
 * reference), bad input named per field, and only auditors let in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoneDayEnd, zoneDayStart } from '../../src/lib/format';
import { generateReference } from '../../src/lib/server/seed/reference';
import { ingest } from '../support/api';
import { lookupsCommitted } from '../support/lookups';
import { newAgencyCode, newEvent, newSubject } from '../support/data';
import { startTestServer, type TestServer } from '../support/server';

// The test server's demo data: its population register and personas.
const reference = generateReference({ people: 200, seed: 2026 });
const personaCode = (key: string) => `EE${reference.personas.find((p) => p.key === key)!.personal_code.replace(/^EE/, '')}`;
/** The auditor persona, as look-ups record them (actor_code of the AKI-OVERSIGHT events). */
const auditorCode = personaCode('auditor');

let server: TestServer;
let auditor: string;

beforeAll(async () => {
	server = await startTestServer();
	auditor = await server.signIn('auditor');
});

afterAll(async () => {
	await server?.stop();
});

interface SearchEvent {
	event_id: string;
	logged_at: string;
	subject_code: string;
	agency_code: string;
	system: string;
	purpose_code: string;
	actor_code: string;
	case_ref: string;
	visibility: string;
	ledger_index: number;
	person_name: string | null;
	agency_name: string;
	official: { code: string; name: string } | null;
}
interface SearchJson {
	case_ref: string;
	shape: string;
	events: SearchEvent[];
	older: string | null;
}

async function searchJson(params: Record<string, string>, cookie = auditor): Promise<{ status: number; body: SearchJson & { field?: string; error?: string } }> {
	const res = await fetch(`${server.url}/oversight/search.json?${new URLSearchParams(params)}`, { headers: { cookie } });
	return { status: res.status, body: (await res.json()) as SearchJson & { field?: string; error?: string } };
}

/** Every page of a search, following "older"; the ids in order. */
async function allPages(params: Record<string, string>): Promise<{ pages: SearchEvent[][]; events: SearchEvent[] }> {
	const pages: SearchEvent[][] = [];
	let r = await searchJson(params);
	expect(r.status).toBe(200);
	pages.push(r.body.events);
	while (r.body.older) {
		const res = await fetch(`${server.url}${r.body.older}`, { headers: { cookie: auditor } });
		expect(res.status).toBe(200);
		r = { status: res.status, body: (await res.json()) as SearchJson };
		pages.push(r.body.events);
		if (pages.length > 50) throw new Error('paging does not end');
	}
	return { pages, events: pages.flat() };
}

const ids = (events: readonly { event_id: string }[]) => events.map((e) => e.event_id).sort();
const tag = () => Math.random().toString(36).slice(2, 8).toUpperCase();

/** A fresh agency and its key; events sent for it. */
async function newAgency() {
	const agency = newAgencyCode();
	const key = await server.agencyKey(agency, { name: `Search test agency ${agency}` });
	const send = async (events: Record<string, unknown>[]) => {
		const r = await ingest(server, key, events);
		expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(200);
		expect(r.body.accepted).toHaveLength(events.length);
	};
	return { agency, send };
}

describe('each filter finds its events and only those', () => {
	const t = tag();
	const system = `SYS-${t}`;
	const otherSystem = `SYS2-${t}`;
	const purpose = `P-${t}`;
	const ref = `REF-${t}-1`;
	const [person, otherPerson] = [newSubject(), newSubject()];
	const [official, otherOfficial] = [newSubject(1960), newSubject(1961)];
	let agency: string;
	let otherAgency: string;
	const made: Record<string, unknown>[] = [];
	const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

	beforeAll(async () => {
		const a = await newAgency();
		const b = await newAgency();
		agency = a.agency;
		otherAgency = b.agency;
		const mine = [
			newEvent(agency, person, { actor_code: official, system, purpose_code: purpose, case_ref: ref, logged_at: minutesAgo(30) }),
			newEvent(agency, person, { actor_code: official, system: otherSystem, logged_at: minutesAgo(31) }),
			newEvent(agency, otherPerson, { actor_code: otherOfficial, system, purpose_code: purpose, logged_at: minutesAgo(32), visibility: 'restricted' }),
			newEvent(agency, otherPerson, { actor_code: '', system, logged_at: minutesAgo(33) })
		];
		const theirs = [
			newEvent(otherAgency, person, { actor_code: otherOfficial, logged_at: minutesAgo(34), case_ref: `REF-${t}-2` }),
			newEvent(otherAgency, otherPerson, { actor_code: official, purpose_code: purpose, logged_at: minutesAgo(35) })
		];
		await a.send(mine);
		await b.send(theirs);
		made.push(...mine, ...theirs);
	});

	const expectExactly = async (params: Record<string, string>, match: (e: Record<string, unknown>) => boolean, onlyOurAgencies = false) => {
		const r = await searchJson({ case: `AKI-${t}`, ...params });
		expect(r.status, JSON.stringify(r.body)).toBe(200);
		const got = onlyOurAgencies ? r.body.events.filter((e) => e.agency_code === agency || e.agency_code === otherAgency) : r.body.events;
		expect(ids(got)).toEqual(ids(made.filter(match) as { event_id: string }[]));
		return r.body;
	};

	it('by person (with or without EE), with names and every field', async () => {
		// Earlier look-ups add the oversight body's events about the person: only ours are compared.
		const body = await expectExactly({ person: person.slice(2) }, (e) => e.subject_code === person, true);
		expect(body.shape).toBe('person');
		expect(body.events.every((e) => e.subject_code === person)).toBe(true);
		const first = body.events.find((e) => e.case_ref === ref)!;
		expect(first).toMatchObject({ agency_code: agency, system, purpose_code: purpose, actor_code: official, visibility: 'visible', agency_name: `Search test agency ${agency}` });
		expect(first.ledger_index).toBeGreaterThanOrEqual(0);
		expect(first.official).toMatchObject({ code: official });
	});

	it('by official', async () => {
		const body = await expectExactly({ official }, (e) => e.actor_code === official);
		expect(body.shape).toBe('official');
	});

	it('by agency, and by agency and system', async () => {
		expect((await expectExactly({ agency }, (e) => e.agency_code === agency)).shape).toBe('agency');
		await expectExactly({ agency, system }, (e) => e.agency_code === agency && e.system === system);
	});

	it('by information system alone, and by purpose alone', async () => {
		await expectExactly({ system }, (e) => e.system === system);
		await expectExactly({ purpose: purpose.toLowerCase() }, (e) => e.purpose_code === purpose);
	});

	it('by the case reference the events carry (exact, not a prefix)', async () => {
		const body = await expectExactly({ ref }, (e) => e.case_ref === ref);
		expect(body.shape).toBe('caseRef');
		expect((await searchJson({ case: `AKI-${t}`, ref: `REF-${t}` })).body.events).toEqual([]);
	});

	it('with filters combined', async () => {
		await expectExactly({ official, agency: otherAgency }, (e) => e.actor_code === official && e.agency_code === otherAgency);
		await expectExactly({ person, official: otherOfficial }, (e) => e.subject_code === person && e.actor_code === otherOfficial);
		await expectExactly({ agency, purpose, system }, (e) => e.agency_code === agency && e.purpose_code === purpose && e.system === system);
	});
});

describe('the period', () => {
	it('covers whole Tallinn days, both ends included', async () => {
		const { agency, send } = await newAgency();
		const subject = newSubject();
		const day = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
		const start = zoneDayStart(day).getTime();
		const end = zoneDayEnd(day).getTime();
		const at = (ms: number) => new Date(ms).toISOString();
		const inside = [newEvent(agency, subject, { logged_at: at(start) }), newEvent(agency, subject, { logged_at: at(end - 1) })];
		const outside = [newEvent(agency, subject, { logged_at: at(start - 1) }), newEvent(agency, subject, { logged_at: at(end) })];
		await send([...inside, ...outside]);
		const r = await searchJson({ case: 'AKI-PERIOD', agency, from: day, to: day });
		expect(ids(r.body.events)).toEqual(ids(inside as { event_id: string }[]));
		const since = await searchJson({ case: 'AKI-PERIOD', agency, from: day });
		expect(ids(since.body.events)).toEqual(ids([...inside, outside[1]!] as { event_id: string }[]));
		const upTo = await searchJson({ case: 'AKI-PERIOD', agency, to: day });
		expect(ids(upTo.body.events)).toEqual(ids([...inside, outside[0]!] as { event_id: string }[]));
	});
});

describe('paging', () => {
	it('gives 50 a page, newest first, through every page, never splitting a person’s millisecond', async () => {
		const { agency, send } = await newAgency();
		const official = newSubject(1970);
		const people = Array.from({ length: 7 }, () => newSubject());
		const base = Date.now() - 3 * 86_400_000;
		const events: { event_id: string; logged_at: string; subject_code: string }[] = [];
		for (let i = 0; i < 118; i++) {
			events.push(newEvent(agency, people[i % people.length]!, { actor_code: official, logged_at: new Date(base + i * 1000).toISOString() }) as (typeof events)[number]);
		}
		// Same person, same millisecond, near the first page's end: one pair, on one page.
		const tie = new Date(base + 68 * 1000 + 500).toISOString();
		const at = (subject: string) => newEvent(agency, subject, { actor_code: official, logged_at: tie }) as (typeof events)[number];
		events.push(at(people[0]!), at(people[0]!));
		// Same millisecond, another person: a pair of its own.
		events.push(at(people[1]!));
		await send(events);

		// The pages expected: 50 (time, person) pairs each, newest first, with every event of each pair.
		const pairKeys = [...new Set(events.map((e) => `${e.logged_at}|${e.subject_code}`))].sort().reverse();
		const perPair = (k: string) => events.filter((e) => `${e.logged_at}|${e.subject_code}` === k).length;
		const expectedSizes = [0, 50, 100].map((from) => pairKeys.slice(from, from + 50).reduce((n, k) => n + perPair(k), 0));
		expect(pairKeys).toHaveLength(120);
		expect(expectedSizes.reduce((a, b) => a + b, 0)).toBe(121);

		for (const params of [{ official }, { agency }] as Record<string, string>[]) {
			const { pages, events: got } = await allPages({ case: 'AKI-PAGING', ...params });
			expect(pages.map((p) => p.length)).toEqual(expectedSizes);
			expect(ids(got)).toEqual(ids(events));
			expect(new Set(got.map((e) => e.event_id)).size).toBe(got.length);
			const keys = got.map((e) => `${e.logged_at}|${e.subject_code}`);
			expect([...keys].sort().reverse()).toEqual(keys);
			// Each (time, person) pair lies on one page only.
			const pageOf = new Map<string, number>();
			pages.forEach((p, i) =>
				p.forEach((e) => {
					const k = `${e.logged_at}|${e.subject_code}`;
					expect(pageOf.get(k) ?? i).toBe(i);
					pageOf.set(k, i);
				})
			);
		}
	});

	it('pages the same on the page (one read of a projection) as in the JSON (two reads), also when a pair holds more events than one read takes', async () => {
		const { agency, send } = await newAgency();
		const official = newSubject(1971);
		const people = Array.from({ length: 5 }, () => newSubject());
		const base = Date.now() - 4 * 86_400_000;
		const events = Array.from({ length: 70 }, (_, i) =>
			newEvent(agency, people[i % people.length]!, { actor_code: official, logged_at: new Date(base + i * 1000).toISOString() })
		) as { event_id: string }[];
		// The newest pair: 230 events of one person in one millisecond, more than the page's one
		// read takes (200 rows), so the first page takes two reads; the second is one.
		const tie = new Date(base + 100_000).toISOString();
		for (let i = 0; i < 230; i++) events.push(newEvent(agency, people[0]!, { actor_code: official, logged_at: tie }) as { event_id: string });
		await send(events);

		/** The page's rows (event ids, in order) and its "older" link, followed to the end. */
		const pagePages = async (params: Record<string, string>) => {
			const pages: string[][] = [];
			let href: string | null = `/oversight?${new URLSearchParams(params)}`;
			while (href) {
				const res: Response = await fetch(`${server.url}${href}`, { headers: { cookie: auditor } });
				expect(res.status).toBe(200);
				const html: string = await res.text();
				pages.push([...html.matchAll(/<tr data-event-id="([0-9a-f-]{36})"/g)].map((m) => m[1]!));
				href = /<a href="([^"]+)" rel="next"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null;
				if (pages.length > 20) throw new Error('paging does not end');
			}
			return pages;
		};
		for (const params of [{ official }, { agency }] as Record<string, string>[]) {
			const json = await allPages({ case: 'AKI-PAGING', ...params });
			const html = await pagePages({ case: 'AKI-PAGING', ...params });
			expect(html.map((p) => p.length)).toEqual([230 + 49, 21]);
			expect(html).toEqual(json.pages.map((p) => p.map((e) => e.event_id)));
			expect(html.flat().sort()).toEqual(ids(events));
		}
	});

	it('pages a person’s events too', async () => {
		const { agency, send } = await newAgency();
		const subject = newSubject();
		const base = Date.now() - 2 * 86_400_000;
		const events = Array.from({ length: 60 }, (_, i) => newEvent(agency, subject, { logged_at: new Date(base + i * 1000).toISOString() }));
		await send(events);
		const { pages, events: got } = await allPages({ case: 'AKI-PAGING', person: subject, agency });
		expect(pages.map((p) => p.length)).toEqual([50, 10]);
		expect(got.map((e) => e.event_id)).toEqual([...events].reverse().map((e) => e.event_id));
	});
});

describe('watching the watchers', () => {
	// A seeded adult (not a persona), so they can sign in and see their own timeline.
	const personaCodes = new Set(reference.personas.map((p) => p.personal_code.replace(/^EE/, '')));
	const bare = reference.people.find((p) => !personaCodes.has(p.personal_code) && !/^[56]/.test(p.personal_code))!.personal_code;
	const person = `EE${bare}`;

	it('records each look-up as an AKI-OVERSIGHT event about the person shown, with the case reference, on their timeline', async () => {
		const { agency, send } = await newAgency();
		const official = newSubject(1965);
		await send([newEvent(agency, person, { actor_code: official, logged_at: new Date(Date.now() - 3_600_000).toISOString() })]);
		const caseRef = `AKI-WATCH-${tag()}`;
		const startedAt = Date.now();

		// Through the page.
		const page = await fetch(`${server.url}/oversight?${new URLSearchParams({ case: caseRef, official })}`, { headers: { cookie: auditor, 'accept-language': 'en' } });
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(person);
		expect(html).toContain(`/oversight/officials/${official}?case=${encodeURIComponent(caseRef)}`);

		// Through the JSON.
		const jsonCase = `${caseRef}-JSON`;
		expect((await searchJson({ case: jsonCase, agency })).body.events).toHaveLength(1);

		// Journaled before the results were sent, committed a moment later.
		await lookupsCommitted(server);
		const lookups = (await searchJson({ case: 'AKI-CHECK', person, agency: '70004235', purpose: 'AKI-OVERSIGHT' })).body.events;
		for (const c of [caseRef, jsonCase]) {
			const recorded = lookups.filter((e) => e.case_ref === c);
			expect(recorded, c).toHaveLength(1);
			expect(recorded[0]).toMatchObject({ subject_code: person, actor_code: auditorCode, agency_code: '70004235', purpose_code: 'AKI-OVERSIGHT', visibility: 'visible' });
			expect(Date.parse(recorded[0]!.logged_at)).toBeGreaterThanOrEqual(startedAt - 1000);
		}

		// The person sees them on their own timeline (the export is the timeline, whole).
		const cookie = await server.signIn(bare);
		const exported = (await (await fetch(`${server.url}/me/export.json`, { headers: { cookie } })).json()) as { events: { event_id: string; agency_code: string | null }[] };
		const shown = new Set(exported.events.map((e) => e.event_id));
		for (const c of [caseRef, jsonCase]) expect(shown.has(lookups.find((e) => e.case_ref === c)!.event_id)).toBe(true);
	});

	it('records nothing when the search is refused', async () => {
		const { agency, send } = await newAgency();
		const subject = newSubject();
		await send([newEvent(agency, subject)]);
		expect((await searchJson({ person: subject, case: 'x' })).status).toBe(400);
		const page = await fetch(`${server.url}/oversight?${new URLSearchParams({ person: subject })}`, { headers: { cookie: auditor } });
		expect(page.status).toBe(200);
		expect(await page.text()).not.toContain('data-event-id');
		expect((await searchJson({ case: 'AKI-CHECK', person: subject, agency: '70004235' })).body.events).toEqual([]);
	});
});

describe('bad input', () => {
	it('is a 400 naming the field, in the JSON', async () => {
		const cases: [Record<string, string>, string][] = [
			[{ agency: '70008747' }, 'case'],
			[{ case: 'AKI-1', from: '2026-01-01' }, 'filters'],
			[{ case: 'AKI-1', person: '12345' }, 'person'],
			[{ case: 'AKI-1', official: 'EE3800108571X' }, 'official'],
			[{ case: 'AKI-1', agency: 'abc' }, 'agency'],
			[{ case: 'AKI-1', agency: '70008747', to: '2026-02-31' }, 'to'],
			[{ case: 'AKI-1', agency: '70008747', before: 'yesterday' }, 'before']
		];
		for (const [params, field] of cases) {
			const r = await searchJson(params);
			expect(r.status, JSON.stringify(params)).toBe(400);
			expect(r.body.field).toBe(field);
			expect(r.body.error).toContain(field);
		}
	});

	it('is shown on the page per field, with no results', async () => {
		const res = await fetch(`${server.url}/oversight?${new URLSearchParams({ case: '', person: '123', from: '2026-01-01' })}`, { headers: { cookie: auditor, 'accept-language': 'en' } });
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('give the case reference your look-up is for');
		expect(html).toContain('give a personal code of 11 digits');
		expect(html).toMatch(/id="search-person"[^>]*aria-invalid="true"/);
		expect(html).not.toContain('results-table');
	});

	it('asks for a case reference before showing anything', async () => {
		const res = await fetch(`${server.url}/oversight?agency=70008747`, { headers: { cookie: auditor, 'accept-language': 'en' } });
		const html = await res.text();
		expect(html).toContain('without one no results are shown');
		expect(html).not.toContain('data-event-id');
	});
});

describe('access', () => {
	it('sends the signed-out to sign in, and answers 401 on the JSON', async () => {
		const page = await fetch(`${server.url}/oversight?case=AKI-1&agency=70008747`, { redirect: 'manual' });
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toContain('/auth/demo');
		const json = await fetch(`${server.url}/oversight/search.json?case=AKI-1&agency=70008747`);
		expect(json.status).toBe(401);
	});

	it('refuses citizens, analysts and agency users with 403', async () => {
		for (const persona of ['jaan', 'analyst', 'agency']) {
			const cookie = await server.signIn(persona);
			const page = await fetch(`${server.url}/oversight?case=AKI-1&agency=70008747`, { headers: { cookie }, redirect: 'manual' });
			expect(page.status, persona).toBe(403);
			const json = await fetch(`${server.url}/oversight/search.json?case=AKI-1&agency=70008747`, { headers: { cookie } });
			expect(json.status, persona).toBe(403);
		}
	});
});
