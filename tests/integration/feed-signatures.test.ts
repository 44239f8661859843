/**
 * POST /api/v1/signature-events against the built server: keys, content types, limits,
 * rejected lines with line and field, idempotency, the register lookup, and the rollups
 * (stats_signature_month, stats_adoption_year) equal to counts over the raw rows. What is
 * stored is read from the server's own database once the server is stopped (last test).
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

const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-feed-signatures-'));
process.env.PEEGEL_DATA_DIR = dataDir;
delete process.env.CLICKHOUSE_URL;
delete process.env.PEEGEL_MIGRATIONS_DIR;

let server: TestServer;
let key: string;

beforeAll(async () => {
	server = await startTestServer({}, { dataDir });
	key = await server.agencyKey(newAgencyCode(), { name: 'Test trust service provider' });
});

afterAll(async () => {
	await server?.stop().catch(() => undefined);
	rmSync(dataDir, { recursive: true, force: true });
});

const nextMonth = monthsBefore2016();
const post = (records: unknown[] | string, k: string | null = key, type?: string) => postFeed(server, 'signature-events', k, records, type);

function signature(at: string, signer: Record<string, unknown>, over: Record<string, unknown> = {}): Record<string, unknown> {
	return { event_id: crypto.randomUUID(), signed_at: at, method: 'id_card', sector: 'business', container: 'asice', ...signer, ...over };
}
const pseudonymous = (born: number, county: string, pseudonym: string) => ({ signer_birth_year: born, signer_county: county, signer_pseudonym: pseudonym });

/** What the last test checks in the database, gathered as the others run. */
const expectStored: { ids: string[]; notStored: string[] } = { ids: [], notStored: [] };

describe('requests', () => {
	it('wants an agency key: none or a bad one 401, a portal key 403', async () => {
		const e = signature(nextMonth().at(3), pseudonymous(1970, 'Harju County', 'k'));
		expect((await post([e], null)).status).toBe(401);
		expect((await post([e], 'not-a-key')).status).toBe(401);
		const portal = await server.agencyKey(newAgencyCode(), { portal: true, name: 'Test portal' });
		const r = await post([e], portal);
		expect(r.status).toBe(403);
		expect(r.body.error).toMatch(/portal/);
		expectStored.notStored.push(String(e.event_id));
	});

	it('wants NDJSON or a JSON array (415), a body within 32 MiB (413), some records (400)', async () => {
		const e = signature(nextMonth().at(3), pseudonymous(1970, 'Harju County', 'k'));
		expect((await post(JSON.stringify(e), key, 'text/plain')).status).toBe(415);
		const line = JSON.stringify(e) + '\n';
		const big = await post(line.repeat(Math.ceil((33 * 1024 * 1024) / line.length)));
		expect(big.status).toBe(413);
		expect(big.body.limit_bytes).toBe(32 * 1024 * 1024);
		expect((await post('')).status).toBe(400);
		expect((await post('\n\n')).status).toBe(400);
		const notArray = await post(JSON.stringify(e), key, 'application/json');
		expect(notArray.status).toBe(400);
		expect(notArray.body.error).toMatch(/array/);
		expectStored.notStored.push(String(e.event_id));
	});
});

describe('lines', () => {
	it('stores the valid lines of a mixed batch (207) and names each bad line and field', async () => {
		const m = nextMonth();
		const good = [signature(m.at(2), pseudonymous(1960, 'Tartu County', 'a')), signature(m.at(4), { signer_code: makePersonalCode({ year: 1975, month: 3, day: 3 }, 'F', 17) })];
		const bad = [
			signature(m.at(5), pseudonymous(1960, 'Tartu County', 'b'), { method: 'quill' }),
			signature(m.at(5), { signer_code: '12345678901' }),
			signature(m.at(5), { signer_code: makePersonalCode({ year: 1975, month: 3, day: 3 }, 'F', 18), signer_county: 'Tartu County' }),
			signature(m.at(5), { signer_birth_year: 1960, signer_pseudonym: 'c' }),
			signature(m.at(5), pseudonymous(1960, 'Tartu County', 'd'), { extra: true })
		];
		const body = [good[0], bad[0], bad[1], good[1], bad[2], bad[3], bad[4]].map((e) => JSON.stringify(e)).join('\n') + '\n{not json';
		const r = await post(body);
		expect(r.status).toBe(207);
		expect(r.body.accepted).toEqual(good.map((e) => e.event_id));
		expect(r.body.duplicates).toEqual([]);
		expect(r.body.rejected).toEqual([
			{ line: 2, field: 'method', message: expect.stringMatching(/one of id_card/) },
			{ line: 3, field: 'signer_code', message: expect.stringMatching(/personal code/) },
			{ line: 5, field: 'signer_county', message: expect.stringMatching(/not be sent with signer_code/) },
			{ line: 6, field: 'signer_county', message: expect.stringMatching(/required/) },
			{ line: 7, field: 'extra', message: expect.stringMatching(/not a field/) },
			{ line: 8, field: '', message: expect.stringMatching(/not valid JSON/) }
		]);
		expectStored.ids.push(...good.map((e) => String(e.event_id)));
		expectStored.notStored.push(...bad.map((e) => String(e.event_id)));
	});

	it('stores nothing when every line is bad (422); takes a JSON array', async () => {
		const m = nextMonth();
		const bad = signature(m.at(6), pseudonymous(1960, 'Tartu County', 'x'), { signed_at: '2999-01-01T00:00:00Z' });
		const r = await post([bad]);
		expect(r.status).toBe(422);
		expect(r.body.rejected).toEqual([{ line: 1, field: 'signed_at', message: expect.stringMatching(/future/) }]);
		expectStored.notStored.push(String(bad.event_id));
		const ok = signature(m.at(6), pseudonymous(1960, 'Tartu County', 'x'));
		const a = await post([ok], key, 'application/json');
		expect(a.status).toBe(200);
		expect(a.body.accepted).toEqual([ok.event_id]);
		expectStored.ids.push(String(ok.event_id));
	});
});

const idempotency = nextMonth();
const register = nextMonth();
const rollup = nextMonth();

describe('idempotency', () => {
	it('stores an event once: a repeat in the batch and a resent batch are duplicates', async () => {
		const [a, b] = [signature(idempotency.at(7), pseudonymous(1980, 'Pärnu County', 'p1')), signature(idempotency.at(8), pseudonymous(1980, 'Pärnu County', 'p1'))];
		const first = await post([a, b, { ...a, event_id: String(a!.event_id).toUpperCase() }]);
		expect(first.status).toBe(200);
		expect(first.body).toEqual({ accepted: [a!.event_id, b!.event_id], duplicates: [a!.event_id], rejected: [] });
		const again = await post([b, a]);
		expect(again.body).toEqual({ accepted: [], duplicates: [b!.event_id, a!.event_id], rejected: [] });
		expectStored.ids.push(String(a!.event_id), String(b!.event_id));
	});
});

// The test server's register: PEEGEL_DEMO_PEOPLE=200, seed 2026 (tests/support/server.ts).
const registered = generateReference({ people: 200, seed: 2026 }).people.find((p) => p.county !== 'Harju County' && p.birth_date < '1980')!;
const registeredCodes = new Set(generateReference({ people: 200, seed: 2026 }).people.map((p) => p.personal_code));
let unregistered = makePersonalCode({ year: 1985, month: 6, day: 6 }, 'M', 900);
for (let s = 901; registeredCodes.has(unregistered); s++) unregistered = makePersonalCode({ year: 1985, month: 6, day: 6 }, 'M', s);

describe('register lookup', () => {
	it('takes birth year and county from the register, or the code and "unknown" for someone not in it', async () => {
		const r = await post([
			signature(register.at(9), { signer_code: `EE${registered.personal_code}` }, { method: 'smart_id' }),
			signature(register.at(9), { signer_code: unregistered }, { method: 'mobile_id' })
		]);
		expect(r.status).toBe(200);
		expectStored.ids.push(...r.body.accepted!);
	});
});

/**
 * A varied month: methods, sectors, counties and bands crossed, some signers signing more
 * than once. The youngest signers are born ten years before the (random) month, so they are
 * always a child's band and never born after they signed.
 */
const rollupEvents = Array.from({ length: 60 }, (_, i) =>
	signature(rollup.at(1 + (i % 27), 8 + (i % 9)), pseudonymous([1950, 1972, 1990, rollup.year - 10][i % 4]!, ['Ida-Viru County', 'Harju County', 'Võru County'][i % 3]!, `s${i % 17}`), {
		method: ['id_card', 'mobile_id', 'smart_id'][i % 3],
		sector: ['government', 'business', 'private'][Math.floor(i / 3) % 3],
		container: i % 5 === 0 ? 'pdf' : 'asice'
	})
);

describe('rollups', () => {
	it('accepts a month of varied signatures', async () => {
		const r = await post(rollupEvents);
		expect(r.status).toBe(200);
		expect(r.body.accepted).toHaveLength(60);
		expectStored.ids.push(...r.body.accepted!);
	});
});

const n = z.coerce.number();
const cell = z.object({ method: z.string(), sector: z.string(), county: z.string(), age_band: z.string(), signatures: n, people: n });

describe('what is stored (the server stopped, its database read here)', () => {
	it('is exactly the accepted events, once each, with the register’s figures, and the rollups agree with the raw rows', async () => {
		const db = await openStoppedServerDb(server);
		try {
			const stored = await timesStored(db, 'signature_event', [...expectStored.ids, ...expectStored.notStored]);
			expect(stored).toEqual(new Map(expectStored.ids.map((id) => [id, 1])));

			// Idempotency: the rollup counted the two stored events once each, one person.
			const month = (m: { month: string }) =>
				db.queryRows(
					'SELECT method, sector, county, age_band, sum(signatures) AS signatures, uniqMerge(people) AS people FROM stats_signature_month WHERE month = {m:Date} GROUP BY method, sector, county, age_band ORDER BY method, county',
					{ m: m.month },
					cell
				);
			expect(await month(idempotency)).toEqual([{ method: 'id_card', sector: 'business', county: 'Pärnu County', age_band: ageBand(1980, idempotency.year), signatures: 2, people: 1 }]);

			// Register lookup: the registered person's county and birth year; the other unknown, born as the code says.
			const born = Number(registered.birth_date.slice(0, 4));
			expect(await month(register)).toEqual([
				{ method: 'mobile_id', sector: 'business', county: 'unknown', age_band: ageBand(1985, register.year), signatures: 1, people: 1 },
				{ method: 'smart_id', sector: 'business', county: registered.county, age_band: ageBand(born, register.year), signatures: 1, people: 1 }
			]);
			const years = await db.queryRows(
				'SELECT county, birth_year FROM signature_event WHERE toStartOfMonth(signed_at) = {m:Date} ORDER BY county',
				{ m: register.month },
				z.object({ county: z.string(), birth_year: n })
			);
			expect(years).toEqual([
				{ county: registered.county, birth_year: born },
				{ county: 'unknown', birth_year: 1985 }
			].sort((a, b) => a.county.localeCompare(b.county)));

			// The varied month: rollup = raw = what was sent.
			const expected = new Map<string, { signatures: number; people: Set<string> }>();
			for (const e of rollupEvents) {
				const k = [e.method, e.sector, e.signer_county, ageBand(e.signer_birth_year as number, rollup.year)].join('|');
				const c = expected.get(k) ?? { signatures: 0, people: new Set<string>() };
				c.signatures++;
				c.people.add(String(e.signer_pseudonym));
				expected.set(k, c);
			}
			const fromRollup = await month(rollup);
			const fromRaw = await db.queryRows(
				"SELECT method, sector, county, age_band, count() AS signatures, uniqExact(person_key) AS people FROM signature_event WHERE toStartOfMonth(signed_at, 'Europe/Tallinn') = {m:Date} GROUP BY method, sector, county, age_band ORDER BY method, county",
				{ m: rollup.month },
				cell
			);
			const sorted = (rows: z.infer<typeof cell>[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
			expect(sorted(fromRollup)).toEqual(sorted(fromRaw));
			expect(sorted(fromRollup)).toEqual(
				sorted(
					[...expected].map(([k, c]) => {
						const [method, sector, county, age_band] = k.split('|') as [string, string, string, string];
						return { method, sector, county, age_band, signatures: c.signatures, people: c.people.size };
					})
				)
			);

			// Adoption (both feeds) per year, county and band: rollup = raw, for this file's years.
			const adoption = await adoptionBefore2016(db);
			expect(adoption.rollup.length).toBeGreaterThan(5);
			expect(adoption.rollup).toEqual(adoption.raw);
		} finally {
			await db.closeDb();
		}
	});
});
