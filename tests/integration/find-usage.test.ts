/**
 * The national portal protocol (specs/aj-findusage-openapi.yaml) as the eesti.ee Data
 * Tracker calls it: /findUsage/v2/findUsage, /usagePeriod and /heartbeat over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCIES, AGENCY, PURPOSES } from '../../src/lib/server/seed/catalogue';
import { findUsage, ingest, usagesOf } from '../support/api';
import { newAgencyCode, newEvent, newSubject } from '../support/data';
import { startTestServer, type TestServer } from '../support/server';
import { newScope } from '../support/scope';

let server: TestServer;
let portalKey: string;

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
/** A fixed past minute for event times, so bounds can be written exactly. */
const BASE = Date.UTC(2025, 2, 10, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
	server = await startTestServer();
	portalKey = await server.agencyKey(newAgencyCode(), { portal: true, name: 'Riigiportaal (test)' });
});

afterAll(async () => {
	await server?.stop();
});

const scope = () => newScope(server);

async function store(key: string, events: Record<string, unknown>[]): Promise<void> {
	const r = await ingest(server, key, events);
	if (r.status !== 200) throw new Error(`ingest: ${r.status} ${JSON.stringify(r.body)}`);
}

/** n events for one subject, one minute apart from BASE, actions "event 1".."event n". */
async function storeSeries(n: number) {
	const s = await scope();
	const events = Array.from({ length: n }, (_, i) => newEvent(s.agency, s.subject, { logged_at: iso(BASE + i * 60_000), action: `event ${i + 1}` }));
	await store(s.key, events);
	return { ...s, events };
}

async function get(path: string, headers: Record<string, string> = {}) {
	const res = await fetch(`${server.url}${path}`, { headers });
	return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Record<string, unknown> };
}

describe('authentication', () => {
	it('refuses findUsage without a key or with a bad key (401)', async () => {
		const subject = newSubject();
		const none = await findUsage(server, null, { userCode: subject });
		expect(none.status).toBe(401);
		expect(none.body.error).toMatch(/key/);
		expect((await findUsage(server, 'pgl_nonsense', { userCode: subject })).status).toBe(401);
		expect((await findUsage(server, `pgl_${'a'.repeat(16)}_${'b'.repeat(32)}`, { userCode: subject })).status).toBe(401);
	});

	it('refuses an agency key (403): agencies cannot read citizens’ logs through the portal protocol', async () => {
		const { key, subject } = await scope();
		const r = await findUsage(server, key, { userCode: subject });
		expect(r.status).toBe(403);
		expect(r.body.error).toMatch(/portal key/);
	});

	it('checks the key before the parameters', async () => {
		expect((await findUsage(server, null, { userCode: 'nonsense' }, null)).status).toBe(401);
	});

	it('refuses usagePeriod without a portal key', async () => {
		const { key } = await scope();
		expect((await get('/findUsage/v2/usagePeriod')).status).toBe(401);
		expect((await get('/findUsage/v2/usagePeriod', { authorization: `Bearer ${key}` })).status).toBe(403);
	});
});

describe('parameters', () => {
	it('requires the X-Road-UserId header, naming it', async () => {
		const subject = newSubject();
		const missing = await findUsage(server, portalKey, { userCode: subject }, null);
		expect(missing.status).toBe(400);
		expect(missing.body.error).toMatch(/X-Road-UserId/);
		const invalid = await findUsage(server, portalKey, { userCode: subject }, 'EE12345678901');
		expect(invalid.status).toBe(400);
		expect(invalid.body.error).toMatch(/X-Road-UserId/);
	});

	it('refuses an X-Road-UserId different from userCode unless it represents that person (403; representation.test.ts has the accepted cases)', async () => {
		const { key, agency, subject } = await scope();
		await store(key, [newEvent(agency, subject)]);
		const stranger = newSubject(1970);
		const r = await findUsage(server, portalKey, { userCode: subject }, stranger);
		expect(r.status).toBe(403);
		expect(r.body.error).toMatch(/population register does not list/);
		expect(r.body).not.toHaveProperty('usages');
	});

	// null: leave the parameter out.
	const bad: [string, Record<string, string | number | null>, RegExp][] = [
		['userCode missing', { userCode: null }, /^userCode/],
		['userCode empty', { userCode: '' }, /^userCode/],
		['userCode without country prefix', { userCode: '38001085718' }, /^userCode/],
		['userCode with a bad check digit', { userCode: 'EE38001085719' }, /^userCode.*check digit/],
		['periodStart not a date', { periodStart: 'yesterday' }, /^periodStart.*RFC 3339/],
		['periodStart without time', { periodStart: '2025-03-10' }, /^periodStart/],
		['periodEnd without offset', { periodEnd: '2025-03-10T12:00:00' }, /^periodEnd/],
		['periodEnd not a real day', { periodEnd: '2025-02-30T12:00:00Z' }, /^periodEnd/],
		['periodStart after periodEnd', { periodStart: '2025-03-11T00:00:00Z', periodEnd: '2025-03-10T00:00:00Z' }, /^periodStart.*periodEnd/],
		['negative offset', { offset: -1 }, /^offset/],
		['fractional offset', { offset: '1.5' }, /^offset/],
		['limit 0', { limit: 0 }, /^limit/],
		['limit over 10000', { limit: 10_001 }, /^limit/],
		['limit not a number', { limit: 'all' }, /^limit/]
	];
	for (const [name, params, message] of bad) {
		it(`refuses ${name} (400, naming the parameter)`, async () => {
			const subject = newSubject();
			const query = Object.fromEntries(Object.entries({ userCode: subject, ...params }).filter(([, v]) => v !== null)) as Record<string, string | number>;
			const r = await findUsage(server, portalKey, query, subject);
			expect(r.status).toBe(400);
			expect(r.body.error).toMatch(message);
		});
	}

	it('ignores unknown parameters and never answers 500 to odd input', async () => {
		const subject = newSubject();
		const odd: Record<string, string | number>[] = [
			{ userCode: subject, foo: 'bar', userId: 'x' },
			{ userCode: subject, periodStart: '0001-01-01T00:00:00Z', periodEnd: '9999-12-31T23:59:59.999Z' },
			{ userCode: subject, periodStart: '2025-03-10T12:00:00.123456789+02:00' },
			{ userCode: subject, offset: 2_147_483_647, limit: 10_000 },
			{ userCode: subject, offset: '99999999999999999999' },
			{ userCode: 'FI010190-123A' },
			{ userCode: 'EE' + '9'.repeat(200) },
			{ userCode: "EE38001085718' OR 1=1 --" },
			{ userCode: subject, periodStart: '2025-03-10T12:00:00Z', periodEnd: '2025-03-10T12:00:00Z' }
		];
		for (const params of odd) {
			for (const userId of [subject, params.userCode as string]) {
				const r = await findUsage(server, portalKey, params, userId);
				expect(r.status, `${JSON.stringify(params)} as ${userId}`).toBeLessThan(500);
			}
		}
		expect((await findUsage(server, portalKey, odd[0]!, subject)).status).toBe(200);
		// A foreign person asking for themself (a userCode other than X-Road-UserId needs a representation).
		expect((await findUsage(server, portalKey, odd[5]!)).status).toBe(200);
	});
});

describe('results', () => {
	it('returns at most 1000 usages by default, with the full total', async () => {
		const s = await scope();
		const events = Array.from({ length: 1005 }, (_, i) => newEvent(s.agency, s.subject, { logged_at: iso(BASE + i * 1000) }));
		await store(s.key, events);
		const r = await findUsage(server, portalKey, { userCode: s.subject });
		expect(r.status).toBe(200);
		expect(r.body.totalUsages).toBe(1005);
		expect(r.body.usages).toHaveLength(1000);
		expect(r.body.usages[0]!.logtime).toBe(iso(BASE + 1004 * 1000));
		const rest = await findUsage(server, portalKey, { userCode: s.subject, offset: 1000 });
		expect(rest.body.usages.map((u) => u.logtime)).toEqual([4, 3, 2, 1, 0].map((i) => iso(BASE + i * 1000)));
	});

	it('returns newest first, in RFC 3339 UTC', async () => {
		const { subject } = await storeSeries(5);
		const { usages, totalUsages } = await usagesOf(server, portalKey, subject);
		expect(totalUsages).toBe(5);
		expect(usages.map((u) => u.action)).toEqual(['event 5', 'event 4', 'event 3', 'event 2', 'event 1']);
		for (const u of usages) expect(u.logtime).toMatch(RFC3339_UTC);
		expect(usages.map((u) => u.logtime)).toEqual([4, 3, 2, 1, 0].map((i) => iso(BASE + i * 60_000)));
	});

	it('converts an event’s offset time to UTC', async () => {
		const { agency, key, subject } = await scope();
		await store(key, [newEvent(agency, subject, { logged_at: '2025-03-10T14:00:00.250+02:00' })]);
		expect((await usagesOf(server, portalKey, subject)).usages[0]!.logtime).toBe('2025-03-10T12:00:00.250Z');
	});

	it('pages with offset and limit, totalUsages unchanged', async () => {
		const { subject } = await storeSeries(7);
		const page = await findUsage(server, portalKey, { userCode: subject, offset: 2, limit: 3 });
		expect(page.status).toBe(200);
		expect(page.body.totalUsages).toBe(7);
		expect(page.body.usages.map((u) => u.action)).toEqual(['event 5', 'event 4', 'event 3']);
		const last = await findUsage(server, portalKey, { userCode: subject, offset: 6, limit: 3 });
		expect(last.body.totalUsages).toBe(7);
		expect(last.body.usages.map((u) => u.action)).toEqual(['event 1']);
		const beyond = await findUsage(server, portalKey, { userCode: subject, offset: 50 });
		expect(beyond.body).toEqual({ totalUsages: 7, usages: [] });
	});

	it('filters by period, both bounds inclusive', async () => {
		const { subject } = await storeSeries(3); // BASE, BASE+1 min, BASE+2 min
		const t = (i: number) => BASE + i * 60_000;
		const actions = async (params: Record<string, string>) => {
			const r = await findUsage(server, portalKey, { userCode: subject, ...params });
			expect(r.status).toBe(200);
			expect(r.body.totalUsages).toBe(r.body.usages.length);
			return r.body.usages.map((u) => u.action);
		};
		expect(await actions({ periodStart: iso(t(1)), periodEnd: iso(t(1)) })).toEqual(['event 2']);
		expect(await actions({ periodStart: iso(t(1)) })).toEqual(['event 3', 'event 2']);
		expect(await actions({ periodEnd: iso(t(1)) })).toEqual(['event 2', 'event 1']);
		expect(await actions({ periodStart: iso(t(0) + 1), periodEnd: iso(t(2) - 1) })).toEqual(['event 2']);
		// The same instant written with an offset.
		expect(await actions({ periodStart: '2025-03-10T14:01:00+02:00', periodEnd: '2025-03-10T14:01:00+02:00' })).toEqual(['event 2']);
		expect(await actions({ periodStart: '2025-03-10T12:05:00Z' })).toEqual([]);
	});

	it('leaves out sealed events until their disclosure date', async () => {
		const { agency, key, subject } = await scope();
		await store(key, [
			newEvent(agency, subject, { action: 'open', logged_at: iso(BASE) }),
			newEvent(agency, subject, { action: 'sealed, still secret', logged_at: iso(BASE + 1000), visibility: 'sealed', disclose_after: '2099-01-01T00:00:00Z' }),
			newEvent(agency, subject, { action: 'sealed, disclosed', logged_at: iso(BASE + 2000), visibility: 'sealed', disclose_after: iso(BASE + 86_400_000) })
		]);
		const r = await usagesOf(server, portalKey, subject);
		expect(r.totalUsages).toBe(2);
		expect(r.usages.map((u) => u.action)).toEqual(['sealed, disclosed', 'open']);
	});

	it('shows restricted events by their time only', async () => {
		const { agency, key, subject } = await scope();
		await store(key, [
			newEvent(agency, subject, { action: 'Kriminaalmenetluse päring', logged_at: iso(BASE), visibility: 'restricted', system: 'SECRET-IS' })
		]);
		const r = await usagesOf(server, portalKey, subject);
		expect(r.totalUsages).toBe(1);
		const u = r.usages[0]!;
		expect(u.logtime).toBe(iso(BASE));
		expect(u.action).toMatch(/varjatud|withheld/);
		expect(u.action).not.toMatch(/Kriminaal/);
		expect(u.receiverCode).toBe('');
		expect(u.receiverName).toBe('');
		expect(u.receiverSystem).toBe('');
		expect(JSON.stringify(r)).not.toMatch(new RegExp(`${agency}|SECRET-IS`));
	});

	it('names the agency, the system and the purpose from the reference data', async () => {
		// A seeded agency with a known system and purpose (the demo catalogue).
		const purpose = PURPOSES.find((p) => p.code === 'RR-ADDR-CHECK') ?? PURPOSES[0]!;
		const spec = AGENCIES.find((a) => a.key === purpose.agency)!;
		const code = AGENCY[spec.key];
		const systemName = spec.systems.find((s) => s.code === purpose.system)!.name;
		const key = await server.agencyKey(code);
		const subject = newSubject();
		await store(key, [
			newEvent(code, subject, { logged_at: iso(BASE), system: purpose.system, purpose_code: purpose.code, action: 'terse log text' })
		]);
		const [u] = (await usagesOf(server, portalKey, subject)).usages;
		expect(u).toEqual({ logtime: iso(BASE), action: purpose.text_et, receiverCode: code, receiverName: spec.name_et, receiverSystem: systemName });
	});

	it('falls back to the event’s own action and system code when the catalogue does not know them', async () => {
		const agency = newAgencyCode();
		const key = await server.agencyKey(agency, { name: `Testamet ${agency}` });
		const subject = newSubject();
		await store(key, [newEvent(agency, subject, { logged_at: iso(BASE), system: 'UNLISTED-IS', purpose_code: 'NOT-IN-CATALOGUE', action: 'Isiku aadressi päring' })]);
		const [u] = (await usagesOf(server, portalKey, subject)).usages;
		expect(u).toEqual({
			logtime: iso(BASE),
			action: 'Isiku aadressi päring',
			receiverCode: agency,
			receiverName: `Testamet ${agency}`,
			receiverSystem: 'UNLISTED-IS'
		});
	});

	it('returns nothing for a person with no events', async () => {
		const r = await findUsage(server, portalKey, { userCode: newSubject() });
		expect(r).toEqual({ status: 200, body: { totalUsages: 0, usages: [] } });
	});
});

describe('usagePeriod and heartbeat', () => {
	it('usagePeriod gives the start of the log and no end (the log is live)', async () => {
		const { agency, key, subject } = await scope();
		// The earliest time the ingestion API accepts, so nothing can be earlier.
		await store(key, [newEvent(agency, subject, { logged_at: '2000-01-01T00:00:00Z' })]);
		const r = await get('/findUsage/v2/usagePeriod', { authorization: `Bearer ${portalKey}` });
		expect(r.status).toBe(200);
		expect(r.type).toMatch(/application\/json/);
		expect(r.body).toEqual({ periodStart: '2000-01-01T00:00:00.000Z' });
	});

	it('heartbeat answers OK without a key', async () => {
		const r = await get('/findUsage/v2/heartbeat');
		expect(r.status).toBe(200);
		expect(r.type).toMatch(/application\/json/);
		expect(r.body).toEqual({ status: 'OK', message: expect.any(String) });
	});
});
