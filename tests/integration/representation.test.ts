/**
 * Representation of minors against the built server: the demo persona Mari switches to her
 * minor child (population register parent links) and sees the child's records instead of her
 * own, across the timeline, the ledger proofs and the log's leaf access; the child's records
 * never include the parent's; forged or stale choices are ignored and cleared; the national
 * portal protocol accepts a userCode other than X-Road-UserId only for such a representation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tallinnIsoDate } from '../../src/lib/format';
import { eighteenthBirthday } from '../../src/lib/server/auth/representation-rules';
import { generateReference, type PersonRow } from '../../src/lib/server/seed/reference';
import { findUsage, ingest } from '../support/api';
import { newAgencyCode, newEvent } from '../support/data';
import { startTestServer, type TestServer } from '../support/server';

// The test server's demo data: 200 people, seed 2026 (tests/support/server.ts, config defaults).
const reference = generateReference({ people: 200, seed: 2026 });
const ee = (code: string) => `EE${code}`;
const personOf = (code: string) => reference.people.find((p) => p.personal_code === code)!;
const mariPersona = reference.personas.find((p) => p.key === 'mari')!;
const MARI = ee(mariPersona.personal_code);
const childRow = personOf(mariPersona.child_code!);
const CHILD = ee(childRow.personal_code);
const CHILD_NAME = `${childRow.first_name} ${childRow.last_name}`;
const FATHER = ee(childRow.father_code);
const JAAN = ee(reference.personas.find((p) => p.key === 'jaan')!.personal_code);
// A child of age, with a parent in the register: the parent's access has ended.
const today = tallinnIsoDate(new Date());
const adultRow: PersonRow | undefined = reference.people.find(
	(p) => p.mother_code !== '' && eighteenthBirthday(p.birth_date) <= today && reference.people.some((q) => q.personal_code === p.mother_code)
);

let server: TestServer;
let agencyKey: string;
let portalKey: string;
const events = { mari: '', child: '', adult: '' };
const positions = { mari: -1, child: -1 };

beforeAll(async () => {
	if (!adultRow) throw new Error('the demo register has no adult child with a mother: pick another seed');
	server = await startTestServer();
	const agency = newAgencyCode();
	agencyKey = await server.agencyKey(agency);
	portalKey = await server.agencyKey(newAgencyCode(), { portal: true, name: 'Riigiportaal (test)' });
	// Newer than every seeded event, so they are on the timeline's first page.
	const logged_at = new Date(Date.now() - 1000).toISOString();
	const batch = [
		newEvent(agency, MARI, { logged_at, action: 'Representation test: Mari’s own event' }),
		newEvent(agency, CHILD, { logged_at, action: 'Representation test: the child’s event' }),
		newEvent(agency, ee(adultRow.personal_code), { logged_at, action: 'Representation test: the adult child’s event' })
	];
	const r = await ingest(server, agencyKey, batch);
	if (r.status !== 200) throw new Error(`ingest: ${r.status} ${JSON.stringify(r.body)}`);
	const [mari, child, adult] = batch.map((e) => e.event_id as string) as [string, string, string];
	Object.assign(events, { mari, child, adult });
	const index = (id: string) => r.body.accepted!.find((a) => a.event_id === id)!.index!;
	positions.mari = index(events.mari);
	positions.child = index(events.child);
	// Leaves are served once a signed checkpoint covers them (within a few seconds).
	const needed = Math.max(positions.mari, positions.child) + 1;
	for (const deadline = Date.now() + 15_000; ; ) {
		const size = Number((await (await fetch(`${server.url}/ledger/checkpoint`)).text()).split('\n')[1]);
		if (size >= needed) break;
		if (Date.now() > deadline) throw new Error(`no checkpoint covers ${needed} entries; the latest has ${size}`);
		await new Promise((r) => setTimeout(r, 200));
	}
});

afterAll(async () => {
	await server?.stop();
});

const cookieHeader = (...cookies: (string | null)[]) => cookies.filter(Boolean).join('; ');

async function get(path: string, ...cookies: (string | null)[]) {
	return fetch(`${server.url}${path}`, { headers: { cookie: cookieHeader(...cookies), 'accept-language': 'en' }, redirect: 'manual' });
}

/** The subject cookie as the response sets it (null: not touched). */
function subjectCookieSet(res: Response): string | null {
	return res.headers.getSetCookie().find((c) => c.startsWith('peegel_subject=')) ?? null;
}

/** Submit the person switcher as a browser does (a plain form post). */
async function choose(session: string, person: string, next = '/me') {
	const res = await fetch(`${server.url}/me/person`, {
		method: 'POST',
		headers: { cookie: session, origin: server.url, accept: 'text/html', 'accept-language': 'en', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ person, next }),
		redirect: 'manual'
	});
	const set = subjectCookieSet(res);
	return { res, set, cookie: set && !/max-age=0/i.test(set) ? set.split(';')[0]! : null };
}

/** Event ids the proofs endpoint answers for (proven or pending), out of those asked for. */
async function ledgerIds(ids: string[], ...cookies: (string | null)[]): Promise<string[]> {
	const res = await get(`/me/ledger.json?ids=${ids.join(',')}`, ...cookies);
	expect(res.status).toBe(200);
	const body = (await res.json()) as { bundles: { event: { event_id: string } }[]; pending: string[] };
	return [...body.bundles.map((b) => b.event.event_id), ...body.pending].sort();
}

describe('a parent switches to a minor child', () => {
	it('lists the child on the switch page and in the /me layout', async () => {
		const mari = await server.signIn('mari');
		const html = await (await get('/me/person', mari)).text();
		expect(html).toContain('My own records');
		expect(html).toContain(`${CHILD_NAME}, your child`);
		expect(html).toContain(`value="${CHILD}"`);
	});

	it('sets an httpOnly, SameSite=Lax cookie holding only the child’s code, then shows the child’s events and not hers', async () => {
		const mari = await server.signIn('mari');
		const { res, set, cookie } = await choose(mari, CHILD);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/me');
		expect(set).toMatch(new RegExp(`^peegel_subject=${CHILD};`));
		expect(set).toMatch(/HttpOnly/i);
		expect(set).toMatch(/SameSite=Lax/i);

		const page = await get('/me', mari, cookie);
		expect(page.status).toBe(200);
		expect(subjectCookieSet(page)).toBeNull();
		const html = await page.text();
		expect(html).toContain(`You are viewing the records of ${CHILD_NAME}, your child.`);
		expect(html).toContain(`data-event-id="${events.child}"`);
		expect(html).not.toContain(`data-event-id="${events.mari}"`);

		expect(await ledgerIds([events.child, events.mari], mari, cookie)).toEqual([events.child]);
	});

	it('lets the log’s leaf and inclusion proof be read for the child’s events only while switched', async () => {
		const mari = await server.signIn('mari');
		const { cookie } = await choose(mari, CHILD);
		expect((await get(`/ledger/leaf?index=${positions.child}`, mari, cookie)).status).toBe(200);
		expect((await get(`/ledger/leaf?index=${positions.mari}`, mari, cookie)).status).toBe(403);
		expect((await get(`/ledger/leaf?index=${positions.child}`, mari)).status).toBe(403);
		expect((await get(`/ledger/leaf?index=${positions.mari}`, mari)).status).toBe(200);
	});

	it('switches back to her own records, clearing the cookie', async () => {
		const mari = await server.signIn('mari');
		const { cookie } = await choose(mari, CHILD);
		const back = await choose(cookieHeader(mari, cookie), 'self', '/me/person');
		expect(back.res.status).toBe(303);
		expect(back.res.headers.get('location')).toBe('/me/person');
		expect(back.set).toMatch(/^peegel_subject=;.*Max-Age=0/i);
		const html = await (await get('/me', mari)).text();
		expect(html).not.toContain('You are viewing the records of');
		expect(html).toContain(`data-event-id="${events.mari}"`);
		expect(html).not.toContain(`data-event-id="${events.child}"`);
	});

	it('lets the father switch to the child too', async () => {
		const father = await server.signIn(FATHER);
		const { res, cookie } = await choose(father, CHILD);
		expect(res.status).toBe(303);
		expect(await ledgerIds([events.child, events.mari], father, cookie)).toEqual([events.child]);
	});

	it('keeps a redirect on this site’s /me pages', async () => {
		const mari = await server.signIn('mari');
		expect((await choose(mari, CHILD, 'https://evil.example/me')).res.headers.get('location')).toBe('/me');
		expect((await choose(mari, CHILD, '/ledger')).res.headers.get('location')).toBe('/me');
	});
});

describe('the child’s own records', () => {
	it('never include the parent’s events, even with a cookie naming the parent', async () => {
		const child = await server.signIn(CHILD);
		const own = await (await get('/me', child)).text();
		expect(own).toContain(`data-event-id="${events.child}"`);
		expect(own).not.toContain(`data-event-id="${events.mari}"`);
		expect(await ledgerIds([events.child, events.mari], child)).toEqual([events.child]);

		const forged = await get('/me', child, `peegel_subject=${MARI}`);
		expect(subjectCookieSet(forged)).toMatch(/Max-Age=0/i);
		const html = await forged.text();
		expect(html).not.toContain(`data-event-id="${events.mari}"`);
		expect(html).toContain(`data-event-id="${events.child}"`);
		expect(await ledgerIds([events.child, events.mari], child, `peegel_subject=${MARI}`)).toEqual([events.child]);
		expect((await choose(child, MARI)).res.status).toBe(403);
	});
});

describe('forged or stale choices', () => {
	for (const [what, value] of [
		['a stranger', JAAN],
		['garbage', 'EE1%27%20OR%201%3D1'],
		['the person themself', MARI]
	] as const) {
		it(`ignores and clears a cookie naming ${what}`, async () => {
			const mari = await server.signIn('mari');
			const res = await get('/me', mari, `peegel_subject=${value}`);
			expect(res.status).toBe(200);
			expect(subjectCookieSet(res)).toMatch(/^peegel_subject=;.*Max-Age=0/i);
			const html = await res.text();
			expect(html).not.toContain('You are viewing the records of');
			expect(html).toContain(`data-event-id="${events.mari}"`);
			expect(await ledgerIds([events.child, events.mari], mari, `peegel_subject=${value}`)).toEqual([events.mari]);
		});
	}

	it('ignores a cookie naming a child who has turned 18, and refuses to switch to them', async () => {
		const parent = await server.signIn(ee(adultRow!.mother_code));
		const adult = ee(adultRow!.personal_code);
		const res = await get('/me', parent, `peegel_subject=${adult}`);
		expect(subjectCookieSet(res)).toMatch(/Max-Age=0/i);
		expect(await res.text()).not.toContain(`data-event-id="${events.adult}"`);
		expect(await ledgerIds([events.adult], parent, `peegel_subject=${adult}`)).toEqual([]);

		const refused = await choose(parent, adult, '/me');
		expect(refused.res.status).toBe(403);
		expect(refused.set).toBeNull();
		expect(await refused.res.text()).toContain('the population register does not list this person as your child under 18');
	});

	it('refuses a stranger with an error naming the field, and an empty choice', async () => {
		const mari = await server.signIn('mari');
		const stranger = await choose(mari, JAAN);
		expect(stranger.res.status).toBe(403);
		expect(stranger.set).toBeNull();
		const html = await stranger.res.text();
		expect(html).toMatch(/role="alert"[^>]*>You cannot view these records/);
		expect(html).toMatch(/aria-describedby="[^"]*-error/);
		const empty = await choose(mari, '');
		expect(empty.res.status).toBe(400);
		expect(await empty.res.text()).toContain('Choose whose records to show.');
	});

	it('clears a choice cookie left after signing out', async () => {
		const res = await get('/me/person', `peegel_subject=${CHILD}`);
		expect(subjectCookieSet(res)).toMatch(/Max-Age=0/i);
	});
});

describe('findUsage (national portal): userCode other than X-Road-UserId', () => {
	it('accepts either parent for their minor child', async () => {
		for (const parent of [MARI, FATHER]) {
			const r = await findUsage(server, portalKey, { userCode: CHILD, limit: 10_000 }, parent);
			expect(r.status, parent).toBe(200);
			expect(r.body.usages.some((u) => u.action === 'Representation test: the child’s event')).toBe(true);
			expect(r.body.usages.some((u) => u.action === 'Representation test: Mari’s own event')).toBe(false);
		}
	});

	it('refuses a stranger (403), naming both codes and why', async () => {
		const r = await findUsage(server, portalKey, { userCode: CHILD }, JAAN);
		expect(r.status).toBe(403);
		expect(r.body.error).toContain(JAAN);
		expect(r.body.error).toContain(CHILD);
		expect(r.body.error).toMatch(/population register does not list .* child/);
		expect(r.body).not.toHaveProperty('usages');
	});

	it('refuses the child asking for the parent', async () => {
		const r = await findUsage(server, portalKey, { userCode: MARI }, CHILD);
		expect(r.status).toBe(403);
	});

	it('refuses a parent asking for a child who has turned 18, naming the birthday', async () => {
		const r = await findUsage(server, portalKey, { userCode: ee(adultRow!.personal_code) }, ee(adultRow!.mother_code));
		expect(r.status).toBe(403);
		expect(r.body.error).toContain(`turned 18 on ${eighteenthBirthday(adultRow!.birth_date)}`);
	});

	it('still answers a person asking for themself, register or not', async () => {
		expect((await findUsage(server, portalKey, { userCode: CHILD }, CHILD)).status).toBe(200);
		expect((await findUsage(server, portalKey, { userCode: 'FI010190-123A' }, 'FI010190-123A')).status).toBe(200);
	});
});
