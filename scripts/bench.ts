// npm run bench -- [--events N] [--people N] [--concurrency N] [--batch N] [--seed N] [--citizens N] [--searches N] [--signatures N] [--stats-requests N] [--no-baseline] [--keep] [--profile]
//
// The performance targets of DESIGN.md, measured against the real server (the built app,
// embedded ClickHouse) on a fresh data directory under ./bench-data/:
//   - ingestion over HTTP: N generated events as NDJSON batches from `concurrency` parallel
//     senders, each batch one agency's (with that agency's key); events/s = accepted events
//     / time spent in HTTP requests (generation and serialisation are not counted). Twice:
//     first without the ledger (a baseline, on its own directory), then with it;
//   - the ledger: a page's proofs (GET /me/ledger.json), single inclusion proofs, checkpoint
//     signing time and how soon a checkpoint covers the last event;
//   - the citizen timeline: GET /me (full server-rendered HTML) for random citizens;
//   - the oversight search: GET /oversight (server-rendered) by official and by agency, as
//     the auditor persona, each look-up recorded on the people's timelines as in use;
//   - detection: one on-demand run over the whole log, after ingestion (the schedule is
//     held off while the bench runs, so neither ingestion run pays for it);
//   - bytes on disk per event, after merges settle;
//   - the server process's peak RSS (VmHWM; embedded ClickHouse runs in the same process).
// Prints a table and writes bench-results.json in the project root.
import { lstatSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { countFlag, readFlags } from './cli-flags';
import { buildIfStale } from './build-if-stale.js';
import { startTestServer, type TestServer } from '../tests/support/server';
import { generateReference, type Reference } from '../src/lib/server/seed/reference';
import { generateEvents } from '../src/lib/server/seed/events';
import { benchStatistics } from './bench-stats';
import { percentile, prng } from './bench-math';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

// ---------------------------------------------------------------------------------------
// Flags

const USAGE = `Usage: npm run bench -- [options]
  --events N        events to ingest (default 1000000; 1_000_000, 1M and 500k also work)
  --people N        population size (default max(10000, events / 100), at most 1000000)
  --concurrency N   parallel HTTP senders (default 4)
  --batch N         events per request (default 10000, at most 50000)
  --seed N          seed of the generated data (default 2026)
  --citizens N      citizens whose timeline is timed, one GET /me each (default 300)
  --searches N      oversight searches timed, half by official, half by agency (default 200)
  --signatures N    e-signature events sent after the reads, for the statistics (default: --events)
  --stats-requests N  statistics pages and downloads timed after a release (default 300)
  --buffer-mb N     memory for pre-serialised batches (default: 40% of RAM, at most 8192);
                    a larger run is generated while sending, and only HTTP time is counted
  --no-baseline     skip the first run, which ingests the same events without the ledger
                    to measure what the ledger costs
  --keep            keep the data directory (bench-data/<timestamp>) afterwards
  --profile         run the server with node --cpu-prof (profile written to the data directory; implies --keep)
  --help            this text`;

const flagsSchema = z.object({
	events: countFlag('events', 1, 50_000_000).default(1_000_000),
	people: countFlag('people', 50, 1_000_000).optional(),
	concurrency: countFlag('concurrency', 1, 64).default(4),
	batch: countFlag('batch', 1, 50_000).default(10_000),
	seed: z
		.string()
		.regex(/^-?\d+$/, '--seed must be an integer')
		.transform(Number)
		.default(2026),
	citizens: countFlag('citizens', 1, 100_000).default(300),
	searches: countFlag('searches', 2, 100_000).default(200),
	signatures: countFlag('signatures', 1, 50_000_000).optional(),
	'stats-requests': countFlag('stats-requests', 11, 100_000).default(300),
	'buffer-mb': countFlag('buffer-mb', 16, 1_000_000).optional(),
	keep: z.boolean().default(false),
	'no-baseline': z.boolean().default(false),
	profile: z.boolean().default(false),
	help: z.boolean().default(false)
});
type Flags = Omit<z.output<typeof flagsSchema>, 'signatures'> & { people: number; bufferBytes: number; signatures: number };

function fail(message: string): never {
	console.error(`bench: ${message}\n\n${USAGE}`);
	process.exit(2);
}

function benchFlags(): Flags {
	const f = readFlags({
		events: { type: 'string' },
		people: { type: 'string' },
		concurrency: { type: 'string' },
		batch: { type: 'string' },
		seed: { type: 'string' },
		citizens: { type: 'string' },
		searches: { type: 'string' },
		signatures: { type: 'string' },
		'stats-requests': { type: 'string' },
		'buffer-mb': { type: 'string' },
		keep: { type: 'boolean' },
		'no-baseline': { type: 'boolean' },
		profile: { type: 'boolean' },
		help: { type: 'boolean', short: 'h' }
	}, flagsSchema, fail);
	if (f.help) {
		console.log(USAGE);
		process.exit(0);
	}
	const people = f.people ?? Math.min(1_000_000, Math.max(10_000, Math.floor(f.events / 100)));
	const bufferBytes = (f['buffer-mb'] ?? Math.min(8192, Math.floor((os.totalmem() * 0.4) / 2 ** 20))) * 2 ** 20;
	return { ...f, people, bufferBytes, signatures: f.signatures ?? f.events, keep: f.keep || f.profile };
}

// ---------------------------------------------------------------------------------------
// Small helpers

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const T0 = performance.now();
const log = (msg: string) => console.error(`bench [${((performance.now() - T0) / 1000).toFixed(1).padStart(6)} s]: ${msg}`);

function status(pid: number, field: string): number | null {
	try {
		const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) * 1024 : null;
	} catch {
		return null;
	}
}

/** Seed of the bench's events: derived from --seed, never equal to it (see produce()). */
const eventSeed = (seed: number) => seed + 1_000_003;

// ---------------------------------------------------------------------------------------
// CPU accounting of the server process, by thread name (node's main thread, libuv workers,
// and embedded ClickHouse's pools), so the bench says where ingestion time goes.

const TICK = 100; // USER_HZ on Linux

function statTimes(file: string): { comm: string; seconds: number } | null {
	try {
		const s = readFileSync(file, 'utf8');
		const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
		return { comm: s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')), seconds: (Number(rest[11]) + Number(rest[12])) / TICK };
	} catch {
		return null;
	}
}

interface CpuSnapshot {
	process: number;
	threads: Map<string, number>;
}

function cpuSnapshot(pid: number): CpuSnapshot {
	const threads = new Map<string, number>();
	let tids: string[] = [];
	try {
		tids = readdirSync(`/proc/${pid}/task`);
	} catch {
		// not Linux, or the process is gone
	}
	for (const tid of tids) {
		const t = statTimes(`/proc/${pid}/task/${tid}/stat`);
		if (t) threads.set(`${tid}:${t.comm}`, t.seconds);
	}
	return { process: statTimes(`/proc/${pid}/stat`)?.seconds ?? NaN, threads };
}

/** CPU seconds between two snapshots: the process total and by thread name (digits dropped). */
function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): { total: number; byThread: Record<string, number> } {
	const groups = new Map<string, number>();
	for (const [key, sec] of b.threads) {
		const used = sec - (a.threads.get(key) ?? 0);
		if (used <= 0) continue;
		const name = key.slice(key.indexOf(':') + 1).replace(/[\d_-]+$/, '') || 'thread';
		groups.set(name, (groups.get(name) ?? 0) + used);
	}
	const byThread = Object.fromEntries([...groups].sort((x, y) => y[1] - x[1]).map(([k, v]) => [k, Number(v.toFixed(2))]));
	return { total: Number((b.process - a.process).toFixed(2)), byThread };
}

// ---------------------------------------------------------------------------------------
// Batches: generated events, grouped by agency, serialised as NDJSON before they are sent

interface Batch {
	agency: string;
	events: number;
	body: Buffer<ArrayBuffer>;
}

/** A bounded queue of serialised batches between the generator and the senders. */
class BatchQueue {
	private items: Batch[] = [];
	private bytes = 0;
	private closed = false;
	private waitingForItem: (() => void)[] = [];
	private waitingForSpace: (() => void)[] = [];

	constructor(readonly capacityBytes: number) {}

	get size(): number {
		return this.items.length;
	}

	get full(): boolean {
		return this.bytes >= this.capacityBytes;
	}

	async push(b: Batch): Promise<void> {
		while (this.full) await new Promise<void>((r) => this.waitingForSpace.push(r));
		this.items.push(b);
		this.bytes += b.body.byteLength;
		this.waitingForItem.shift()?.();
	}

	close(): void {
		this.closed = true;
		for (const w of this.waitingForItem.splice(0)) w();
	}

	/** The next batch, or null when the producer is done and the queue is empty. */
	async take(): Promise<Batch | null> {
		for (;;) {
			const b = this.items.shift();
			if (b) {
				this.bytes -= b.body.byteLength;
				this.waitingForSpace.shift()?.();
				return b;
			}
			if (this.closed) return null;
			await new Promise<void>((r) => this.waitingForItem.push(r));
		}
	}
}

interface Produced {
	events: number;
	batches: number;
	bytes: number;
	/** Events per subject code (sealed ones left out), to pick citizens with a timeline. */
	perSubject: Map<string, number>;
	/** Events per official (actor code) and per agency, with one of each agency's systems: what the oversight search is timed on. */
	perActor: Map<string, number>;
	perAgency: Map<string, { events: number; system: string }>;
	seconds: number;
}

/**
 * Generates the events and feeds the queue with one agency's batch at a time. Yields to the
 * event loop between chunks so senders keep going when generation overlaps sending.
 */
async function produce(ref: Reference, flags: Flags, queue: BatchQueue, onFirstFull: () => void): Promise<Produced> {
	const t0 = performance.now();
	const perAgency = new Map<string, string[]>();
	const perSubject = new Map<string, number>();
	const perActor = new Map<string, number>();
	const agencyEvents = new Map<string, { events: number; system: string }>();
	let events = 0;
	let batches = 0;
	let bytes = 0;
	let signalled = false;
	const emit = async (agency: string, lines: string[]) => {
		const body = Buffer.from(lines.join('\n') + '\n');
		batches++;
		bytes += body.byteLength;
		await queue.push({ agency, events: lines.length, body });
		if (!signalled && queue.full) {
			signalled = true;
			onFirstFull();
		}
	};
	// The events' own seed differs from the reference seed: the server's demo seed already
	// stored events generated from the reference seed, and their ids must not repeat here.
	for (const chunk of generateEvents(ref, { events: flags.events, seed: eventSeed(flags.seed), batchSize: 20_000 })) {
		for (const e of chunk) {
			let lines = perAgency.get(e.agency_code);
			if (!lines) perAgency.set(e.agency_code, (lines = []));
			lines.push(JSON.stringify(e));
			// Sealed events stay off the timeline until disclosed: count only what it shows.
			if (e.visibility !== 'sealed') perSubject.set(e.subject_code, (perSubject.get(e.subject_code) ?? 0) + 1);
			if (e.actor_code) perActor.set(e.actor_code, (perActor.get(e.actor_code) ?? 0) + 1);
			const ag = agencyEvents.get(e.agency_code);
			if (ag) ag.events++;
			else agencyEvents.set(e.agency_code, { events: 1, system: e.system });
			events++;
			if (lines.length >= flags.batch) {
				perAgency.set(e.agency_code, []);
				await emit(e.agency_code, lines);
			}
		}
		if (Math.floor(events / 1_000_000) !== Math.floor((events - chunk.length) / 1_000_000)) log(`generated ${fmt(events)} events`);
		// Let the senders run when generation overlaps sending.
		await new Promise((r) => setImmediate(r));
	}
	for (const [agency, lines] of perAgency) if (lines.length > 0) await emit(agency, lines);
	queue.close();
	return { events, batches, bytes, perSubject, perActor, perAgency: agencyEvents, seconds: (performance.now() - t0) / 1000 };
}

// ---------------------------------------------------------------------------------------
// Ingestion

interface IngestStats {
	accepted: number;
	requests: number;
	/** Seconds with at least one request in flight. */
	busySeconds: number;
	/** Seconds from the first request to the last response. */
	wallSeconds: number;
	requestMs: number[];
	/** The highest ledger position in the responses (-1 without the ledger). */
	maxIndex: number;
}

async function send(server: TestServer, keys: Map<string, string>, queue: BatchQueue, concurrency: number): Promise<IngestStats> {
	let accepted = 0;
	let maxIndex = -1;
	let requests = 0;
	let inFlight = 0;
	let busyMs = 0;
	let busySince = 0;
	let first = Infinity;
	let last = 0;
	const requestMs: number[] = [];
	const url = `${server.url}/api/v1/usage-events`;
	const sender = async () => {
		for (;;) {
			const b = await queue.take();
			if (!b) return;
			const key = keys.get(b.agency);
			if (!key) throw new Error(`no API key for agency ${b.agency}`);
			const t0 = performance.now();
			if (inFlight++ === 0) busySince = t0;
			first = Math.min(first, t0);
			let res: Response;
			let text: string;
			try {
				res = await fetch(url, {
					method: 'POST',
					headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
					body: b.body
				});
				text = await res.text();
			} finally {
				const t1 = performance.now();
				if (--inFlight === 0) busyMs += t1 - busySince;
				last = Math.max(last, t1);
				requestMs.push(t1 - t0);
			}
			requests++;
			if (res.status !== 200) throw new Error(`ingestion answered ${res.status} for a batch of ${b.events} events from ${b.agency}: ${text.slice(0, 1000)}`);
			const body = JSON.parse(text) as { accepted: { index: number }[]; duplicates: unknown[]; rejected: unknown[] };
			if (body.accepted.length !== b.events || body.duplicates.length > 0 || body.rejected.length > 0) {
				throw new Error(
					`batch of ${b.events} events from ${b.agency}: ${body.accepted.length} accepted, ${body.duplicates.length} duplicates, ${body.rejected.length} rejected: ${JSON.stringify(body.rejected.slice(0, 3))}`
				);
			}
			accepted += body.accepted.length;
			maxIndex = Math.max(maxIndex, body.accepted.at(-1)?.index ?? -1);
			if (requests % 100 === 0) log(`sent ${fmt(requests)} batches, ${fmt(accepted)} events accepted`);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, sender));
	return { accepted, requests, busySeconds: busyMs / 1000, wallSeconds: (last - first) / 1000, requestMs, maxIndex };
}

// ---------------------------------------------------------------------------------------
// Storage: bytes of the embedded ClickHouse directory, without outdated parts

interface DiskUsage {
	/** Allocated bytes of everything in the directory. */
	allocated: number;
	/** The same, without parts that a merged part covers (ClickHouse deletes them after old_parts_lifetime). */
	live: number;
	/** Apparent (file length) bytes of the live data. */
	liveApparent: number;
}

const PART = /^(.+)_(\d+)_(\d+)_(\d+)(?:_(\d+))?$/;

/** Part directory names covered by another part of the same table (inactive, waiting for deletion). */
function coveredParts(names: string[]): Set<string> {
	const parts = names
		.map((n) => ({ n, m: PART.exec(n) }))
		.filter((p): p is { n: string; m: RegExpExecArray } => p.m !== null)
		.map(({ n, m }) => ({ n, partition: m[1]!, min: Number(m[2]), max: Number(m[3]), level: Number(m[4]), mutation: Number(m[5] ?? 0) }));
	const covered = new Set<string>();
	for (const a of parts) {
		for (const b of parts) {
			if (a === b || a.partition !== b.partition) continue;
			const contains = b.min <= a.min && b.max >= a.max && (b.level > a.level || (b.level === a.level && b.mutation > a.mutation) || b.min < a.min || b.max > a.max);
			if (contains) {
				covered.add(a.n);
				break;
			}
		}
	}
	return covered;
}

function diskUsage(dir: string): DiskUsage {
	const seen = new Set<string>();
	const total = { allocated: 0, live: 0, liveApparent: 0 };
	const walk = (p: string, live: boolean) => {
		let st;
		try {
			st = lstatSync(p);
		} catch {
			return; // deleted while walking (a merge finished)
		}
		const id = `${st.dev}:${st.ino}`;
		if (!st.isDirectory()) {
			if (seen.has(id)) return;
			seen.add(id);
			total.allocated += st.blocks * 512;
			if (live) {
				total.live += st.blocks * 512;
				total.liveApparent += st.size;
			}
			return;
		}
		total.allocated += st.blocks * 512;
		if (live) total.live += st.blocks * 512;
		let names: string[];
		try {
			names = readdirSync(p);
		} catch {
			return;
		}
		const covered = coveredParts(names);
		for (const n of names) walk(path.join(p, n), live && !covered.has(n));
	};
	walk(dir, true);
	return total;
}

/** Live (not merged-away) data parts of one table of the embedded database. */
function liveParts(clickhouseDir: string, table: string): number {
	let names: string[];
	try {
		names = readdirSync(path.join(clickhouseDir, 'data', 'default', table)).filter((n) => PART.test(n));
	} catch {
		return NaN;
	}
	const covered = coveredParts(names);
	return names.filter((n) => !covered.has(n)).length;
}

async function settledDiskUsage(dir: string): Promise<{ usage: DiskUsage; waitedSeconds: number; settled: boolean }> {
	const t0 = Date.now();
	let prev = diskUsage(dir);
	let stableSince = Date.now();
	while (Date.now() - t0 < 60_000) {
		await sleep(500);
		const cur = diskUsage(dir);
		if (cur.live !== prev.live) stableSince = Date.now();
		prev = cur;
		if (Date.now() - stableSince >= 3_000) return { usage: cur, waitedSeconds: (Date.now() - t0) / 1000, settled: true };
	}
	return { usage: prev, waitedSeconds: (Date.now() - t0) / 1000, settled: false };
}

// ---------------------------------------------------------------------------------------
// Citizen timeline

async function timeTimeline(server: TestServer, produced: Produced, flags: Flags) {
	const random = prng(flags.seed ^ 0x5eed);
	const subjects = [...produced.perSubject.keys()].filter((s) => /^EE\d{11}$/.test(s));
	if (subjects.length === 0) throw new Error('no generated events concern an Estonian personal code');
	const chosen = new Set<string>();
	const n = Math.min(flags.citizens, subjects.length);
	while (chosen.size < n) chosen.add(subjects[Math.floor(random() * subjects.length)]!);

	log(`signing in ${fmt(n)} citizens...`);
	const sessions: { subject: string; cookie: string }[] = [];
	for (const subject of chosen) sessions.push({ subject, cookie: await server.signIn(subject) });

	/** Milliseconds for the whole response, and the server's own "db" and "app" Server-Timing entries. */
	const get = async (cookie: string): Promise<{ ms: number; db: number | null; app: number | null; ids: string[] }> => {
		const t0 = performance.now();
		const res = await fetch(`${server.url}/me`, { headers: { cookie, 'accept-language': 'en' }, redirect: 'manual' });
		const html = await res.text();
		const ms = performance.now() - t0;
		if (res.status !== 200) throw new Error(`GET /me answered ${res.status}: ${html.slice(0, 500)}`);
		if (!html.includes('Uses of your data')) throw new Error('GET /me did not render the timeline table');
		const timing = res.headers.get('server-timing') ?? '';
		const entry = (name: string) => {
			const m = new RegExp(`(?:^|,)\\s*${name};[^,]*dur=([\\d.]+)`).exec(timing);
			return m ? Number(m[1]) : null;
		};
		return { ms, db: entry('db'), app: entry('app'), ids: [...html.matchAll(/data-event-id="([0-9a-f-]{36})"/g)].map((m) => m[1]!) };
	};
	for (let i = 0; i < 10; i++) await get(sessions[i % sessions.length]!.cookie);
	log(`timing GET /me for ${fmt(n)} citizens...`);
	const ms: number[] = [];
	const dbMs: number[] = [];
	const appMs: number[] = [];
	const pages: { cookie: string; ids: string[] }[] = [];
	for (const s of sessions) {
		const r = await get(s.cookie);
		pages.push({ cookie: s.cookie, ids: r.ids });
		ms.push(r.ms);
		if (r.db !== null) dbMs.push(r.db);
		if (r.app !== null) appMs.push(r.app);
	}
	const sorted = [...ms].sort((a, b) => a - b);
	const dbSorted = [...dbMs].sort((a, b) => a - b);
	const appSorted = [...appMs].sort((a, b) => a - b);
	const events = [...chosen].map((s) => produced.perSubject.get(s) ?? 0);
	return {
		requests: ms.length,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		max: sorted[sorted.length - 1]!,
		/** The page's timeline queries alone, as the server reports them (Server-Timing: db). */
		dbP50: dbSorted.length ? percentile(dbSorted, 50) : null,
		dbP95: dbSorted.length ? percentile(dbSorted, 95) : null,
		/** The whole server-side handling, as the server reports it (Server-Timing: app). */
		appP50: appSorted.length ? percentile(appSorted, 50) : null,
		appP95: appSorted.length ? percentile(appSorted, 95) : null,
		mean: ms.reduce((a, b) => a + b, 0) / ms.length,
		meanEventsPerCitizen: events.reduce((a, b) => a + b, 0) / events.length,
		maxEventsPerCitizen: Math.max(...events),
		pages
	};
}

// ---------------------------------------------------------------------------------------
/** Seconds for an on-demand detection run (it first waits for any scheduled run) to cover the log. */
async function catchUpDetection(server: TestServer): Promise<number> {
	const cookie = await server.signIn('auditor');
	const t0 = performance.now();
	// node:http, not fetch: over 10 M events the run takes longer than fetch waits for an answer (300 s).
	const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
		const req = httpRequest(
			`${server.url}/oversight/detection?/run`,
			{ method: 'POST', headers: { cookie, origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0' } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end();
	});
	if (status !== 200) throw new Error(`detection run: ${status} ${body.slice(0, 500)}`);
	return (performance.now() - t0) / 1000;
}

// The oversight search: an auditor's GET /oversight by official and by agency

async function timeOversight(server: TestServer, produced: Produced, flags: Flags) {
	const random = prng(flags.seed ^ 0xa0d17);
	// Officials drawn by their share of events (busy officials are the ones searched for),
	// agencies in turn, every other one narrowed to one of its systems.
	const actors = [...produced.perActor];
	if (actors.length === 0) throw new Error('no generated event names an official');
	const cumulative: number[] = [];
	let sum = 0;
	for (const [, n] of actors) cumulative.push((sum += n));
	const drawActor = () => {
		const x = random() * sum;
		let lo = 0;
		let hi = cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid]! > x) hi = mid;
			else lo = mid + 1;
		}
		return actors[lo]![0];
	};
	const agencies = [...produced.perAgency];
	const half = Math.floor(flags.searches / 2);
	const searches: { kind: 'official' | 'agency'; params: Record<string, string> }[] = [];
	for (let i = 0; i < half; i++) searches.push({ kind: 'official', params: { official: drawActor() } });
	for (let i = 0; i < flags.searches - half; i++) {
		const [agency, { system }] = agencies[i % agencies.length]!;
		searches.push({ kind: 'agency', params: Math.floor(i / agencies.length) % 2 === 0 ? { agency } : { agency, system } });
	}
	const cookie = await server.signIn('auditor');
	const get = async (params: Record<string, string>) => {
		const q = new URLSearchParams({ case: 'BENCH-OVERSIGHT-1', ...params });
		const t0 = performance.now();
		const res = await fetch(`${server.url}/oversight?${q}`, { headers: { cookie, 'accept-language': 'en' }, redirect: 'manual' });
		const html = await res.text();
		const ms = performance.now() - t0;
		if (res.status !== 200) throw new Error(`GET /oversight?${q} answered ${res.status}: ${html.slice(0, 500)}`);
		if (!html.includes('results-table') && !html.includes('No events match this search')) throw new Error(`GET /oversight?${q} did not render results`);
		const timing = res.headers.get('server-timing') ?? '';
		const entry = (name: string) => {
			const m = new RegExp(`(?:^|,)\\s*${name};[^,]*dur=([\\d.]+)`).exec(timing);
			return m ? Number(m[1]) : null;
		};
		return { ms, search: entry('search'), events: entry('events'), record: entry('record'), rows: (html.match(/data-event-id=/g) ?? []).length };
	};
	for (let i = 0; i < 6; i++) await get(searches[(i * 37) % searches.length]!.params);
	log(`timing ${fmt(searches.length)} oversight searches (GET /oversight as the auditor)...`);
	const ms = { official: [] as number[], agency: [] as number[] };
	const searchMs: number[] = [];
	const eventsMs: number[] = [];
	const recordMs: number[] = [];
	let rows = 0;
	for (const s of searches) {
		const r = await get(s.params);
		ms[s.kind].push(r.ms);
		if (r.search !== null) searchMs.push(r.search);
		if (r.events !== null) eventsMs.push(r.events);
		if (r.record !== null) recordMs.push(r.record);
		rows += r.rows;
	}
	const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
	const all = sorted([...ms.official, ...ms.agency]);
	const off = sorted(ms.official);
	const ag = sorted(ms.agency);
	const srv = sorted(searchMs);
	const evs = sorted(eventsMs);
	const rec = sorted(recordMs);
	return {
		requests: all.length,
		p50: percentile(all, 50),
		p95: percentile(all, 95),
		officialP50: percentile(off, 50),
		officialP95: percentile(off, 95),
		agencyP50: percentile(ag, 50),
		agencyP95: percentile(ag, 95),
		/** The server's own time for search, names and the recorded look-up (Server-Timing: search). */
		serverP50: srv.length ? percentile(srv, 50) : null,
		serverP95: srv.length ? percentile(srv, 95) : null,
		/** Of which the page of events (the queries) and recording the look-up (one usage event per person, committed). */
		eventsP50: evs.length ? percentile(evs, 50) : null,
		eventsP95: evs.length ? percentile(evs, 95) : null,
		recordP50: rec.length ? percentile(rec, 50) : null,
		recordP95: rec.length ? percentile(rec, 95) : null,
		meanRows: rows / all.length
	};
}

// ---------------------------------------------------------------------------------------
// The ledger: what a citizen's browser fetches to check a page, and single inclusion proofs

async function timeLedger(server: TestServer, pages: { cookie: string; ids: string[] }[]) {
	const pageMs: number[] = [];
	const proofMs: number[] = [];
	let proofs = 0;
	for (const p of pages) {
		if (p.ids.length === 0) continue;
		let t0 = performance.now();
		const res = await fetch(`${server.url}/me/ledger.json?ids=${p.ids.join(',')}`, { headers: { cookie: p.cookie } });
		const view = (await res.json()) as { size: number; bundles: { index: number }[] };
		pageMs.push(performance.now() - t0);
		if (res.status !== 200) throw new Error(`GET /me/ledger.json answered ${res.status}`);
		proofs += view.bundles.length;
		const index = view.bundles[0]?.index;
		if (index === undefined) continue;
		t0 = performance.now();
		const proof = await fetch(`${server.url}/ledger/proof/inclusion?index=${index}&size=${view.size}`, { headers: { cookie: p.cookie } });
		await proof.text();
		proofMs.push(performance.now() - t0);
		if (proof.status !== 200) throw new Error(`GET /ledger/proof/inclusion answered ${proof.status}`);
	}
	const sortedPages = [...pageMs].sort((a, b) => a - b);
	const sortedProofs = [...proofMs].sort((a, b) => a - b);
	return {
		pageP50: percentile(sortedPages, 50),
		pageP95: percentile(sortedPages, 95),
		proofP50: percentile(sortedProofs, 50),
		proofP95: percentile(sortedProofs, 95),
		requests: proofMs.length,
		proofsPerPage: proofs / Math.max(1, pageMs.length)
	};
}

/** Seconds until the signed checkpoint covers `size` entries, and the server's signing time. */
async function waitForCheckpoint(server: TestServer, size: number): Promise<{ seconds: number; signingMs: number | null }> {
	const t0 = performance.now();
	if (size <= 0) return { seconds: 0, signingMs: null }; // no positions: a run without the ledger
	for (;;) {
		const res = await fetch(`${server.url}/ledger/checkpoint`);
		const text = await res.text();
		const covered = Number(text.split('\n')[1]);
		if (covered >= size) {
			const m = /sign;[^,]*dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
			return { seconds: (performance.now() - t0) / 1000, signingMs: m ? Number(m[1]) : null };
		}
		if (performance.now() - t0 > 120_000) throw new Error(`no checkpoint covers ${size} entries after 120 s (latest: ${covered})`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

// ---------------------------------------------------------------------------------------
// Main

/** One server, one ingestion of the generated events: what both runs share. */
async function ingestRun(ref: Reference, flags: Flags, env: Record<string, string>, dataDir: string, nodeArgs: string[] = []) {
	log(`starting the server (data in ${path.relative(ROOT, dataDir)})...`);
	const tBoot = performance.now();
	const server = await startTestServer(env, { dataDir, startTimeoutMs: 600_000, stopTimeoutMs: 60_000, nodeArgs });
	const bootSeconds = (performance.now() - tBoot) / 1000;
	try {
		log(`server up in ${bootSeconds.toFixed(1)} s (pid ${server.pid}); creating one API key per agency...`);
		const keys = new Map<string, string>();
		for (const a of ref.agencies) keys.set(a.code, await server.agencyKey(a.code, { name: a.name }));

		// Generate and serialise ahead of the senders; start sending when everything is
		// ready, or when the buffer is full (then generation continues alongside).
		const queue = new BatchQueue(flags.bufferBytes);
		let startSending!: () => void;
		const ready = new Promise<void>((r) => (startSending = r));
		log(`generating and serialising events (buffer ${fmt(flags.bufferBytes / 2 ** 20)} MiB)...`);
		const producing = produce(ref, flags, queue, () => {
			log('buffer full: sending while generating the rest (only time in HTTP requests is counted)');
			startSending();
		});
		void producing.then(() => startSending(), () => startSending());
		await ready;
		const preBuilt = queue.size;
		log(`sending ${fmt(preBuilt)} ready batches with ${flags.concurrency} senders...`);
		const cpu0 = cpuSnapshot(server.pid);
		const client0 = process.cpuUsage();
		const [produced, ingest] = await Promise.all([producing, send(server, keys, queue, flags.concurrency)]);
		const serverCpu = cpuBetween(cpu0, cpuSnapshot(server.pid));
		const clientCpu = process.cpuUsage(client0);
		if (ingest.accepted !== produced.events) throw new Error(`${fmt(produced.events)} events sent but ${fmt(ingest.accepted)} accepted`);
		const rate = ingest.accepted / ingest.busySeconds;
		log(`ingested ${fmt(ingest.accepted)} events in ${ingest.busySeconds.toFixed(1)} s: ${fmt(rate)} events/s`);
		log(
			`server CPU during ingestion: ${serverCpu.total} s (${(serverCpu.total / ingest.wallSeconds).toFixed(2)} cores); by thread: ` +
				Object.entries(serverCpu.byThread)
					.slice(0, 8)
					.map(([k, v]) => `${k} ${v} s`)
					.join(', ')
		);
		return { server, bootSeconds, produced, ingest, preBuilt, serverCpu, clientCpu, rate };
	} catch (err) {
		console.error(`--- server output (last 4000 characters) ---\n${server.logs().slice(-4000)}`);
		await server.stop({ keepData: true });
		throw err;
	}
}

async function main(): Promise<void> {
	const flags = benchFlags();
	log(`${fmt(flags.events)} events, ${fmt(flags.people)} people, ${flags.concurrency} senders, ${fmt(flags.batch)} events per request, seed ${flags.seed}`);
	buildIfStale(ROOT);

	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const dataDir = path.join(ROOT, 'bench-data', stamp);
	const env: Record<string, string> = {
		// Demo mode seeds the population register (so citizens can use the demo sign-in) with
		// the bench's own reference data, plus the smallest number of demo events.
		PEEGEL_DEMO: '1',
		PEEGEL_DEMO_PEOPLE: String(flags.people),
		PEEGEL_DEMO_EVENTS: '100',
		PEEGEL_DEMO_SEED: String(flags.seed),
		BODY_SIZE_LIMIT: String(64 * 1024 * 1024),
		// Scheduled detection (every minute by default) works off whatever arrived since its
		// last run. Only the ledgered run has positions for it to follow, so left on it would
		// charge that run alone for detection (at 10 M: 280 s of ClickHouse CPU during
		// ingestion) and blur the ledger's cost. Held off in both runs; the bench times a
		// detection run over the whole log on its own, after ingestion.
		PEEGEL_DETECT_INTERVAL_MS: String(86_400_000)
	};
	const profileDir = path.join(dataDir, 'profile');

	log('generating reference data...');
	const ref = generateReference({ people: flags.people, seed: flags.seed });

	// First the same ingestion without the ledger, on its own directory: what the ledger costs.
	let baselineRate: number | null = null;
	if (!flags['no-baseline']) {
		log('--- run 1 of 2: ingestion WITHOUT the ledger (baseline) ---');
		const baselineDir = `${dataDir}-no-ledger`;
		try {
			const baseline = await ingestRun(ref, flags, { ...env, PEEGEL_BENCH_NO_LEDGER: '1' }, baselineDir);
			baselineRate = baseline.rate;
			await baseline.server.stop({ keepData: true });
		} finally {
			rmSync(baselineDir, { recursive: true, force: true });
		}
		log('--- run 2 of 2: ingestion with the ledger, then the reads ---');
	}

	let run: Awaited<ReturnType<typeof ingestRun>>;
	try {
		run = await ingestRun(ref, flags, env, dataDir, flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
	} catch (err) {
		console.error(`bench: failed: ${(err as Error).stack ?? err}`);
		if (!flags.keep) rmSync(dataDir, { recursive: true, force: true });
		process.exitCode = 1;
		return;
	}
	const { server, bootSeconds, produced, ingest, preBuilt, serverCpu, clientCpu, rate } = run;
	let ok = false;
	try {
		const checkpoint = await waitForCheckpoint(server, ingest.maxIndex + 1);
		log(`a signed checkpoint covered every event ${checkpoint.seconds.toFixed(2)} s after the last acknowledgement; signing took ${checkpoint.signingMs ?? '?'} ms`);
		// Detection runs every minute over new positions; after a million at once its first
		// run works off the backlog, holding embedded ClickHouse (one query at a time) for
		// tens of seconds. The reads are timed as a running server has them: caught up.
		log('running detection over the whole log (as an auditor would on demand)...');
		const detection = await catchUpDetection(server);
		log(`detection caught up in ${detection.toFixed(1)} s`);
		log('waiting for merges to settle...');
		const disk = await settledDiskUsage(path.join(dataDir, 'clickhouse'));
		log(`disk ${disk.settled ? 'settled' : 'still changing'} after ${disk.waitedSeconds.toFixed(1)} s: ${fmt(disk.usage.live)} bytes in live parts`);

		const partsBefore = liveParts(path.join(dataDir, 'clickhouse'), 'usage_event');
		const timelineCpu0 = cpuSnapshot(server.pid);
		const timeline = await timeTimeline(server, produced, flags);
		const timelineCpu = cpuBetween(timelineCpu0, cpuSnapshot(server.pid));
		const partsAfter = liveParts(path.join(dataDir, 'clickhouse'), 'usage_event');
		log(`usage_event had ${partsBefore} live parts when the timeline timing started and ${partsAfter} when it ended`);
		log(
			`server CPU while signing in and timing citizens: ${timelineCpu.total} s; by thread: ` +
				Object.entries(timelineCpu.byThread)
					.slice(0, 6)
					.map(([k, v]) => `${k} ${v} s`)
					.join(', ')
		);
		log('timing the ledger: each page’s proofs (GET /me/ledger.json) and single inclusion proofs...');
		const ledger = await timeLedger(server, timeline.pages);
		const oversight = await timeOversight(server, produced, flags);
		log(`oversight search p50 ${oversight.p50.toFixed(1)} ms, p95 ${oversight.p95.toFixed(1)} ms (${oversight.requests} searches, ${oversight.meanRows.toFixed(1)} events shown on average)`);
		// Last: the signatures and their rollups do not weigh on the reads timed above.
		const stats = await benchStatistics(server, ref, {
			signatures: flags.signatures,
			seed: eventSeed(flags.seed),
			concurrency: flags.concurrency,
			key: await server.agencyKey(ref.agencies[0]!.code),
			requests: flags['stats-requests'],
			log
		});
		log(`statistics pages p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms (${stats.requests} requests)`);
		const peakRss = status(server.pid, 'VmHWM');
		const rssNow = status(server.pid, 'VmRSS');

		const reqSorted = [...ingest.requestMs].sort((a, b) => a - b);
		const results = {
			events: ingest.accepted,
			ingest_events_per_s: Math.round(rate),
			detection_catch_up_s: Math.round(detection * 10) / 10,
			ingest_events_per_s_no_ledger: baselineRate === null ? null : Math.round(baselineRate),
			ledger_cost_percent: baselineRate === null ? null : Number((100 * (1 - rate / baselineRate)).toFixed(1)),
			proof_p50_ms: Number(ledger.proofP50.toFixed(2)),
			proof_p95_ms: Number(ledger.proofP95.toFixed(2)),
			checkpoint_signing_ms: checkpoint.signingMs,
			checkpoint_latency_s: Number(checkpoint.seconds.toFixed(2)),
			timeline_p50_ms: Number(timeline.p50.toFixed(2)),
			timeline_p95_ms: Number(timeline.p95.toFixed(2)),
			// The same requests: the /me page, server-rendered, is the citizen's timeline (issue 4 names it so).
			me_page_p50_ms: Number(timeline.p50.toFixed(2)),
			me_page_p95_ms: Number(timeline.p95.toFixed(2)),
			// GET /oversight by official and by agency (half each), server-rendered, look-ups recorded.
			oversight_p50_ms: Number(oversight.p50.toFixed(2)),
			oversight_p95_ms: Number(oversight.p95.toFixed(2)),
			// GET /stats pages and open-data downloads, anonymous, from the latest release.
			stats_p50_ms: Number(stats.p50.toFixed(2)),
			stats_p95_ms: Number(stats.p95.toFixed(2)),
			signature_events: stats.signatures,
			signature_ingest_per_s: Math.round(stats.signaturesPerSecond),
			stats_release_ms: stats.release.ms,
			bytes_per_event: Number((disk.usage.live / ingest.accepted).toFixed(2)),
			peak_rss_mb: peakRss === null ? null : Math.round(peakRss / 2 ** 20),
			machine: {
				cpu: os.cpus()[0]?.model ?? 'unknown',
				cores: os.availableParallelism(),
				memory_gb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
				node: process.version,
				platform: `${os.type()} ${os.release()}`
			},
			date: new Date().toISOString(),
			details: {
				people: flags.people,
				seed: flags.seed,
				concurrency: flags.concurrency,
				batch_events: flags.batch,
				batches: produced.batches,
				ndjson_bytes: produced.bytes,
				ndjson_bytes_per_event: Number((produced.bytes / produced.events).toFixed(1)),
				generation_seconds: Number(produced.seconds.toFixed(1)),
				batches_ready_before_sending: preBuilt,
				ingest_busy_seconds: Number(ingest.busySeconds.toFixed(2)),
				ingest_wall_seconds: Number(ingest.wallSeconds.toFixed(2)),
				ingest_request_ms_p50: Number(percentile(reqSorted, 50).toFixed(1)),
				ingest_request_ms_p95: Number(percentile(reqSorted, 95).toFixed(1)),
				ingest_server_cpu_seconds: serverCpu.total,
				ingest_server_cpu_seconds_by_thread: serverCpu.byThread,
				ingest_client_cpu_seconds: Number(((clientCpu.user + clientCpu.system) / 1e6).toFixed(2)),
				server_boot_seconds: Number(bootSeconds.toFixed(1)),
				timeline_requests: timeline.requests,
				timeline_usage_event_parts: [partsBefore, partsAfter],
				timeline_server_cpu_seconds_by_thread: timelineCpu.byThread,
				timeline_mean_ms: Number(timeline.mean.toFixed(2)),
				timeline_max_ms: Number(timeline.max.toFixed(2)),
				timeline_db_p50_ms: timeline.dbP50 === null ? null : Number(timeline.dbP50.toFixed(2)),
				timeline_db_p95_ms: timeline.dbP95 === null ? null : Number(timeline.dbP95.toFixed(2)),
				timeline_server_p50_ms: timeline.appP50 === null ? null : Number(timeline.appP50.toFixed(2)),
				timeline_server_p95_ms: timeline.appP95 === null ? null : Number(timeline.appP95.toFixed(2)),
				timeline_mean_events_per_citizen: Number(timeline.meanEventsPerCitizen.toFixed(1)),
				timeline_max_events_per_citizen: timeline.maxEventsPerCitizen,
				disk_live_bytes: disk.usage.live,
				disk_live_apparent_bytes: disk.usage.liveApparent,
				disk_allocated_bytes_with_outdated_parts: disk.usage.allocated,
				disk_settled: disk.settled,
				disk_wait_seconds: Number(disk.waitedSeconds.toFixed(1)),
				server_rss_mb_at_end: rssNow === null ? null : Math.round(rssNow / 2 ** 20),
				ledger_page_proofs_p50_ms: Number(ledger.pageP50.toFixed(2)),
				ledger_page_proofs_p95_ms: Number(ledger.pageP95.toFixed(2)),
				ledger_proofs_per_page: Number(ledger.proofsPerPage.toFixed(1)),
				proof_requests: ledger.requests,
				oversight_requests: oversight.requests,
				oversight_official_p50_ms: Number(oversight.officialP50.toFixed(2)),
				oversight_official_p95_ms: Number(oversight.officialP95.toFixed(2)),
				oversight_agency_p50_ms: Number(oversight.agencyP50.toFixed(2)),
				oversight_agency_p95_ms: Number(oversight.agencyP95.toFixed(2)),
				oversight_server_p50_ms: oversight.serverP50 === null ? null : Number(oversight.serverP50.toFixed(2)),
				oversight_server_p95_ms: oversight.serverP95 === null ? null : Number(oversight.serverP95.toFixed(2)),
				oversight_events_query_p50_ms: oversight.eventsP50 === null ? null : Number(oversight.eventsP50.toFixed(2)),
				oversight_events_query_p95_ms: oversight.eventsP95 === null ? null : Number(oversight.eventsP95.toFixed(2)),
				oversight_record_lookup_p50_ms: oversight.recordP50 === null ? null : Number(oversight.recordP50.toFixed(2)),
				oversight_record_lookup_p95_ms: oversight.recordP95 === null ? null : Number(oversight.recordP95.toFixed(2)),
				oversight_mean_events_shown: Number(oversight.meanRows.toFixed(1)),
				stats_requests: stats.requests,
				stats_max_ms: Number(stats.max.toFixed(2)),
				stats_release_cells: stats.release.cells,
				stats_release_withheld: stats.release.suppressed
			}
		};
		writeFileSync(path.join(ROOT, 'bench-results.json'), JSON.stringify(results, null, 2) + '\n');

		const rows: [string, string, string][] = [
			['events ingested', fmt(results.events), ''],
			['ingestion (HTTP, validated, deduplicated, committed, ledgered)', `${fmt(results.ingest_events_per_s)} events/s`, '>= 100,000'],
			...(results.ingest_events_per_s_no_ledger === null
				? []
				: ([
						['ingestion without the ledger (baseline run)', `${fmt(results.ingest_events_per_s_no_ledger)} events/s`, ''],
						['  what the ledger costs', `${results.ledger_cost_percent} %`, '<= 20 %']
					] as [string, string, string][])),
			['citizen timeline GET /me p50', `${results.timeline_p50_ms.toFixed(1)} ms`, ''],
			['citizen timeline GET /me p95 (timeline_p95_ms = me_page_p95_ms)', `${results.timeline_p95_ms.toFixed(1)} ms`, '<= 10 ms; page <= 50 ms'],
			...(timeline.appP50 !== null && timeline.appP95 !== null
				? ([['  of which in the server (Server-Timing app) p50 / p95', `${timeline.appP50.toFixed(1)} / ${timeline.appP95.toFixed(1)} ms`, '']] as [string, string, string][])
				: []),
			...(timeline.dbP50 !== null && timeline.dbP95 !== null
				? ([['  of which timeline queries (Server-Timing db) p50 / p95', `${timeline.dbP50.toFixed(1)} / ${timeline.dbP95.toFixed(1)} ms`, '']] as [string, string, string][])
				: []),
			['oversight search GET /oversight p50', `${results.oversight_p50_ms.toFixed(1)} ms`, ''],
			['oversight search GET /oversight p95 (by official and by agency)', `${results.oversight_p95_ms.toFixed(1)} ms`, '<= 50 ms'],
			['  by official p95 / by agency p95', `${oversight.officialP95.toFixed(1)} / ${oversight.agencyP95.toFixed(1)} ms`, ''],
			...(oversight.eventsP50 !== null && oversight.eventsP95 !== null && oversight.recordP50 !== null && oversight.recordP95 !== null
				? ([
						['  of which the events query (Server-Timing events) p50 / p95', `${oversight.eventsP50.toFixed(1)} / ${oversight.eventsP95.toFixed(1)} ms`, ''],
						['  of which recording the look-up (Server-Timing record) p50 / p95', `${oversight.recordP50.toFixed(1)} / ${oversight.recordP95.toFixed(1)} ms`, '']
					] as [string, string, string][])
				: []),
			['e-signature events (POST /api/v1/signature-events)', `${fmt(results.signature_ingest_per_s)} events/s`, ''],
			['statistics release from the rollups', `${fmt(results.stats_release_ms)} ms`, ''],
			['statistics pages and downloads GET /stats/... p50', `${results.stats_p50_ms.toFixed(1)} ms`, ''],
			['statistics pages and downloads p95 (stats_p95_ms)', `${results.stats_p95_ms.toFixed(1)} ms`, '<= 50 ms'],
			['inclusion proof GET /ledger/proof/inclusion p50 / p95', `${results.proof_p50_ms.toFixed(1)} / ${results.proof_p95_ms.toFixed(1)} ms`, ''],
			['a page’s proofs GET /me/ledger.json p50 / p95', `${ledger.pageP50.toFixed(1)} / ${ledger.pageP95.toFixed(1)} ms`, ''],
			['checkpoint signing (root, signature, insert)', `${results.checkpoint_signing_ms ?? '?'} ms`, ''],
			['checkpoint after the last event (checkpointer runs every second)', `${results.checkpoint_latency_s.toFixed(2)} s`, ''],
			['detection over the whole log, all nine rules (on demand)', `${results.detection_catch_up_s.toFixed(1)} s`, ''],
			['storage, ledger included', `${results.bytes_per_event.toFixed(1)} bytes/event`, '<= 60'],
			['server peak RSS', `${fmt(results.peak_rss_mb ?? NaN)} MB`, '']
		];
		const w0 = Math.max(...rows.map((r) => r[0].length));
		const w1 = Math.max(...rows.map((r) => r[1].length));
		console.log('');
		console.log(`${'measure'.padEnd(w0)}  ${'result'.padStart(w1)}  target`);
		console.log(`${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ------`);
		for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
		console.log('');
		console.log(
			`${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memory_gb} GB, node ${results.machine.node}; ` +
				`${fmt(results.details.batches)} requests of ${fmt(flags.batch)} events, ${flags.concurrency} senders, ` +
				`${results.details.ndjson_bytes_per_event} NDJSON bytes/event; timeline over ${timeline.requests} citizens ` +
				`(${results.details.timeline_mean_events_per_citizen} events each on average)`
		);
		console.log('Written to bench-results.json');
		ok = true;
	} catch (err) {
		console.error(`bench: failed: ${(err as Error).stack ?? err}`);
		console.error(`--- server output (last 4000 characters) ---\n${server.logs().slice(-4000)}`);
		process.exitCode = 1;
	} finally {
		await server.stop({ keepData: true });
		if (flags.keep) {
			log(`kept ${path.relative(ROOT, dataDir)}${flags.profile ? ` (CPU profile in ${path.relative(ROOT, profileDir)})` : ''}`);
		} else {
			rmSync(dataDir, { recursive: true, force: true });
		}
		if (!ok) process.exitCode = 1;
	}
}

await main();
