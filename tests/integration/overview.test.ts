/**
 * The citizen's overview (/me/overview) against the built server: events ingested in known
 * months and agencies show up in the page's tables with the right counts; restricted events
 * count under "details withheld" without their agency or system; sealed events stay out
 * until disclosed; other people's events never count; a bad period is reported naming the
 * field, never with an error page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReference } from '../../src/lib/server/seed/reference';
import { ingest } from '../support/api';
import { newAgencyCode, newEvent, newSubject } from '../support/data';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;

/** The test server's population (startTestServer seeds 200 people with the default seed). */
const reference = generateReference({ people: 200, seed: 2026 });
const personaCodes = new Set(reference.personas.map((p) => p.personal_code.replace(/^EE/, '')));
// Months long before the demo data (the last two years), so each test's person is fresh there.
const unused = reference.people.map((p) => p.personal_code).filter((c) => !personaCodes.has(c));

beforeAll(async () => {
	server = await startTestServer();
});

afterAll(async () => {
	await server?.stop();
});

/** A seeded person no other test uses, signed in: their subject code and session cookie. */
async function freshPerson(): Promise<{ subject: string; cookie: string }> {
	const code = unused.splice(Math.floor(Math.random() * unused.length), 1)[0];
	if (!code) throw new Error('no unused person left');
	const subject = `EE${code}`;
	return { subject, cookie: await server.signIn(subject) };
}

async function newAgency(name: string): Promise<{ agency: string; key: string; name: string }> {
	const agency = newAgencyCode();
	const unique = `${name} ${agency}`;
	return { agency, key: await server.agencyKey(agency, { name: unique }), name: unique };
}

async function store(key: string, events: Record<string, unknown>[]): Promise<void> {
	const r = await ingest(server, key, events);
	if (r.status !== 200 || r.body.rejected?.length) throw new Error(`ingest: ${r.status} ${JSON.stringify(r.body)}`);
}

/** n events at an instant, for a subject, from an agency. */
function at(agency: string, subject: string, iso: string, n: number, overrides: Record<string, unknown> = {}) {
	return Array.from({ length: n }, () => newEvent(agency, subject, { logged_at: iso, ...overrides }));
}

async function page(cookie: string | null, query: string) {
	const res = await fetch(`${server.url}/me/overview${query}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
	return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

/** The monthly table: per month key, per series key, the count shown. */
function monthlyTable(html: string): Record<string, Record<string, number>> {
	const table = /<table data-table="monthly">([\s\S]*?)<\/table>/.exec(html)?.[1];
	if (!table) throw new Error('no monthly table');
	const out: Record<string, Record<string, number>> = {};
	for (const [, month, cells] of table.matchAll(/<tr data-month="(\d{4}-\d{2})"[^>]*>([\s\S]*?)<\/tr>/g)) {
		out[month!] = Object.fromEntries([...cells!.matchAll(/data-series="([^"]+)"[^>]*>([^<]*)</g)].map(([, k, v]) => [k!, Number(v!.replace(/\D/g, ''))]));
	}
	return out;
}

/** A ranking table: per row key (data-agency / data-system), the count shown. */
function rankingTable(html: string, name: 'agencies' | 'systems'): Record<string, number> {
	const table = new RegExp(`<table data-table="${name}">([\\s\\S]*?)</table>`).exec(html)?.[1];
	if (!table) throw new Error(`no ${name} table`);
	const attr = name === 'agencies' ? 'data-agency' : 'data-system';
	return Object.fromEntries(
		[...table.matchAll(new RegExp(`<tr ${attr}="([^"]+)"[^>]*>([\\s\\S]*?)</tr>`, 'g'))].map(([, key, row]) => {
			const cells = [...row!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)];
			return [key!, Number(cells[cells.length - 1]![1]!.replace(/\D/g, ''))];
		})
	);
}

const text = (html: string) => html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('counts', () => {
	it('shows uses per month and agency, withheld and sealed as the timeline does, in Estonian months', async () => {
		const me = await freshPerson();
		const a = await newAgency('Overview Board A');
		const b = await newAgency('Overview Board B');
		const secret = await newAgency('Hidden Investigator');
		const security = await newAgency('Security Service');

		await store(a.key, [
			...at(a.agency, me.subject, '2005-01-10T10:00:00Z', 3, { system: 'OV-A' }),
			// 00:30 on 1 February in Tallinn.
			...at(a.agency, me.subject, '2005-01-31T22:30:00Z', 1, { system: 'OV-A' }),
			...at(a.agency, me.subject, '2005-03-05T10:00:00Z', 2, { system: 'OV-A' }),
			// Outside the period: December 2004, and 00:30 on 1 April in Tallinn (summer time).
			...at(a.agency, me.subject, '2004-12-31T12:00:00Z', 4, { system: 'OV-A' }),
			...at(a.agency, me.subject, '2005-03-31T21:30:00Z', 4, { system: 'OV-A' }),
			// Someone else's uses in the same months never count.
			...at(a.agency, newSubject(), '2005-02-01T10:00:00Z', 5, { system: 'OV-A' })
		]);
		await store(b.key, at(b.agency, me.subject, '2005-02-15T10:00:00Z', 2, { system: 'OV-B' }));
		// Restricted: counted, under no agency and no system.
		await store(secret.key, at(secret.agency, me.subject, '2005-03-20T10:00:00Z', 1, { system: 'SECRET-SYS', visibility: 'restricted' }));
		// Sealed: absent until the disclosure date, then counted as an ordinary use.
		await store(security.key, [
			...at(security.agency, me.subject, '2005-02-10T10:00:00Z', 2, { system: 'SEALED-SYS', visibility: 'sealed', disclose_after: '2199-01-01T00:00:00Z' }),
			...at(security.agency, me.subject, '2005-03-10T10:00:00Z', 1, { system: 'OPENED-SYS', visibility: 'sealed', disclose_after: '2020-01-01T00:00:00Z' })
		]);

		const r = await page(me.cookie, '?lang=en&period=custom&from=2005-01&to=2005-03');
		expect(r.status).toBe(200);

		expect(monthlyTable(r.html)).toEqual({
			'2005-01': { [a.agency]: 3, [b.agency]: 0, [security.agency]: 0, withheld: 0, total: 3 },
			'2005-02': { [a.agency]: 1, [b.agency]: 2, [security.agency]: 0, withheld: 0, total: 3 },
			'2005-03': { [a.agency]: 2, [b.agency]: 0, [security.agency]: 1, withheld: 1, total: 4 }
		});
		expect(rankingTable(r.html, 'agencies')).toEqual({ [a.agency]: 6, [b.agency]: 2, [security.agency]: 1, withheld: 1 });
		expect(rankingTable(r.html, 'systems')).toEqual({ [`${a.agency}/OV-A`]: 6, [`${b.agency}/OV-B`]: 2, [`${security.agency}/OPENED-SYS`]: 1, withheld: 1 });

		const shown = text(r.html);
		expect(shown).toContain(`10 uses from January 2005 to March 2005; most by ${a.name} (6); busiest month: March 2005 with 4; 1 use with its details withheld.`);
		expect(shown).toContain(`3 agencies used your data from January 2005 to March 2005; the most: ${a.name} with 6`);
		// Nothing of the restricted or undisclosed events' agency or system reaches the page.
		for (const hidden of [secret.agency, secret.name, 'SECRET-SYS', 'SEALED-SYS']) expect(r.html).not.toContain(hidden);
	});

	it('starts all time at the first month with uses, and groups agencies beyond the coloured ones', async () => {
		const me = await freshPerson();
		const agencies = await Promise.all(Array.from({ length: 7 }, (_, i) => newAgency(`Grouped Agency ${i}`)));
		// Agency i has 7 - i uses in May 2003: the two with fewest are grouped as "other agencies".
		for (const [i, ag] of agencies.entries()) await store(ag.key, at(ag.agency, me.subject, '2003-05-15T10:00:00Z', 7 - i));

		// All time; the month itself is the axis then (the demo data is in the last two years).
		const all = await page(me.cookie, '?lang=en&period=all');
		expect(all.status).toBe(200);
		expect(Object.keys(monthlyTable(all.html))[0]).toBe('2003-05');
		// Within May 2003 only these agencies count: the five with most uses get columns.
		const r = await page(me.cookie, '?lang=en&from=2003-05&to=2003-05');
		const may = monthlyTable(r.html)['2003-05']!;
		expect(may.other).toBe(2 + 1);
		expect(may.total).toBe(28);
		for (const ag of agencies.slice(0, 5)) expect(may[ag.agency]).toBe(7 - agencies.indexOf(ag));
		// The ranking lists every agency by itself.
		const ranking = rankingTable(r.html, 'agencies');
		for (const [i, ag] of agencies.entries()) expect(ranking[ag.agency]).toBe(7 - i);
	});

	it('never counts another person’s events', async () => {
		const me = await freshPerson();
		const other = await freshPerson();
		const a = await newAgency('Other People Agency');
		await store(a.key, [...at(a.agency, other.subject, '2006-04-04T10:00:00Z', 3), ...at(a.agency, newSubject(), '2006-05-04T10:00:00Z', 2)]);

		const mine = await page(me.cookie, '?lang=en&from=2006-01&to=2006-12');
		expect(mine.status).toBe(200);
		const months = monthlyTable(mine.html);
		expect(Object.keys(months)).toHaveLength(12);
		for (const row of Object.values(months)) expect(row).toEqual({ total: 0 });
		expect(rankingTable(mine.html, 'agencies')).toEqual({});
		expect(mine.html).not.toContain(a.agency);
		expect(text(mine.html)).toContain('No uses of your data from January 2006 to December 2006.');

		const theirs = await page(other.cookie, '?lang=en&from=2006-01&to=2006-12');
		expect(monthlyTable(theirs.html)['2006-04']).toEqual({ [a.agency]: 3, total: 3 });
		expect(monthlyTable(theirs.html)['2006-05']).toEqual({ [a.agency]: 0, total: 0 });
	});
});

describe('the period', () => {
	const bad: [string, string, RegExp][] = [
		['an unknown choice', '?lang=en&period=5y', /Period\s*:\s*must be one of the choices offered/],
		['a month that is not one', '?lang=en&period=custom&from=2025-13', /From month\s*:\s*must be a month written YYYY-MM/],
		['a month in words', '?lang=en&from=2025-01&to=May', /To month\s*:\s*must be a month written YYYY-MM/],
		['a From month in the future', `?lang=en&from=${new Date().getUTCFullYear() + 1}-12`, /From month\s*:\s*must not be after the current month/],
		['a To month before the From month', '?lang=en&from=2025-06&to=2025-01', /To month\s*:\s*must not be before the From month/],
		['Estonian', '?lang=et&from=x', /Alguskuu\s*:\s*peab olema kuu kujul AAAA-KK/],
		['Russian', '?lang=ru&period=week', /Период\s*:\s*должен быть одним из предложенных вариантов/]
	];
	for (const [name, query, message] of bad) {
		it(`reports ${name} naming the field, and still shows the overview (200)`, async () => {
			const me = await freshPerson();
			const r = await page(me.cookie, query);
			expect(r.status).toBe(200);
			expect(r.html).toContain('role="alert"');
			expect(text(r.html)).toMatch(message);
			expect(r.html).toContain('data-table="monthly"');
			expect(r.html).toMatch(/aria-invalid="true"|aria-describedby="period-errors"/);
		});
	}

	it('survives odd query strings', async () => {
		const me = await freshPerson();
		for (const q of ['?period=&from=&to=', '?period=custom&period=all', `?from=${'9'.repeat(5000)}`, '?from=%00%ff', '?to=2025-01&to=2026-01']) {
			expect((await page(me.cookie, q)).status, q).toBe(200);
		}
	});

	it('defaults to the last 12 months, this month included', async () => {
		const me = await freshPerson();
		const r = await page(me.cookie, '?lang=en');
		expect(r.status).toBe(200);
		const months = Object.keys(monthlyTable(r.html));
		expect(months).toHaveLength(12);
		const now = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn', year: 'numeric', month: '2-digit' }).format(new Date());
		expect(months[11]).toBe(now.slice(0, 7));
		expect(r.html).toMatch(/id="period-12m"[^>]*checked|checked[^>]*id="period-12m"/);
	});
});

it('sends a visitor who is not signed in to sign in, coming back afterwards', async () => {
	const r = await page(null, '?period=all');
	expect(r.status).toBe(303);
	expect(r.location).toBe('/auth/demo?next=/me/overview%3Fperiod%3Dall');
});
