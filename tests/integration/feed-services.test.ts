/**
 * POST /api/v1/service-events against the built server: keys, the agency's own services
 * only, rejected lines with line and field, idempotency, the register lookup, and the
 * rollups (stats_service_month, stats_adoption_year across both feeds) equal to counts over
 * the raw rows. What is stored is read from the server's own database once it is stopped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makePersonalCode } from '../../src/lib/personal-code';
import { ageBand } from '../../src/lib/stats/dimensions';
import { generateReference } from '../../src/lib/server/seed/reference';
import { newAgencyCode } from '../support/data';
import { adoptionBefore2016, monthsBefore2016, openStoppedServerDb, postFeed, timesStored } from '../support/feeds';
import { startTestServer, type TestServer } from '../support/server';

const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-feed-services-'));
process.env.PEEGEL_DATA_DIR = dataDir;
delete process.env.CLICKHOUSE_URL;
delete process.env.PEEGEL_MIGRATIONS_DIR;

let server: TestServer;
const agency = newAgencyCode();
let key: string;

beforeAll(async () => {
	server = await startTestServer({}, { dataDir });
	key = await server.agencyKey(agency, { name: 'Test service provider' });
});

afterAll(async () => {
	await server?.stop().catch(() => undefined);
	rmSync(dataDir, { recursive: true, force: true });
});

const nextMonth = monthsBefore2016();
const post = (records: unknown[] | string, k: string | null = key, type?: string) => postFeed(server, 'service-events', k, records, type);

function use(at: string, user: Record<string, unknown>, over: Record<string, unknown> = {}): Record<string, unknown> {
	return { event_id: crypto.randomUUID(), used_at: at, agency_code: agency, service: 'test-service', channel: 'web', outcome: 'completed', ...user, ...over };
}
const pseudonymous = (band: string, county: string, pseudonym: string) => ({ user_age_band: band, user_county: county, user_pseudonym: pseudonym });

const expectStored: { ids: string[]; notStored: string[] } = { ids: [], notStored: [] };

describe('requests', () => {
	it('wants an agency key (401, portal 403) and NDJSON or JSON (415)', async () => {
		const e = use(nextMonth().at(3), pseudonymous('25-34', 'Harju County', 'k'));
		expect((await post([e], null)).status).toBe(401);
		expect((await post([e], 'wrong')).status).toBe(401);
		expect((await post([e], await server.agencyKey(newAgencyCode(), { portal: true, name: 'Portal' }))).status).toBe(403);
		expect((await post(JSON.stringify(e), key, 'text/csv')).status).toBe(415);
		expect((await post('')).status).toBe(400);
		expectStored.notStored.push(String(e.event_id));
	});
});

describe('lines', () => {
	it('stores the valid lines (207), refuses another agency’s services and names each bad line and field', async () => {
		const m = nextMonth();
		const good = use(m.at(2), pseudonymous('25-34', 'Harju County', 'a'));
		const bad = [
			use(m.at(2), pseudonymous('25-34', 'Harju County', 'a'), { agency_code: '70000349' }),
			use(m.at(2), pseudonymous('25-34', 'Harju County', 'a'), { service: 'Tax Return' }),
			use(m.at(2), pseudonymous('25-34', 'Harju County', 'a'), { channel: 'pigeon' }),
			use(m.at(2), { user_age_band: '25-34', user_county: 'Harju County' }),
			use(m.at(2), pseudonymous('25-34', 'Harju County', 'a'), { used_at: '2026-13-01T00:00:00Z' })
		];
		const r = await post([bad[0], good, ...bad.slice(1)], key, 'application/json');
		expect(r.status).toBe(207);
		expect(r.body.accepted).toEqual([good.event_id]);
		expect(r.body.rejected).toEqual([
			{ line: 1, field: 'agency_code', message: `must be ${agency}, the agency this API key belongs to` },
			{ line: 3, field: 'service', message: expect.stringMatching(/lower-case/) },
			{ line: 4, field: 'channel', message: expect.stringMatching(/one of web/) },
			{ line: 5, field: 'user_pseudonym', message: expect.stringMatching(/required/) },
			{ line: 6, field: 'used_at', message: expect.stringMatching(/RFC 3339/) }
		]);
		expectStored.ids.push(String(good.event_id));
		expectStored.notStored.push(...bad.map((e) => String(e.event_id)));
		const none = await post([bad[1]]);
		expect(none.status).toBe(422);
	});
});

const idempotency = nextMonth();
const register = nextMonth();
const rollup = nextMonth();

describe('idempotency', () => {
	it('stores a use once: a repeat in the batch and a resent batch are duplicates', async () => {
		const a = use(idempotency.at(5), pseudonymous('65+', 'Saare County', 'u1'));
		const first = await post([a, a]);
		expect(first.body).toEqual({ accepted: [a.event_id], duplicates: [a.event_id], rejected: [] });
		const again = await post([a]);
		expect(again.status).toBe(200);
		expect(again.body).toEqual({ accepted: [], duplicates: [a.event_id], rejected: [] });
		expectStored.ids.push(String(a.event_id));
	});
});

const reference = generateReference({ people: 200, seed: 2026 });
const registered = reference.people.find((p) => p.county === 'Ida-Viru County' || (p.county !== 'Harju County' && p.birth_date < '1990'))!;
const codes = new Set(reference.people.map((p) => p.personal_code));
let unregistered = makePersonalCode({ year: 1992, month: 2, day: 2 }, 'F', 700);
for (let s = 701; codes.has(unregistered); s++) unregistered = makePersonalCode({ year: 1992, month: 2, day: 2 }, 'F', s);

describe('register lookup', () => {
	it('takes the county from the register and the band from the birth year, or "unknown" for someone not in it', async () => {
		const r = await post([use(register.at(9), { user_code: registered.personal_code }, { service: 'svc-a' }), use(register.at(9), { user_code: `EE${unregistered}` }, { service: 'svc-b' })]);
		expect(r.status).toBe(200);
		expectStored.ids.push(...r.body.accepted!);
		// The same person signing in the same year is one adopter, not two.
		const sigKey = await server.agencyKey(newAgencyCode());
		const s = await postFeed(server, 'signature-events', sigKey, [
			{ event_id: crypto.randomUUID(), signed_at: register.at(20), method: 'id_card', sector: 'government', container: 'asice', signer_code: registered.personal_code }
		]);
		expect(s.status).toBe(200);
	});
});

const rollupEvents = Array.from({ length: 50 }, (_, i) =>
	use(rollup.at(1 + (i % 25)), pseudonymous(['18-24', '45-54', '65+'][i % 3]!, ['Ida-Viru County', 'Tartu County'][i % 2]!, `u${i % 13}`), {
		service: ['income-tax-return', 'prescriptions'][Math.floor(i / 2) % 2],
		channel: ['web', 'mobile_app', 'service_desk'][i % 3],
		outcome: i % 7 === 0 ? 'failed' : i % 11 === 0 ? 'abandoned' : 'completed'
	})
);

describe('rollups', () => {
	it('accepts a month of varied uses', async () => {
		const r = await post(rollupEvents);
		expect(r.status).toBe(200);
		expect(r.body.accepted).toHaveLength(50);
		expectStored.ids.push(...r.body.accepted!);
	});
});

const n = z.coerce.number();
const cell = z.object({ service: z.string(), channel: z.string(), county: z.string(), age_band: z.string(), uses: n, completed: n, people: n });
const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('what is stored (the server stopped, its database read here)', () => {
	it('is exactly the accepted uses, once each, and the rollups agree with the raw rows', async () => {
		const db = await openStoppedServerDb(server);
		try {
			const stored = await timesStored(db, 'service_event', [...expectStored.ids, ...expectStored.notStored]);
			expect(stored).toEqual(new Map(expectStored.ids.map((id) => [id, 1])));

			const month = (m: { month: string }) =>
				db.queryRows(
					'SELECT service, channel, county, age_band, sum(uses) AS uses, sum(completed) AS completed, uniqMerge(people) AS people FROM stats_service_month WHERE month = {m:Date} AND agency_code = {a:String} GROUP BY service, channel, county, age_band',
					{ m: m.month, a: agency },
					cell
				);
			expect(await month(idempotency)).toEqual([{ service: 'test-service', channel: 'web', county: 'Saare County', age_band: '65+', uses: 1, completed: 1, people: 1 }]);

			const born = Number(registered.birth_date.slice(0, 4));
			expect(sorted(await month(register))).toEqual(
				sorted([
					{ service: 'svc-a', channel: 'web', county: registered.county, age_band: ageBand(born, register.year), uses: 1, completed: 1, people: 1 },
					{ service: 'svc-b', channel: 'web', county: 'unknown', age_band: ageBand(1992, register.year), uses: 1, completed: 1, people: 1 }
				])
			);
			const adopters = await db.queryOne(
				'SELECT uniqMerge(people) AS people FROM stats_adoption_year WHERE year = {y:UInt16} AND county = {c:String} AND age_band = {b:String}',
				{ y: register.year, c: registered.county, b: ageBand(born, register.year) },
				z.object({ people: n })
			);
			expect(adopters).toEqual({ people: 1 });

			const expected = new Map<string, { uses: number; completed: number; people: Set<string> }>();
			for (const e of rollupEvents) {
				const k = [e.service, e.channel, e.user_county, e.user_age_band].join('|');
				const c = expected.get(k) ?? { uses: 0, completed: 0, people: new Set<string>() };
				c.uses++;
				if (e.outcome === 'completed') c.completed++;
				c.people.add(String(e.user_pseudonym));
				expected.set(k, c);
			}
			const fromRaw = await db.queryRows(
				"SELECT service, channel, county, age_band, count() AS uses, countIf(outcome = 'completed') AS completed, uniqExact(person_key) AS people FROM service_event WHERE toStartOfMonth(used_at, 'Europe/Tallinn') = {m:Date} AND agency_code = {a:String} GROUP BY service, channel, county, age_band",
				{ m: rollup.month, a: agency },
				cell
			);
			const fromRollup = await month(rollup);
			expect(sorted(fromRollup)).toEqual(sorted(fromRaw));
			expect(sorted(fromRollup)).toEqual(
				sorted(
					[...expected].map(([k, c]) => {
						const [service, channel, county, age_band] = k.split('|') as [string, string, string, string];
						return { service, channel, county, age_band, uses: c.uses, completed: c.completed, people: c.people.size };
					})
				)
			);

			// Adoption (both feeds) per year, county and band: rollup = raw, for this file's years.
			const adoption = await adoptionBefore2016(db);
			expect(adoption.rollup.length).toBeGreaterThan(5);
			expect(adoption.rollup).toEqual(adoption.raw);

			// The catalogue's names for the site, seeded with the demo data.
			const names = await db.queryOne("SELECT name_et, name_ru FROM e_service FINAL WHERE code = 'income-tax-return'", {}, z.object({ name_et: z.string(), name_ru: z.string() }));
			expect(names).toEqual({ name_et: 'Tuludeklaratsiooni esitamine', name_ru: 'Подача декларации о доходах' });
		} finally {
			await db.closeDb();
		}
	});
});
