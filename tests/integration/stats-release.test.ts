/**
 * Statistics releases against the built server: feeds, usage events, flags and visits go
 * in over HTTP, releases are made through the internal route, and then (the server
 * stopped) the stored releases are read back: a service's released cells equal the counts
 * of the events sent, coverage follows usage events, flags and visits, a small group is
 * suppressed, no released cell counts 1..9 people, each release passes its audit, and a
 * DP release records ε.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateReference } from '../../src/lib/server/seed/reference';
import { TOTAL, AGE_BANDS, CHANNELS } from '../../src/lib/stats/dimensions';
import { auditRelease, type ReleaseCell } from '../../src/lib/stats/suppression';
import { ingest } from '../support/api';
import { newAgencyCode, newEvent, ndjson } from '../support/data';
import { startTestServer, type TestServer } from '../support/server';
import { makeRelease, type ReleaseMade } from '../support/stats';

// The server's data directory, which this process opens itself once the server is stopped.
const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-stats-release-'));
process.env.PEEGEL_DATA_DIR = dataDir;
delete process.env.CLICKHOUSE_URL;
delete process.env.PEEGEL_MIGRATIONS_DIR;

const reference = generateReference({ people: 200, seed: 2026 });
const personaCodes = new Set(reference.personas.map((p) => p.personal_code.replace(/^EE/, '')));
const people = reference.people.filter((p) => !personaCodes.has(p.personal_code)).map((p) => p.personal_code);

const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn', year: 'numeric', month: '2-digit' }).format(new Date());

interface ServiceUse {
	channel: string;
	county: string;
	band: string;
	outcome: string;
	user: string;
}

let server: TestServer;
const releases: Record<'before' | 'small' | 'after' | 'dp', ReleaseMade | null> = { before: null, small: null, after: null, dp: null };
const agency = newAgencyCode();
const bigService: ServiceUse[] = [];
const smallService: ServiceUse[] = [];
let usageEvents = 0;
const usageSubjects = new Set<string>();
const flaggers: string[] = [];
let signatures = 0;

async function post(url: string, key: string, rows: unknown[]): Promise<void> {
	const res = await fetch(`${server.url}${url}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
		body: ndjson(rows)
	});
	const body = await res.text();
	expect(res.status, body).toBe(200);
	expect(JSON.parse(body).rejected ?? []).toEqual([]);
}

function serviceEvents(service: string, uses: ServiceUse[]) {
	return uses.map((u) => ({
		event_id: crypto.randomUUID(),
		used_at: new Date(Date.now() - 60_000).toISOString(),
		agency_code: agency,
		service,
		channel: u.channel,
		outcome: u.outcome,
		user_age_band: u.band,
		user_county: u.county,
		user_pseudonym: u.user
	}));
}

/** A seeded person signs in, looks at /me (a visit) and flags one event about them. */
async function flagAsNewPerson(i: number, usageKey: string): Promise<void> {
	const code = people[i]!;
	const event = newEvent(agency, `EE${code}`);
	expect((await ingest(server, usageKey, [event])).status).toBe(200);
	usageEvents++;
	usageSubjects.add(code);
	const cookie = await server.signIn(code);
	expect((await fetch(`${server.url}/me`, { headers: { cookie } })).status).toBe(200);
	const page = await (await fetch(`${server.url}/me/flag/${event.event_id}?lang=en`, { headers: { cookie } })).text();
	const token = /name="token" value="([0-9a-f-]{36})"/.exec(page)?.[1];
	expect(token).toBeDefined();
	const res = await fetch(`${server.url}/me/flag/${event.event_id}?lang=en`, {
		method: 'POST',
		headers: { cookie, origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ kind: 'unrecognised', comment: '', token: token! }),
		redirect: 'manual'
	});
	expect(res.status, (await res.text()).slice(0, 300)).toBe(303);
	flaggers.push(code);
}

beforeAll(async () => {
	server = await startTestServer({}, { dataDir });
	const key = await server.agencyKey(agency, { name: `Stats test agency ${agency}` });
	releases.before = await makeRelease(server);

	// A service used by 14 people (some twice), and one used by 3: a small group.
	for (let i = 0; i < 14; i++) {
		const use = { channel: CHANNELS[i % 2]!, county: 'Tartu County', band: AGE_BANDS[2 + (i % 3)]!, outcome: i % 4 === 0 ? 'failed' : 'completed', user: `big-${i}` };
		bigService.push(use, ...(i < 4 ? [{ ...use, outcome: 'completed' }] : []));
	}
	for (let i = 0; i < 3; i++) smallService.push({ channel: 'web', county: 'Hiiu County', band: '65+', outcome: 'completed', user: `small-${i}` });
	// A third, smaller in uses than the big one: a candidate complement for the small one.
	const third = Array.from({ length: 10 }, (_, i) => ({ channel: 'web', county: 'Harju County', band: '25-34', outcome: 'completed', user: `third-${i}` }));
	await post('/api/v1/service-events', key, [
		...serviceEvents('stats-big', bigService),
		...serviceEvents('stats-small', smallService),
		...serviceEvents('stats-third', third)
	]);

	// Signatures by 12 signers.
	const signed = Array.from({ length: 12 }, (_, i) => ({
		event_id: crypto.randomUUID(),
		signed_at: new Date(Date.now() - 60_000).toISOString(),
		method: 'smart_id',
		sector: 'government',
		container: 'asice',
		signer_birth_year: 1950,
		signer_county: 'Ida-Viru County',
		signer_pseudonym: `signer-${i}`
	}));
	await post('/api/v1/signature-events', key, signed);
	signatures = signed.length;

	// Usage events about 11 subjects this month.
	const subjects = people.slice(100, 111);
	for (const s of subjects) usageSubjects.add(s);
	const events = subjects.map((s) => newEvent(agency, `EE${s}`));
	expect((await ingest(server, key, events)).status).toBe(200);
	usageEvents += events.length;

	// Three people flag: a small group.
	await Promise.all([0, 1, 2].map((i) => flagAsNewPerson(i, key)));
	releases.small = await makeRelease(server);
	// Nine more: twelve flaggers, twelve who looked at their history.
	await Promise.all(Array.from({ length: 9 }, (_, i) => flagAsNewPerson(3 + i, key)));
	releases.after = await makeRelease(server);
	releases.dp = await makeRelease(server, { dpEpsilon: '1/2' });
	await server.stop({ keepData: true });
}, 120_000);

afterAll(async () => {
	const { closeDb } = await import('../../src/lib/server/db/client');
	await closeDb();
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

const cellRow = z.object({
	dataset: z.enum(['signatures', 'services', 'adoption', 'exchange', 'coverage']),
	period: z.string(),
	d1: z.string(),
	d2: z.string(),
	d3: z.string(),
	d4: z.string(),
	value: z.coerce.number(),
	people: z.coerce.number(),
	base: z.coerce.number(),
	suppressed: z.union([z.boolean(), z.number()]).transform((v) => v === true || v === 1)
});

async function cellsOf(release: ReleaseMade | null): Promise<ReleaseCell[]> {
	const { queryRows } = await import('../../src/lib/server/db/query');
	return queryRows(`SELECT * EXCEPT release_id FROM stats_release_cell WHERE release_id = {id:UInt32}`, { id: release!.releaseId }, cellRow);
}

const find = (cells: ReleaseCell[], dataset: string, dims: string[], period = month) =>
	cells.find((c) => c.dataset === dataset && c.period === period && [c.d1, c.d2, c.d3, c.d4].join('|') === [...dims, '', '', '', ''].slice(0, 4).join('|'));

describe('statistics releases', () => {
	it("a service's released cells equal the counts of the events sent; a small service is suppressed", async () => {
		const cells = await cellsOf(releases.after);
		const mine = cells.filter((c) => c.dataset === 'services' && c.d1 === `${agency}/stats-big` && c.period === month);
		// Released as three tables (service × channel, × county, × age group) sharing the service's total.
		expect(mine.length).toBe(CHANNELS.length + 1 + 17 + AGE_BANDS.length + 1 - 2);
		const match = (want: string, v: string) => want === TOTAL || want === v;
		let released = 0;
		for (const c of mine) {
			const uses = bigService.filter((u) => match(c.d2, u.channel) && match(c.d3, u.county) && match(c.d4, u.band));
			const expected = { value: uses.length, people: new Set(uses.map((u) => u.user)).size, base: uses.filter((u) => u.outcome === 'completed').length };
			if (c.suppressed) {
				expect({ value: c.value, people: c.people, base: c.base }).toEqual({ value: 0, people: 0, base: 0 });
			} else {
				released++;
				expect({ value: c.value, people: c.people, base: c.base }, `${c.d2}/${c.d3}/${c.d4}`).toEqual(expected);
			}
		}
		expect(find(cells, 'services', [`${agency}/stats-big`, TOTAL, TOTAL, TOTAL])).toMatchObject({ suppressed: false, value: 18, people: 14, base: 14 });
		expect(released).toBeGreaterThan(0);
		const small = cells.filter((c) => c.dataset === 'services' && c.d1 === `${agency}/stats-small` && c.people > 0);
		expect(small).toEqual([]);
		expect(find(cells, 'services', [`${agency}/stats-small`, TOTAL, TOTAL, TOTAL])?.suppressed).toBe(true);
		// Not alone: another service's total is withheld with it (which one depends on the demo's own services).
		const withheldTotals = cells.filter((c) => c.dataset === 'services' && c.period === month && c.d2 === TOTAL && c.d3 === TOTAL && c.d4 === TOTAL && c.d1 !== TOTAL && c.suppressed);
		expect(withheldTotals.map((c) => c.d1)).toContain(`${agency}/stats-small`);
		expect(withheldTotals.length).toBeGreaterThanOrEqual(2);
	});

	it('coverage follows the usage events, flags and visits made; three flaggers are suppressed, twelve are released', async () => {
		const [before, small, after] = await Promise.all([cellsOf(releases.before), cellsOf(releases.small), cellsOf(releases.after)]);
		// Agencies reporting count no people: exact, never suppressed.
		const agencies = (cells: ReleaseCell[]) => find(cells, 'coverage', ['agencies_reporting', TOTAL])!;
		expect(agencies(after).value - agencies(before).value).toBe(1);

		// Usage events: the demo data covers whole months, so no month counts fewer than 10
		// people and the series is released in every month.
		const { coverageCells } = await import('../../src/lib/server/stats/release/coverage');
		const truth = (await coverageCells(new Date(), month)).filter((c) => c.d1 === 'usage_events');
		const usage = after.filter((c) => c.dataset === 'coverage' && c.d1 === 'usage_events');
		expect(truth.filter((c) => c.people >= 1 && c.people <= 9)).toEqual([]);
		expect(usage.filter((c) => c.suppressed)).toEqual([]);
		const now = (cells: ReleaseCell[]) => find(cells, 'coverage', ['usage_events', TOTAL])!;
		expect(now(after).value - now(before).value).toBe(usageEvents);
		// People: the demo data may have used some of these people's data this month already.
		expect(now(after).people - now(before).people).toBeGreaterThan(0);
		expect(now(after).people - now(before).people).toBeLessThanOrEqual(usageSubjects.size);
		// Every month, this one included, is what the rollups hold.
		for (const c of usage) expect(c).toMatchObject(truth.find((t) => t.period === c.period)!);
		expect(usage.map((c) => c.period)).toContain(month);

		expect(find(small, 'coverage', ['flags', TOTAL])).toMatchObject({ suppressed: true, value: 0, people: 0 });
		expect(find(small, 'coverage', ['flags', 'unrecognised'])).toMatchObject({ suppressed: true, value: 0, people: 0 });
		expect(find(after, 'coverage', ['flags', TOTAL])).toMatchObject({ suppressed: false, value: 12, people: 12 });
		expect(find(after, 'coverage', ['flags', 'unrecognised'])).toMatchObject({ suppressed: false, value: 12, people: 12 });
		expect(find(after, 'coverage', ['flags', 'unjustified'])).toMatchObject({ suppressed: false, value: 0, people: 0 });
		expect(find(after, 'coverage', ['citizens_viewed', TOTAL])).toMatchObject({ suppressed: false, value: flaggers.length, people: flaggers.length });
	});

	it('signatures sent show in the totals of the current month', async () => {
		const [before, after] = await Promise.all([cellsOf(releases.before), cellsOf(releases.after)]);
		const total = (cells: ReleaseCell[]) => find(cells, 'signatures', [TOTAL, TOTAL, TOTAL, TOTAL]) ?? { value: 0, people: 0, suppressed: false };
		expect(total(after).suppressed).toBe(false);
		expect(total(after).value - total(before).value).toBe(signatures);
		// Released as two tables: method × sector and county × age group (no four-way cells).
		expect(find(after, 'signatures', ['smart_id', 'government', 'Ida-Viru County', '65+'])).toBeUndefined();
		// The 12 signers are in both tables' cells; released cells equal the rollups (a cell may
		// be withheld: the demo's own signatures make some combination small in some month).
		const { signatureCells } = await import('../../src/lib/server/stats/release/signatures');
		const truth = await signatureCells(new Date(), month);
		for (const dims of [
			['smart_id', 'government', TOTAL, TOTAL],
			[TOTAL, TOTAL, 'Ida-Viru County', '65+']
		]) {
			const t = find(truth.map((c) => ({ ...c, suppressed: false })), 'signatures', dims)!;
			expect(t.people, dims.join('/')).toBeGreaterThanOrEqual(12);
			const released = find(after, 'signatures', dims)!;
			if (!released.suppressed) expect(released, dims.join('/')).toMatchObject({ value: t.value, people: t.people });
		}
	});

	it('no released cell counts 1..9 people and every release passes its audit as stored', async () => {
		for (const release of [releases.before, releases.small, releases.after, releases.dp]) {
			const cells = await cellsOf(release);
			expect(cells.length).toBe(release!.cells);
			expect(cells.filter((c) => c.suppressed).length).toBe(release!.suppressed);
			expect(auditRelease(cells, { stored: true })).toEqual([]);
			const small = cells.filter((c) => !c.suppressed && c.dataset !== 'exchange' && c.d1 !== 'agencies_reporting' && c.people >= 1 && c.people <= 9);
			expect(small).toEqual([]);
		}
	});

	it('a DP release records its ε per figure and per person', async () => {
		const { queryOne } = await import('../../src/lib/server/db/query');
		const row = await queryOne(
			`SELECT method, epsilon, epsilon_per_person, min_people FROM stats_release WHERE release_id = {id:UInt32}`,
			{ id: releases.dp!.releaseId },
			z.object({ method: z.string(), epsilon: z.number(), epsilon_per_person: z.number(), min_people: z.number() })
		);
		expect(row).toMatchObject({ method: 'dp', epsilon: 0.5, min_people: 10 });
		expect(row!.epsilon_per_person).toBeGreaterThan(0.5);
		expect(releases.dp).toMatchObject({ method: 'dp', epsilon: 0.5 });
		const plain = await queryOne(`SELECT method, epsilon FROM stats_release WHERE release_id = {id:UInt32}`, { id: releases.after!.releaseId }, z.object({ method: z.string(), epsilon: z.number() }));
		expect(plain).toEqual({ method: 'suppression', epsilon: 0 });
	});
});
