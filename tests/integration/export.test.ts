/**
 * The citizen's export (/me/export.csv, /me/export.json) against the built server: the
 * same events as the timeline with the same visibility rules, both formats well formed,
 * nobody else's events, sign-in required; and a 100 000-event history streamed with the
 * server's memory bounded.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { EXPORT_COLUMNS, toCsvRecord, type ExportColumn, type ExportEvent } from '../../src/lib/server/export/export-rows';
import { generateReference } from '../../src/lib/server/seed/reference';
import { ingest } from '../support/api';
import { parseCsv } from '../support/csv';
import { newAgencyCode, newEvent } from '../support/data';
import { startTestServer, type TestServer } from '../support/server';

interface ExportDocument {
	format: string;
	subject: { code: string; name: string };
	exported_at: string;
	language: string;
	events: ExportEvent[];
}

// Seeded people who are not personas (the test server seeds 200 people with seed 2026):
// each test signs in as its own, so no test sees another's events.
const reference = generateReference({ people: 200, seed: 2026 });
const personaCodes = new Set(reference.personas.map((p) => p.personal_code.replace(/^EE/, '')));
const people = reference.people.filter((p) => !personaCodes.has(p.personal_code)).map((p) => `EE${p.personal_code}`);
const [subjectA, subjectB, subjectBig] = [people[20]!, people[21]!, people[22]!];

const BOM = '\ufeff';
const HOUR = 3_600_000;

let server: TestServer;

beforeAll(async () => {
	server = await startTestServer();
});

afterAll(async () => {
	await server?.stop();
});

async function get(path: string, cookie?: string, s: TestServer = server): Promise<Response> {
	return fetch(`${s.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
}

async function store(key: string, events: Record<string, unknown>[], s: TestServer = server): Promise<void> {
	const r = await ingest(s, key, events);
	if (r.status !== 200 || r.body.accepted?.length !== events.length) throw new Error(`ingest: ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
}

/** The body as text, its byte order mark kept (Response.text() drops it). */
async function textWithBom(res: Response): Promise<string> {
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
}

/** The CSV as records keyed by column, after checking the BOM and the header. */
function csvRecords(text: string): Record<ExportColumn, string>[] {
	expect(text.startsWith(BOM)).toBe(true);
	const [header, ...rows] = parseCsv(text.slice(BOM.length));
	expect(header).toEqual([...EXPORT_COLUMNS]);
	return rows.map((r) => {
		expect(r).toHaveLength(EXPORT_COLUMNS.length);
		return Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, r[i]!])) as Record<ExportColumn, string>;
	});
}

/** An event's CSV cells as the export must write them: a cell that would start a formula gets an apostrophe. */
function spreadsheetSafeRecord(e: ExportEvent): Record<string, string> {
	const record: Record<string, string> = toCsvRecord(e);
	for (const [k, v] of Object.entries(record)) if (/^[=+\-@\t\r＝＋－＠]/.test(v)) record[k] = `'${v}`;
	return record;
}

/** The rows of the timeline's first page: event id and time, in order. */
async function timelineRows(cookie: string): Promise<{ id: string; at: string }[]> {
	// One use per line: the timeline's rows are then exactly its uses.
	const res = await get('/me?lang=en&each=1', cookie);
	expect(res.status).toBe(200);
	const html = await res.text();
	return [...html.matchAll(/<tr[^>]* data-event-id="([0-9a-f-]{36})"[^>]*>\s*<th[^>]*><time datetime="([^"]+)"/g)].map((m) => ({ id: m[1]!, at: m[2]! }));
}

describe('the export of a person’s history', () => {
	it('has exactly the timeline’s events and details, in both formats, and nobody else’s', async () => {
		const agency = newAgencyCode();
		const carrier = newAgencyCode();
		const key = await server.agencyKey(agency, { name: 'Export Test Board' });
		await server.agencyKey(carrier, { name: 'Export Test Carrier' });
		const now = Date.now();
		const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
		const visible = newEvent(agency, subjectA, {
			logged_at: at(1),
			system: 'EXP-IS',
			purpose_code: 'RR-ADDR-CHECK',
			legal_basis: '',
			intermediary_code: carrier,
			action: '=HYPERLINK("http://evil.example","click"), then "quoted"\nnext line',
			data_categories: ['identity', 'contact.address'],
			bulk: true,
			actor_code: subjectB
		});
		const restricted = newEvent(agency, subjectA, { logged_at: at(2), visibility: 'restricted', action: 'Secret investigation' });
		const sealedLater = newEvent(agency, subjectA, { logged_at: at(3), visibility: 'sealed', disclose_after: '2099-01-01T00:00:00Z' });
		const sealedDisclosed = newEvent(agency, subjectA, {
			logged_at: at(4),
			visibility: 'sealed',
			disclose_after: new Date(now - HOUR).toISOString(),
			action: 'Disclosed surveillance'
		});
		const someoneElse = newEvent(agency, subjectB, { logged_at: at(1) });
		await store(key, [visible, restricted, sealedLater, sealedDisclosed, someoneElse]);

		const cookie = await server.signIn(subjectA);
		const csvRes = await get('/me/export.csv?lang=en', cookie);
		expect(csvRes.status).toBe(200);
		expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(csvRes.headers.get('content-disposition')).toMatch(/^attachment; filename="peegel-\d{4}-\d{2}-\d{2}\.csv"$/);
		expect(csvRes.headers.get('cache-control')).toBe('private, no-store');
		const csv = csvRecords(await textWithBom(csvRes));

		const jsonRes = await get('/me/export.json?lang=en', cookie);
		expect(jsonRes.status).toBe(200);
		expect(jsonRes.headers.get('content-type')).toBe('application/json');
		expect(jsonRes.headers.get('content-disposition')).toMatch(/^attachment; filename="peegel-\d{4}-\d{2}-\d{2}\.json"$/);
		expect(jsonRes.headers.get('cache-control')).toBe('private, no-store');
		const doc = (await jsonRes.json()) as ExportDocument;
		expect(doc).toMatchObject({ format: 'peegel-export/1', subject: { code: subjectA }, language: 'en' });
		expect(Math.abs(Date.parse(doc.exported_at) - Date.now())).toBeLessThan(60_000);

		// The timeline's events (its first page holds this person's whole history), in its order.
		const timeline = await timelineRows(cookie);
		expect(timeline.length).toBeGreaterThan(3);
		expect(timeline.length).toBeLessThan(50);
		expect(doc.events.map((e) => ({ id: e.event_id, at: e.time_utc }))).toEqual(timeline);
		// Both formats say the same (CSV cells a spreadsheet would run are prefixed).
		expect(csv).toEqual(doc.events.map(spreadsheetSafeRecord));

		const byId = new Map(doc.events.map((e) => [e.event_id, e]));
		expect(byId.has(sealedLater.event_id as string)).toBe(false);
		expect(byId.has(someoneElse.event_id as string)).toBe(false);
		expect(byId.get(visible.event_id as string)).toMatchObject({
			time_utc: visible.logged_at,
			restricted: false,
			agency_code: agency,
			agency_name: 'Export Test Board',
			intermediary_code: carrier,
			intermediary_name: 'Export Test Carrier',
			system_code: 'EXP-IS',
			purpose_code: 'RR-ADDR-CHECK',
			purpose_text: 'Checking your registered address so that official letters reach you',
			action: visible.action,
			legal_basis: 'Population Register Act § 41',
			data_categories: ['identity', 'contact.address'],
			bulk: true
		});
		expect(byId.get(visible.event_id as string)!.time_tallinn).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0[23]:00$/);
		expect(byId.get(restricted.event_id as string)).toMatchObject({
			restricted: true,
			agency_code: null,
			system_code: null,
			action: null,
			purpose_code: null,
			legal_basis: null,
			data_categories: null,
			bulk: null
		});
		expect(byId.get(sealedDisclosed.event_id as string)).toMatchObject({ restricted: false, action: 'Disclosed surveillance' });
		for (const e of doc.events) expect(Number.isSafeInteger(e.ledger_index)).toBe(true);

		// The spreadsheet sees the agency's text, not a formula; the official is in neither file.
		const visibleCsv = csv.find((r) => r.event_id === visible.event_id)!;
		expect(visibleCsv.action).toBe(`'${visible.action as string}`);
		expect(visibleCsv.restricted).toBe('false');
		const raw = JSON.stringify(doc) + JSON.stringify(csv);
		expect(raw).not.toContain(subjectB);
		expect(raw).not.toContain('Secret investigation');
	});

	it('writes names and purposes in the request’s language', async () => {
		const agency = newAgencyCode();
		const key = await server.agencyKey(agency);
		const e = newEvent(agency, subjectB, { purpose_code: 'RR-ADDR-CHECK' });
		await store(key, [e]);
		const cookie = await server.signIn(subjectB);
		const et = (await (await get('/me/export.json?lang=et', cookie)).json()) as ExportDocument;
		expect(et.language).toBe('et');
		expect(et.events.find((x) => x.event_id === e.event_id)!.purpose_text).toBe('Registrijärgse aadressi kontroll ametlike kirjade kättetoimetamiseks');
		// No Russian catalogue text yet: English.
		const ru = (await (await get('/me/export.json?lang=ru', cookie)).json()) as ExportDocument;
		expect(ru.events.find((x) => x.event_id === e.event_id)!.purpose_text).toBe('Проверка вашего адреса по регистру, чтобы официальные письма дошли до вас');
		// The header stays the same in every language.
		const csvEt = await textWithBom(await get('/me/export.csv?lang=et', cookie));
		expect(csvEt.slice(BOM.length, csvEt.indexOf('\r\n'))).toBe(EXPORT_COLUMNS.join(','));
	});

	it('serves several exports at once, while events arrive', async () => {
		const agency = newAgencyCode();
		const key = await server.agencyKey(agency);
		const cookie = await server.signIn(subjectB);
		const expected = ((await (await get('/me/export.json', cookie)).json()) as ExportDocument).events.map((e) => e.event_id);
		const incoming = Array.from({ length: 2000 }, () => newEvent(agency, subjectA));
		const [csvA, jsonA, csvB] = await Promise.all([
			get('/me/export.csv', cookie).then(textWithBom),
			get('/me/export.json', cookie).then((r) => r.json() as Promise<ExportDocument>),
			get('/me/export.csv', cookie).then(textWithBom),
			store(key, incoming)
		]);
		for (const csv of [csvA, csvB]) expect(csvRecords(csv).map((r) => r.event_id)).toEqual(expected);
		expect(jsonA.events.map((e) => e.event_id)).toEqual(expected);
	});

	it('sends a signed-out visitor to sign in, and back to the export after it', async () => {
		for (const path of ['/me/export.csv', '/me/export.json']) {
			const res = await get(path);
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe(`/auth/demo?next=${path}`);
		}
	});
});

/** A server's resident memory in KiB, from /proc. */
function serverRssKiB(s: TestServer): number {
	const status = readFileSync(`/proc/${s.pid}/status`, 'utf8');
	const rss = /VmRSS:\s+(\d+) kB/.exec(status);
	if (!rss) throw new Error(`the server (pid ${s.pid}) is not running`);
	return Number(rss[1]);
}

/**
 * The body read chunk by chunk while the server's RSS is sampled: the text, how many
 * chunks it came in, and the highest RSS seen above the RSS before the request.
 */
async function download(s: TestServer, path: string, cookie: string): Promise<{ text: string; chunks: number; bytes: number; growthKiB: number }> {
	await new Promise((r) => setTimeout(r, 500));
	const before = serverRssKiB(s);
	let peak = before;
	let sampleError: unknown = null;
	const sample = () => {
		try {
			peak = Math.max(peak, serverRssKiB(s));
		} catch (err) {
			sampleError ??= err;
		}
	};
	const sampler = setInterval(sample, 5);
	try {
		const res = await get(path, cookie, s);
		expect(res.status).toBe(200);
		const reader = res.body!.getReader();
		const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
		const parts: string[] = [];
		let chunks = 0;
		let bytes = 0;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks++;
			bytes += value.byteLength;
			parts.push(decoder.decode(value, { stream: true }));
			sample();
		}
		parts.push(decoder.decode());
		if (sampleError) throw sampleError;
		return { text: parts.join(''), chunks, bytes, growthKiB: peak - before };
	} finally {
		clearInterval(sampler);
	}
}

/**
 * The long history gets a server of its own, whose V8 heap is kept small: an 8 MB young
 * generation (instead of the 64 MB of scripts/server-node-flags.js; V8 takes the last of
 * repeated flags) and a 96 MB old generation. With the usual flags any large export shows
 * +110 to +290 MiB of RSS whether or not it holds anything (measured with 100 k and 200 k
 * events, while the live heap stayed within 8 MB of where it started: V8 collects the
 * garbage late). With a small heap RSS follows what the export keeps alive, and an export
 * that held the history (its JSON text alone is 50 MB here, as objects about twice that)
 * would not fit at all.
 */
describe('a long history', () => {
	const N = 100_000;
	const BATCH = 10_000;
	let big: TestServer;

	beforeAll(async () => {
		big = await startTestServer({}, { nodeArgs: ['--max-semi-space-size=8', '--max-old-space-size=96'] });
	});

	afterAll(async () => {
		await big?.stop();
	});

	it(
		'exports all 100 000 events in both formats, streamed, with the server’s memory bounded',
		async () => {
			onTestFailed(() => console.error(`server output:\n${big.logs().slice(-4000)}`));
			const cookie = await big.signIn(subjectBig);
			const seeded = ((await (await get('/me/export.json', cookie, big)).json()) as ExportDocument).events.length;

			const agency = newAgencyCode();
			const key = await big.agencyKey(agency, { name: 'Bulk Export Agency' });
			const start = Date.now() - 2 * HOUR;
			const ids: string[] = [];
			for (let b = 0; b < N; b += BATCH) {
				const events = Array.from({ length: BATCH }, (_, k) => {
					const i = b + k;
					// One event a second back in time, every tenth restricted: newest first is i ascending.
					return newEvent(agency, subjectBig, {
						logged_at: new Date(start - i * 1000).toISOString(),
						action: `Scheduled check number ${i}, with "quotes"`,
						visibility: i % 10 === 9 ? 'restricted' : 'visible',
						bulk: true
					});
				});
				ids.push(...events.map((e) => e.event_id as string));
				await store(key, events, big);
			}

			// The first export after the inserts shares the server with ClickHouse merging their
			// parts (and warms what every export uses): its memory is not the export's. The
			// memory is taken from the two after it.
			const first = await download(big, '/me/export.csv', cookie);
			const records = csvRecords(first.text);
			expect(records).toHaveLength(N + seeded);
			// Newest first: this test's events in the order they were made, each tenth withheld.
			const made = new Set(ids);
			const mine = records.filter((r) => made.has(r.event_id));
			expect(mine.map((r) => r.event_id)).toEqual(ids);
			expect(mine.filter((r) => r.restricted === 'true').map((r) => r.event_id)).toEqual(ids.filter((_, i) => i % 10 === 9));

			const json = await download(big, '/me/export.json', cookie);
			const doc = JSON.parse(json.text) as ExportDocument;
			expect(doc.events).toHaveLength(N + seeded);
			expect(doc.events.map(spreadsheetSafeRecord)).toEqual(records);

			const csv = await download(big, '/me/export.csv', cookie);
			expect(csv.text).toBe(first.text);

			console.log(
				`export of ${N + seeded} events: CSV ${(csv.bytes / 1e6).toFixed(1)} MB in ${csv.chunks} chunks, server RSS +${(csv.growthKiB / 1024).toFixed(1)} MiB (the first: +${(first.growthKiB / 1024).toFixed(1)} MiB); ` +
					`JSON ${(json.bytes / 1e6).toFixed(1)} MB in ${json.chunks} chunks, server RSS +${(json.growthKiB / 1024).toFixed(1)} MiB`
			);
			// Holding the export would take at least its JSON text. Measured: +11 to +28 MiB for
			// either format (the first export +40 to +45), mostly ClickHouse's memory for the
			// query and V8's heap headroom.
			for (const r of [csv, json]) {
				expect(r.chunks).toBeGreaterThan(100);
				expect(r.growthKiB * 1024).toBeLessThan(json.bytes);
			}

			// A download given up part-way stops the export, and the next one is whole.
			const abandoned = await get('/me/export.csv', cookie, big);
			const reader = abandoned.body!.getReader();
			for (let i = 0; i < 5; i++) await reader.read();
			await reader.cancel();
			const again = await get('/me/export.json', cookie, big);
			expect(((await again.json()) as ExportDocument).events).toHaveLength(N + seeded);
		},
		600_000
	);
});
