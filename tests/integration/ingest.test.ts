/**
 * POST /api/v1/usage-events against the built server: what is stored, what is refused and
 * why (line and field), and that nothing is stored twice or half-way. Stored data is read
 * back through the national portal's findUsage, as the citizen's portal would see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUsage, ingest, usagesOf } from '../support/api';
import { newAgencyCode, newEvent, newSubject, ndjson } from '../support/data';
import { startTestServer, type TestServer } from '../support/server';
import { newScope } from '../support/scope';

let server: TestServer;
let portalKey: string;

beforeAll(async () => {
	server = await startTestServer();
	portalKey = await server.agencyKey(newAgencyCode(), { portal: true, name: 'Test portal' });
});

afterAll(async () => {
	await server?.stop();
});

const scope = () => newScope(server);

/** Events with distinct actions, so what is stored can be told apart in findUsage. */
function events(agency: string, subject: string, n: number, tag: string) {
	return Array.from({ length: n }, (_, i) => newEvent(agency, subject, { action: `${tag} ${i + 1}` }));
}

async function storedActions(subject: string): Promise<string[]> {
	return (await usagesOf(server, portalKey, subject)).usages.map((u) => u.action).sort();
}

describe('accepted batches', () => {
	it('stores an NDJSON batch and lists every event_id as accepted', async () => {
		const { agency, key, subject } = await scope();
		const batch = events(agency, subject, 3, 'ndjson');
		const r = await ingest(server, key, batch);
		expect(r.status).toBe(200);
		expect(r.body.accepted!.map((a) => a.event_id).sort()).toEqual(batch.map((e) => e.event_id).sort());
		expect(r.body.duplicates).toEqual([]);
		expect(r.body.rejected).toEqual([]);
		expect(await storedActions(subject)).toEqual(['ndjson 1', 'ndjson 2', 'ndjson 3']);
	});

	it('stores a JSON array batch', async () => {
		const { agency, key, subject } = await scope();
		const batch = events(agency, subject, 4, 'array');
		const r = await ingest(server, key, batch, 'application/json');
		expect(r.status).toBe(200);
		expect(r.body.accepted!.map((a) => a.event_id).sort()).toEqual(batch.map((e) => e.event_id).sort());
		expect(r.body.rejected).toEqual([]);
		expect(await storedActions(subject)).toEqual(['array 1', 'array 2', 'array 3', 'array 4']);
	});

	it('accepts application/jsonl and a content type with parameters', async () => {
		const { agency, key, subject } = await scope();
		expect((await ingest(server, key, events(agency, subject, 1, 'jsonl'), 'application/jsonl')).status).toBe(200);
		expect((await ingest(server, key, events(agency, subject, 1, 'charset'), 'application/x-ndjson; charset=utf-8')).status).toBe(200);
		expect(await storedActions(subject)).toEqual(['charset 1', 'jsonl 1']);
	});

	it('stores upper-case event ids in lower case (the same id either way)', async () => {
		const { agency, key, subject } = await scope();
		const e = newEvent(agency, subject);
		const id = String(e.event_id);
		const r1 = await ingest(server, key, [{ ...e, event_id: id.toUpperCase() }]);
		expect(r1.body.accepted).toEqual([{ event_id: id, index: expect.any(Number) }]);
		const r2 = await ingest(server, key, [e]);
		expect(r2.body.duplicates).toEqual([id]);
		expect((await usagesOf(server, portalKey, subject)).totalUsages).toBe(1);
	});
});

describe('rejected lines', () => {
	/** Each case: a bad line, the field it must be reported under, and the message. */
	const cases: { name: string; line: (agency: string, subject: string) => string; field: string; message: RegExp }[] = [
		{ name: 'invalid JSON', line: () => '{"event_id": "abc", ', field: '', message: /not valid JSON/ },
		{ name: 'a JSON array instead of an object', line: () => '[1, 2]', field: '', message: /JSON object/ },
		{ name: 'a JSON number instead of an object', line: () => '42', field: '', message: /JSON object/ },
		{
			name: 'a missing field',
			line: (a, s) => {
				const e = newEvent(a, s);
				delete e.system;
				return JSON.stringify(e);
			},
			field: 'system',
			message: /./
		},
		{ name: 'a bad UUID', line: (a, s) => JSON.stringify(newEvent(a, s, { event_id: 'not-a-uuid' })), field: 'event_id', message: /UUID/ },
		{
			name: 'a bad personal code check digit',
			line: (a, s) => JSON.stringify(newEvent(a, s, { subject_code: `${s.slice(0, -1)}${(Number(s.slice(-1)) + 1) % 10}` })),
			field: 'subject_code',
			message: /check digit/
		},
		{
			name: 'a logged_at without offset',
			line: (a, s) => JSON.stringify(newEvent(a, s, { logged_at: '2026-01-31 10:20:30' })),
			field: 'logged_at',
			message: /RFC 3339/
		},
		{
			name: 'a logged_at in the future beyond clock skew',
			line: (a, s) => JSON.stringify(newEvent(a, s, { logged_at: new Date(Date.now() + 15 * 60_000).toISOString() })),
			field: 'logged_at',
			message: /future/
		},
		{
			name: 'a sealed event without disclose_after',
			line: (a, s) => JSON.stringify(newEvent(a, s, { visibility: 'sealed' })),
			field: 'disclose_after',
			message: /required/
		},
		{ name: 'an unknown field', line: (a, s) => JSON.stringify(newEvent(a, s, { colour: 'red' })), field: 'colour', message: /./ },
		{
			name: 'another agency’s code',
			line: (_a, s) => JSON.stringify(newEvent(newAgencyCode(), s)),
			field: 'agency_code',
			message: /must be \d{8}/
		}
	];

	for (const c of cases) {
		it(`reports ${c.name} with its line and field, and stores the valid lines`, async () => {
			const { agency, key, subject } = await scope();
			const good1 = newEvent(agency, subject, { action: 'good 1' });
			const good2 = newEvent(agency, subject, { action: 'good 2' });
			// Line 2 is blank: blank lines are skipped but still counted.
			const body = `${JSON.stringify(good1)}\n\n${c.line(agency, subject)}\n${JSON.stringify(good2)}\n`;
			const r = await ingest(server, key, body);
			expect(r.status).toBe(207);
			expect(r.body.rejected).toHaveLength(1);
			const rejection = r.body.rejected![0]!;
			expect(rejection).toEqual({ line: 3, field: c.field, message: expect.any(String) });
			expect(rejection.message).toMatch(c.message);
			expect(r.body.accepted!.map((a) => a.event_id).sort()).toEqual([good1.event_id, good2.event_id].sort());
			expect(await storedActions(subject)).toEqual(['good 1', 'good 2']);
		});
	}

	it('numbers JSON array elements from 1', async () => {
		const { agency, key, subject } = await scope();
		const batch: unknown[] = [newEvent(agency, subject), 'text', newEvent(agency, subject, { event_id: 'x' }), newEvent(agency, subject)];
		const r = await ingest(server, key, batch, 'application/json');
		expect(r.status).toBe(207);
		expect(r.body.rejected).toEqual([
			{ line: 2, field: '', message: expect.stringMatching(/JSON object/) },
			{ line: 3, field: 'event_id', message: expect.stringMatching(/UUID/) }
		]);
		expect(r.body.accepted).toHaveLength(2);
	});

	it('stores exactly the valid lines of a mixed batch (207), nothing of the invalid ones', async () => {
		const { agency, key, subject } = await scope();
		const lines = [
			newEvent(agency, subject, { action: 'valid 1' }),
			newEvent(agency, subject, { action: 'invalid 1', logged_at: 'yesterday' }),
			newEvent(agency, subject, { action: 'valid 2' }),
			newEvent(agency, subject, { action: 'invalid 2', visibility: 'secret' }),
			newEvent(agency, subject, { action: 'invalid 3', data_categories: ['Not A Category'] }),
			newEvent(agency, subject, { action: 'valid 3', visibility: 'restricted' }),
			newEvent(agency, subject, { action: 'valid 4', bulk: true })
		];
		const r = await ingest(server, key, lines);
		expect(r.status).toBe(207);
		expect(r.body.rejected!.map((x) => [x.line, x.field])).toEqual([
			[2, 'logged_at'],
			[4, 'visibility'],
			[5, 'data_categories.0']
		]);
		expect(r.body.accepted!.map((a) => a.event_id).sort()).toEqual([lines[0], lines[2], lines[5], lines[6]].map((e) => e!.event_id).sort());
		const stored = await usagesOf(server, portalKey, subject);
		expect(stored.totalUsages).toBe(4);
		// The restricted one shows without its action; the others by their action text.
		expect(stored.usages.map((u) => u.action).filter((a) => a.startsWith('valid')).sort()).toEqual(['valid 1', 'valid 2', 'valid 4']);
		expect(stored.usages.some((u) => u.action.startsWith('invalid'))).toBe(false);
	});

	it('stores nothing when every line is invalid (422)', async () => {
		const { agency, key, subject } = await scope();
		const lines = [
			newEvent(agency, subject, { event_id: 'nope' }),
			newEvent(agency, subject, { subject_code: 'EE123' }),
			newEvent(newAgencyCode(), subject)
		];
		const r = await ingest(server, key, lines);
		expect(r.status).toBe(422);
		expect(r.body.accepted).toEqual([]);
		expect(r.body.rejected!.map((x) => [x.line, x.field])).toEqual([
			[1, 'event_id'],
			[2, 'subject_code'],
			[3, 'agency_code']
		]);
		expect((await usagesOf(server, portalKey, subject)).totalUsages).toBe(0);
	});
});

describe('duplicates', () => {
	it('stores an event repeated in one batch once and reports the repeat', async () => {
		const { agency, key, subject } = await scope();
		const [a, b] = events(agency, subject, 2, 'dup');
		const r = await ingest(server, key, [a, a, b, a]);
		expect(r.status).toBe(200);
		expect(r.body.accepted!.map((x) => x.event_id).sort()).toEqual([a!.event_id, b!.event_id].sort());
		expect(r.body.duplicates).toEqual([a!.event_id, a!.event_id]);
		expect(await storedActions(subject)).toEqual(['dup 1', 'dup 2']);
	});

	it('stores an event sent again in a later batch once and reports it', async () => {
		const { agency, key, subject } = await scope();
		const [a, b, c] = events(agency, subject, 3, 'again');
		expect((await ingest(server, key, [a, b])).body.accepted).toHaveLength(2);
		const r = await ingest(server, key, [b, c, a], 'application/json');
		expect(r.status).toBe(200);
		expect(r.body.accepted).toEqual([{ event_id: c!.event_id, index: expect.any(Number) }]);
		expect(r.body.duplicates!.sort()).toEqual([a!.event_id, b!.event_id].sort());
		expect(await storedActions(subject)).toEqual(['again 1', 'again 2', 'again 3']);
	});

	it('stores concurrent retries of the same batch once', async () => {
		const { agency, key, subject } = await scope();
		const batch = events(agency, subject, 20, 'retry');
		const results = await Promise.all([1, 2, 3].map(() => ingest(server, key, batch)));
		expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
		expect(results.reduce((n, r) => n + r.body.accepted!.length, 0)).toBe(20);
		expect(results.reduce((n, r) => n + r.body.duplicates!.length, 0)).toBe(40);
		expect((await usagesOf(server, portalKey, subject)).totalUsages).toBe(20);
	});
});

describe('authentication', () => {
	it('refuses a request without a key (401)', async () => {
		const { agency, subject } = await scope();
		const r = await ingest(server, null, events(agency, subject, 1, 'nokey'));
		expect(r.status).toBe(401);
		expect(r.body.error).toMatch(/key/);
		expect((await usagesOf(server, portalKey, subject)).totalUsages).toBe(0);
	});

	it('refuses a malformed or unknown key (401)', async () => {
		const { agency, key, subject } = await scope();
		const batch = events(agency, subject, 1, 'badkey');
		expect((await ingest(server, 'not-a-key', batch)).status).toBe(401);
		// Well-formed, right key id, wrong secret.
		const forged = key.replace(/_[a-z2-7]{32}$/, `_${'a'.repeat(32)}`);
		expect(forged).not.toBe(key);
		expect((await ingest(server, forged, batch)).status).toBe(401);
		expect((await usagesOf(server, portalKey, subject)).totalUsages).toBe(0);
	});

	it('refuses a portal key (403)', async () => {
		const agency = newAgencyCode();
		const portal = await server.agencyKey(agency, { portal: true });
		const subject = newSubject();
		const r = await ingest(server, portal, events(agency, subject, 1, 'portal'));
		expect(r.status).toBe(403);
		expect(r.body.error).toMatch(/portal/);
		expect((await usagesOf(server, portalKey, subject)).totalUsages).toBe(0);
	});

	it('keeps agencies apart: A’s key cannot write B’s events, B’s can', async () => {
		const a = await scope();
		const b = await scope();
		const forB = events(b.agency, b.subject, 2, 'for-b');
		const r = await ingest(server, a.key, forB);
		expect(r.status).toBe(422);
		expect(r.body.rejected!.every((x) => x.field === 'agency_code' && x.message.includes(a.agency))).toBe(true);
		expect((await usagesOf(server, portalKey, b.subject)).totalUsages).toBe(0);
		expect((await ingest(server, b.key, forB)).status).toBe(200);
		const stored = await usagesOf(server, portalKey, b.subject);
		expect(stored.usages.map((u) => u.receiverCode)).toEqual([b.agency, b.agency]);
	});
});

describe('unusable bodies', () => {
	it('refuses a wrong content type (415)', async () => {
		const { agency, key, subject } = await scope();
		const batch = events(agency, subject, 1, 'type');
		const r = await ingest(server, key, ndjson(batch), 'text/csv');
		expect(r.status).toBe(415);
		expect(r.body.error).toMatch(/text\/csv/);
		expect(r.body.error).toMatch(/application\/x-ndjson/);
		// text/plain is a form content type: the browser routes' cross-site check must not
		// get in the way of the API's own answer.
		const plain = await ingest(server, key, ndjson(batch), 'text/plain');
		expect(plain.status).toBe(415);
		expect((await usagesOf(server, portalKey, subject)).totalUsages).toBe(0);
	});

	it('refuses a body over 32 MiB (413), naming the limit', async () => {
		const { agency, key, subject } = await scope();
		const line = JSON.stringify(newEvent(agency, subject)) + '\n';
		const body = line.repeat(Math.ceil((33 * 1024 * 1024) / line.length)).slice(0, 33 * 1024 * 1024);
		const r = await ingest(server, key, body);
		expect(r.status).toBe(413);
		expect(r.body.error).toMatch(/32 MiB/);
		expect(r.body.limit_bytes).toBe(32 * 1024 * 1024);
		expect((await usagesOf(server, portalKey, subject)).totalUsages).toBe(0);
	});

	it('refuses an empty body (400)', async () => {
		const { key } = await scope();
		for (const [body, type] of [
			['', 'application/x-ndjson'],
			['\n\n  \n', 'application/x-ndjson'],
			['[]', 'application/json'],
			['', 'application/json']
		] as const) {
			const r = await ingest(server, key, body, type);
			expect(r.status, `${type} ${JSON.stringify(body)}`).toBe(400);
			expect(r.body.error).toBeTruthy();
		}
	});

	it('refuses JSON that is not an array (400)', async () => {
		const { agency, key, subject } = await scope();
		const r = await ingest(server, key, JSON.stringify(newEvent(agency, subject)), 'application/json');
		expect(r.status).toBe(400);
		expect(r.body.error).toMatch(/array/);
		const broken = await ingest(server, key, '[{"event_id": ', 'application/json');
		expect(broken.status).toBe(400);
		expect(broken.body.error).toMatch(/not valid JSON/);
		expect((await usagesOf(server, portalKey, subject)).totalUsages).toBe(0);
	});

	it('refuses more than 50,000 events (400) and stores none of them', async () => {
		const { agency, key, subject } = await scope();
		const first = JSON.stringify(newEvent(agency, subject));
		const ndjsonBody = first + '\n' + '{}\n'.repeat(50_000);
		const r1 = await ingest(server, key, ndjsonBody);
		expect(r1.status).toBe(400);
		expect(r1.body.error).toMatch(/50000/);
		const arrayBody = `[${first},${Array(50_000).fill('{}').join(',')}]`;
		const r2 = await ingest(server, key, arrayBody, 'application/json');
		expect(r2.status).toBe(400);
		expect(r2.body.error).toMatch(/50000/);
		expect((await usagesOf(server, portalKey, subject)).totalUsages).toBe(0);
	});

	it('accepts exactly 50,000 lines', async () => {
		const { agency, key, subject } = await scope();
		const body = JSON.stringify(newEvent(agency, subject)) + '\n' + '{}\n'.repeat(49_999);
		const r = await ingest(server, key, body);
		expect(r.status).toBe(207);
		expect(r.body.accepted).toHaveLength(1);
		expect(r.body.rejected).toHaveLength(49_999);
		expect((await findUsage(server, portalKey, { userCode: subject })).body.totalUsages).toBe(1);
	});
});
