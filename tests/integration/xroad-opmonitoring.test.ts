/**
 * POST /api/v1/xroad/opmonitoring against the built server: the bodies a security server
 * sends, pairing of a message's Client and Producer records (in one batch or across
 * requests, either first), repeats dropped, per-record rejections naming line and field,
 * keys. At the end the server is stopped and its tables are read directly: each message
 * counted once in stats_exchange_month, and the personal fields (a marker string in
 * messageUserId and messageIssue) in no String column of the raw tables, the rollup, the
 * responses or the server's log.
 *
 * Every test uses its own client member code, and all records are from 2003, which no
 * other test or the demo seed uses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newAgencyCode } from '../support/data';
import { startTestServer, type TestServer } from '../support/server';

// The server's data directory, which this process opens itself once the server is stopped.
const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-xroad-'));
process.env.PEEGEL_DATA_DIR = dataDir;
delete process.env.CLICKHOUSE_URL;
delete process.env.PEEGEL_MIGRATIONS_DIR;

const MARKER = `PERSONAL-${crypto.randomUUID()}`;
/** 2003-05-15 10:00 UTC: a month no other test uses. */
const T0 = Date.UTC(2003, 4, 15, 10);

let server: TestServer;
let key: string;
let agency: string;
const responses: string[] = [];
/** The member whose one record (X-Road 6 names, failed) is read back field by field. */
let soapMember = '';
/** Client member codes used, with the distinct messages each sent. */
const sent = new Map<string, Set<string>>();

beforeAll(async () => {
	server = await startTestServer({}, { dataDir });
	agency = newAgencyCode();
	key = await server.agencyKey(agency);
}, 120_000);

afterAll(async () => {
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

let memberSeq = 0;
/** A fresh client member code for one test. */
const newMember = () => `XT${process.pid}-${++memberSeq}-${crypto.randomUUID().slice(0, 6)}`;

type Side = 'Client' | 'Producer';

/** One side's record of message `id` from `member`, as a security server reports it. */
function rec(member: string, id: string, side: Side, extra: Record<string, unknown> = {}): Record<string, unknown> {
	const offset = side === 'Client' ? 0 : 15;
	if (!sent.has(member)) sent.set(member, new Set());
	// A message is its id with its service and version (the client is the member).
	sent.get(member)!.add(`${id}|${String(extra.serviceCode ?? '')}|${String(extra.serviceVersion ?? '')}`);
	return {
		monitoringDataTs: Math.floor(T0 / 1000) + 5,
		securityServerInternalIp: '10.1.2.3',
		securityServerType: side,
		requestInTs: T0 + offset,
		requestOutTs: T0 + offset + 2,
		responseInTs: T0 + 200 - offset,
		responseOutTs: T0 + 202 - offset,
		clientXRoadInstance: 'EE',
		clientMemberClass: 'GOV',
		clientMemberCode: member,
		clientSubsystemCode: 'test-is',
		serviceXRoadInstance: 'EE',
		serviceMemberClass: 'GOV',
		serviceMemberCode: '70000562',
		serviceSubsystemCode: 'rr',
		serviceCode: 'getPerson',
		serviceVersion: 'v1',
		messageId: id,
		messageUserId: MARKER,
		messageIssue: `issue ${MARKER}`,
		messageProtocolVersion: '4.0',
		requestSize: 1000,
		responseSize: 3000,
		succeeded: true,
		...extra
	};
}

interface Answer {
	status: number;
	body: {
		accepted?: { line: number; message: 'new' | 'paired' }[];
		duplicates?: number[];
		rejected?: { line: number; field: string; message: string }[];
		error?: string;
		limit_bytes?: number;
	};
}

async function post(records: unknown, opts: { type?: string; key?: string | null; raw?: string } = {}): Promise<Answer> {
	const type = opts.type ?? 'application/json';
	const headers: Record<string, string> = { 'content-type': type };
	const k = opts.key === undefined ? key : opts.key;
	if (k !== null) headers.authorization = `Bearer ${k}`;
	const body =
		opts.raw ?? (type.includes('ndjson') || type.includes('jsonl') ? (records as unknown[]).map((r) => JSON.stringify(r)).join('\n') + '\n' : JSON.stringify(records));
	const res = await fetch(`${server.url}/api/v1/xroad/opmonitoring`, { method: 'POST', headers, body });
	const text = await res.text();
	responses.push(text);
	return { status: res.status, body: JSON.parse(text) as Answer['body'] };
}

describe('pairing', () => {
	it('counts a message once when its Client record comes before its Producer record in one batch', async () => {
		const m = newMember();
		const r = await post({ records: [rec(m, 'a', 'Client'), rec(m, 'a', 'Producer'), rec(m, 'b', 'Producer'), rec(m, 'b', 'Client')] });
		expect(r.status).toBe(200);
		expect(r.body).toEqual({
			accepted: [
				{ line: 1, message: 'new' },
				{ line: 2, message: 'paired' },
				{ line: 3, message: 'new' },
				{ line: 4, message: 'paired' }
			],
			duplicates: [],
			rejected: []
		});
	});

	it('pairs across requests, either side first', async () => {
		const m = newMember();
		expect((await post([rec(m, 'a', 'Producer'), rec(m, 'b', 'Client')])).body.accepted).toEqual([
			{ line: 1, message: 'new' },
			{ line: 2, message: 'new' }
		]);
		expect((await post([rec(m, 'b', 'Producer'), rec(m, 'a', 'Client'), rec(m, 'c', 'Client')])).body.accepted).toEqual([
			{ line: 1, message: 'paired' },
			{ line: 2, message: 'paired' },
			{ line: 3, message: 'new' }
		]);
	});

	it('keeps apart messages that share a messageId but not the client, service or version', async () => {
		const m = newMember();
		const r = await post([rec(m, 'same', 'Client'), rec(m, 'same', 'Client', { serviceCode: 'getAddress' }), rec(m, 'same', 'Client', { serviceVersion: 'v2' })]);
		expect(r.body.accepted!.map((a) => a.message)).toEqual(['new', 'new', 'new']);
	});
});

describe('repeats', () => {
	it('drops a record repeated in one batch and reports its lines', async () => {
		const m = newMember();
		const c = rec(m, 'a', 'Client');
		// The repeat differs only in what is not the record's identity (when it was collected, the personal fields).
		const r = await post([c, { ...c, monitoringDataTs: Number(c.monitoringDataTs) + 60, messageUserId: 'someone else' }, rec(m, 'a', 'Producer'), c]);
		expect(r.status).toBe(200);
		expect(r.body.accepted).toEqual([
			{ line: 1, message: 'new' },
			{ line: 3, message: 'paired' }
		]);
		expect(r.body.duplicates).toEqual([2, 4]);
	});

	it('drops records sent again later, alone or among new ones', async () => {
		const m = newMember();
		const batch = [rec(m, 'a', 'Client'), rec(m, 'a', 'Producer')];
		expect((await post(batch)).status).toBe(200);
		const again = await post([rec(m, 'b', 'Client'), ...batch], { type: 'application/x-ndjson' });
		expect(again.status).toBe(200);
		expect(again.body).toEqual({ accepted: [{ line: 1, message: 'new' }], duplicates: [2, 3], rejected: [] });
	});

	it('counts each message once when the same batch is retried concurrently', async () => {
		const m = newMember();
		const batch = Array.from({ length: 30 }, (_, i) => [rec(m, `m${i}`, 'Client'), rec(m, `m${i}`, 'Producer')]).flat();
		const results = await Promise.all([1, 2, 3].map(() => post(batch)));
		expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
		const accepted = results.flatMap((r) => r.body.accepted!);
		expect(accepted.filter((a) => a.message === 'new')).toHaveLength(30);
		expect(accepted).toHaveLength(60);
		expect(results.reduce((n, r) => n + r.body.duplicates!.length, 0)).toBe(120);
	});
});

describe('bodies', () => {
	it('takes {"records": [...]}, a bare array, NDJSON and JSON lines', async () => {
		const m = newMember();
		const wrapped = await post({ records: [rec(m, 'w', 'Client')], nextRecordsFrom: Math.floor(T0 / 1000) });
		const array = await post([rec(m, 'a', 'Client')], { type: 'application/json; charset=utf-8' });
		const ndjson = await post([rec(m, 'n', 'Client')], { type: 'application/x-ndjson' });
		const jsonl = await post([rec(m, 'l', 'Client')], { type: 'application/jsonl' });
		for (const r of [wrapped, array, ndjson, jsonl]) expect(r).toEqual({ status: 200, body: { accepted: [{ line: 1, message: 'new' }], duplicates: [], rejected: [] } });
	});

	it('takes X-Road 6 size and fault names', async () => {
		const m = newMember();
		soapMember = m;
		const old = rec(m, 'soap', 'Client', { requestSize: undefined, responseSize: undefined, requestSoapSize: 10, responseSoapSize: 20, succeeded: false, soapFaultCode: 'Server.X', soapFaultString: 'Broken' });
		expect((await post([old])).status).toBe(200);
	});
});

describe('rejected records', () => {
	it('reports each bad record by line and field and stores the others (207)', async () => {
		const m = newMember();
		const body = [
			JSON.stringify(rec(m, 'ok1', 'Client')),
			'',
			JSON.stringify(rec(m, 'bad1', 'Client', { securityServerType: 'Gateway' })),
			'{"messageUserId": "' + MARKER + '", broken',
			JSON.stringify(rec(m, 'bad2', 'Client', { requestInTs: Math.floor(T0 / 1000) })),
			JSON.stringify(rec(m, 'bad3', 'Producer', { clientMemberCode: undefined })),
			JSON.stringify(rec(m, 'ok2', 'Producer'))
		].join('\n');
		const r = await post(null, { type: 'application/x-ndjson', raw: body });
		expect(r.status).toBe(207);
		expect(r.body.accepted).toEqual([
			{ line: 1, message: 'new' },
			{ line: 7, message: 'new' }
		]);
		expect(r.body.rejected!.map((x) => [x.line, x.field])).toEqual([
			[3, 'securityServerType'],
			[4, ''],
			[5, 'requestInTs'],
			[6, 'clientMemberCode']
		]);
		expect(r.body.rejected![0]!.message).toMatch(/Client or Producer/);
		expect(r.body.rejected![1]!.message).toMatch(/not valid JSON/);
		expect(r.body.rejected![2]!.message).toMatch(/milliseconds/);
		expect(r.body.rejected![3]!.message).toMatch(/required/);
	});

	it('stores nothing when every record is bad (422)', async () => {
		const m = newMember();
		const r = await post([rec(m, 'x', 'Client', { succeeded: 'yes' }), 'text', rec(m, 'y', 'Client', { requestSize: -5 })]);
		expect(r.status).toBe(422);
		expect(r.body.accepted).toEqual([]);
		expect(r.body.rejected!.map((x) => [x.line, x.field])).toEqual([
			[1, 'succeeded'],
			[2, ''],
			[3, 'requestSize']
		]);
		// Nothing was stored: the same message is new when sent correctly.
		expect((await post([rec(m, 'x', 'Client')])).body.accepted).toEqual([{ line: 1, message: 'new' }]);
	});

	it('refuses unusable bodies (400) without quoting them', async () => {
		for (const [raw, type, error] of [
			['', 'application/json', /not valid JSON/],
			['\n\n', 'application/x-ndjson', /no records/],
			['[]', 'application/json', /no records/],
			['{"records": []}', 'application/json', /no records/],
			[`{"messageUserId": "${MARKER}"}`, 'application/json', /records/],
			[`{"records": [{"messageUserId": "${MARKER}" ]}`, 'application/json', /not valid JSON/]
		] as const) {
			const r = await post(null, { raw, type });
			expect(r.status, raw).toBe(400);
			expect(r.body.error).toMatch(error);
		}
	});

	it('refuses a wrong content type (415) and a body over 32 MiB (413)', async () => {
		const m = newMember();
		const wrong = await post([rec(m, 'a', 'Client')], { type: 'text/plain' });
		expect(wrong.status).toBe(415);
		expect(wrong.body.error).toMatch(/application\/json/);
		const line = JSON.stringify(rec(m, 'big', 'Client')) + '\n';
		const raw = line.repeat(Math.ceil((33 * 1024 * 1024) / line.length));
		const big = await post(null, { raw, type: 'application/x-ndjson' });
		expect(big.status).toBe(413);
		expect(big.body.limit_bytes).toBe(32 * 1024 * 1024);
		expect((await post([rec(m, 'a', 'Client'), rec(m, 'big', 'Client')])).body.accepted!.map((a) => a.message)).toEqual(['new', 'new']);
	});
});

describe('keys', () => {
	it('refuses a request without a key or with a bad one (401) and a portal key (403)', async () => {
		const m = newMember();
		const batch = [rec(m, 'a', 'Client')];
		expect((await post(batch, { key: null })).status).toBe(401);
		expect((await post(batch, { key: 'not-a-key' })).status).toBe(401);
		const forged = key.replace(/_[a-z2-7]{32}$/, `_${'a'.repeat(32)}`);
		expect(forged).not.toBe(key);
		expect((await post(batch, { key: forged })).status).toBe(401);
		const portal = await server.agencyKey(newAgencyCode(), { portal: true });
		const r = await post(batch, { key: portal });
		expect(r.status).toBe(403);
		expect(r.body.error).toMatch(/portal/);
		expect((await post(batch)).body.accepted).toEqual([{ line: 1, message: 'new' }]);
	});
});

describe('the tables, read directly', () => {
	it('count each message once, store each record once, and hold no personal field anywhere', async () => {
		expect(responses.length).toBeGreaterThan(20);
		for (const text of responses) expect(text).not.toContain(MARKER);
		await server.stop({ keepData: true });
		expect(server.logs()).not.toContain(MARKER);

		const { queryRows } = await import('../../src/lib/server/db/query');
		const { closeDb } = await import('../../src/lib/server/db/client');
		try {
			const members = [...sent.keys()];
			const expected = new Map([...sent].map(([m, ids]) => [m, ids.size]));
			// The bad records' messages were never stored: only messages with a stored record count.
			const perMember = z.object({ m: z.string(), n: z.coerce.number() });
			const messages = await queryRows(
				'SELECT client_member_code AS m, count() AS n FROM xroad_message WHERE client_member_code IN {members:Array(String)} GROUP BY m',
				{ members },
				perMember
			);
			const rollup = await queryRows(
				`SELECT client_member_code AS m, sum(messages) AS n FROM stats_exchange_month
				 WHERE client_member_code IN {members:Array(String)} AND month = '2003-05-01' GROUP BY m`,
				{ members },
				perMember
			);
			const byMember = (rows: { m: string; n: number }[]) => new Map(rows.map((r) => [r.m, r.n]));
			expect(byMember(rollup)).toEqual(byMember(messages));
			// Stored messages: every id sent, less the rejected-only ones (bad1..bad3 and the 422 test's 'y').
			const rejectedOnly = 4;
			expect(messages.reduce((n, r) => n + r.n, 0)).toBe([...expected.values()].reduce((a, b) => a + b, 0) - rejectedOnly);

			const records = await queryRows(
				`SELECT count() AS n, uniqExact(record_key) AS keys, uniqExact(message_key) AS messages, countIf(reporter_code = {agency:String}) AS ours
				 FROM xroad_opmon_record WHERE client_member_code IN {members:Array(String)}`,
				{ members, agency },
				z.object({ n: z.coerce.number(), keys: z.coerce.number(), messages: z.coerce.number(), ours: z.coerce.number() })
			);
			expect(records[0]!.n).toBe(records[0]!.keys);
			expect(records[0]!.ours).toBe(records[0]!.n);
			expect(records[0]!.messages).toBe(messages.reduce((n, r) => n + r.n, 0));

			const stored = await queryRows(
				`SELECT security_server_type, toString(monitoring_data_ts) AS collected, toString(request_in_ts) AS request_in, toString(response_out_ts) AS response_out,
				        client_subsystem_code, service_member_code, service_code, service_version, message_id, message_protocol_version,
				        request_size, response_size, succeeded, fault_code, fault_string, reporter_code
				 FROM xroad_opmon_record WHERE client_member_code = {m:String}`,
				{ m: soapMember },
				z.object({}).catchall(z.unknown())
			);
			expect(stored).toEqual([
				{
					security_server_type: 'Client',
					collected: '2003-05-15 10:00:05',
					request_in: '2003-05-15 10:00:00.000',
					response_out: '2003-05-15 10:00:00.202',
					client_subsystem_code: 'test-is',
					service_member_code: '70000562',
					service_code: 'getPerson',
					service_version: 'v1',
					message_id: 'soap',
					message_protocol_version: '4.0',
					request_size: expect.anything(),
					response_size: expect.anything(),
					succeeded: expect.anything(),
					fault_code: 'Server.X',
					fault_string: 'Broken',
					reporter_code: agency
				}
			]);
			expect([Number(stored[0]!.request_size), Number(stored[0]!.response_size), Boolean(stored[0]!.succeeded)]).toEqual([10, 20, false]);

			// Every String-typed column (String, FixedString, LowCardinality, Nullable, Array of them) of the raw tables and the rollup.
			const columns = await queryRows(
				`SELECT table, name FROM system.columns
				 WHERE database = currentDatabase() AND table IN ('xroad_opmon_record', 'xroad_message', 'stats_exchange_month') AND type LIKE '%String%'`,
				{},
				z.object({ table: z.string(), name: z.string().regex(/^[a-z_]+$/) })
			);
			expect(columns.length).toBeGreaterThanOrEqual(30);
			for (const { table, name } of columns) {
				const hits = await queryRows(
					`SELECT count() AS n FROM ${table} WHERE positionCaseInsensitive(toString(${name}), {marker:String}) > 0`,
					{ marker: MARKER },
					z.object({ n: z.coerce.number() })
				);
				expect(hits[0]!.n, `${table}.${name}`).toBe(0);
			}

			// A crash between the two inserts leaves a message without its records. The retry
			// stores the records and counts the message once (reported paired: counted before).
			const { validateOpmonRecord } = await import('../../src/lib/schemas/xroad-opmonitoring');
			const { messageKey } = await import('../../src/lib/server/feeds/xroad/keys');
			const { MESSAGE_INSERT, messageRows } = await import('../../src/lib/server/feeds/xroad/rows');
			const { bulkInsert } = await import('../../src/lib/server/db/bulk-insert');
			const { commitOpmonRecords } = await import('../../src/lib/server/feeds/xroad/writer');
			const crashed = newMember();
			const parsed = [rec(crashed, 'c', 'Client'), rec(crashed, 'c', 'Producer')].map((r) => {
				const v = validateOpmonRecord(r);
				if (!v.ok) throw new Error(v.field);
				return v.record;
			});
			await bulkInsert(MESSAGE_INSERT, messageRows([{ messageKey: messageKey(parsed[0]!), record: parsed[0]! }]));
			const retried = await commitOpmonRecords(parsed.map((record, i) => ({ line: i + 1, reporter: agency, record })));
			expect(retried).toEqual({ accepted: [{ line: 1, message: 'paired' }, { line: 2, message: 'paired' }], duplicates: [] });
			const counts = await queryRows(
				`SELECT (SELECT count() FROM xroad_message WHERE client_member_code = {m:String}) AS messages,
				        (SELECT count() FROM xroad_opmon_record WHERE client_member_code = {m:String}) AS records,
				        (SELECT sum(messages) FROM stats_exchange_month WHERE client_member_code = {m:String}) AS counted`,
				{ m: crashed },
				z.object({ messages: z.coerce.number(), records: z.coerce.number(), counted: z.coerce.number() })
			);
			expect(counts).toEqual([{ messages: 1, records: 2, counted: 1 }]);
		} finally {
			await closeDb();
		}
	});
});
