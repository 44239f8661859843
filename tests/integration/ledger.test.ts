/**
 * The ledger end to end against the built server: positions in the ingestion response,
 * signed checkpoints, inclusion and consistency proofs that the shared verification
 * module accepts, leaves that are the events, the person's chain, who may see what, and a
 * crash between storing events and writing their tiles.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase64 } from '@oslojs/encoding';
import { chainGaps, checkBundle, type ProofBundle } from '../../src/lib/ledger/bundle';
import { decodeLeaf } from '../../src/lib/ledger/leaf';
import { hashLeaf, verifyConsistency, verifyInclusion } from '../../src/lib/ledger/merkle';
import { parseCheckpoint, parseNote, parseVerifierKey, verifyNote, type Checkpoint } from '../../src/lib/ledger/note';
import { generateReference } from '../../src/lib/server/seed/reference';
import { ingest } from '../support/api';
import { newAgencyCode, newEvent } from '../support/data';
import { ROOT, startTestServer, type TestServer } from '../support/server';
import { cosign as cosignLine, newCosigner, parseWitnessKey, verifyCosignature } from '../../src/lib/ledger/cosignature';

const personas = generateReference({ people: 200, seed: 2026 }).personas;
const codeOf = (key: string) => {
	const p = personas.find((x) => x.key === key)!;
	return p.personal_code.startsWith('EE') ? p.personal_code : `EE${p.personal_code}`;
};
const citizen = personas.find((p) => p.key !== 'auditor' && p.key !== 'admin')!.key;
const other = personas.filter((p) => p.key !== 'auditor' && p.key !== 'admin')[1]!.key;

let server: TestServer;

beforeAll(async () => {
	server = await startTestServer();
});

afterAll(async () => {
	await server?.stop();
});

async function get(path: string, cookie?: string): Promise<Response> {
	return fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });
}

async function verifiedCheckpoint(s: TestServer = server): Promise<Checkpoint> {
	const key = parseVerifierKey(await (await fetch(`${s.url}/ledger/key`)).text());
	const note = parseNote(await (await fetch(`${s.url}/ledger/checkpoint`)).text());
	expect(verifyNote(note, key)).toEqual({ ok: true });
	return parseCheckpoint(note.text);
}

/** The first checkpoint covering `size` entries (signed within a few seconds). */
async function checkpointCovering(size: number, s: TestServer = server): Promise<Checkpoint> {
	const deadline = Date.now() + 15_000;
	for (;;) {
		const c = await verifiedCheckpoint(s);
		if (c.size >= size) return c;
		if (Date.now() > deadline) throw new Error(`no checkpoint covers ${size} entries; the latest has ${c.size}`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

async function postEvents(subject: string, n: number, overrides: Record<string, unknown> = {}) {
	const agency = newAgencyCode();
	const key = await server.agencyKey(agency);
	const events = Array.from({ length: n }, () => newEvent(agency, subject, overrides));
	const r = await ingest(server, key, events);
	expect(r.status).toBe(200);
	return { agency, key, events, accepted: r.body.accepted as { event_id: string; index: number }[] };
}

async function inclusion(index: number, size: number, cookie: string) {
	const res = await get(`/ledger/proof/inclusion?index=${index}&size=${size}`, cookie);
	return { status: res.status, body: (await res.json()) as { leaf_hash: string; hashes: string[]; error?: string } };
}

async function leaf(index: number, cookie: string) {
	const res = await get(`/ledger/leaf?index=${index}`, cookie);
	return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('positions', () => {
	it('gives accepted events consecutive positions, and a duplicate none', async () => {
		const { key, events, accepted } = await postEvents(codeOf(citizen), 3);
		const indices = accepted.map((a) => a.index);
		expect(indices[1]).toBe(indices[0]! + 1);
		expect(indices[2]).toBe(indices[0]! + 2);
		const again = await ingest(server, key, [events[0]!]);
		expect(again.body.accepted).toEqual([]);
		expect(again.body.duplicates).toEqual([events[0]!.event_id]);
		const { accepted: next } = await postEvents(codeOf(citizen), 1);
		expect(next[0]!.index).toBeGreaterThan(indices[2]!);
	});
});

describe('checkpoints and proofs', () => {
	it('signs a checkpoint covering new events, and proves each of a citizen’s events in it', async () => {
		const subject = codeOf(citizen);
		const { events, accepted } = await postEvents(subject, 2);
		const last = accepted[1]!.index;
		const checkpoint = await checkpointCovering(last + 1);
		const cookie = await server.signIn(citizen);
		for (const [i, a] of accepted.entries()) {
			const proof = await inclusion(a.index, checkpoint.size, cookie);
			expect(proof.status).toBe(200);
			const l = await leaf(a.index, cookie);
			expect(l.status).toBe(200);
			// The leaf hashes to the proven leaf hash, and is the event.
			expect(Buffer.from(hashLeaf(l.bytes)).toString('base64')).toBe(proof.body.leaf_hash);
			expect(verifyInclusion(a.index, checkpoint.size, hashLeaf(l.bytes), proof.body.hashes.map(decodeBase64), checkpoint.root)).toEqual({ ok: true });
			const decoded = decodeLeaf(l.bytes);
			expect(decoded).toMatchObject({ index: a.index, eventId: events[i]!.event_id, subjectCode: subject, visibility: 'visible' });
			expect(decoded.loggedAt).toBe(Date.parse(events[i]!.logged_at as string));
		}
		// The person's chain: the second event points at the first.
		expect(decodeLeaf((await leaf(accepted[1]!.index, cookie)).bytes).prev).toBe(accepted[0]!.index);
	});

	it('keeps sealed events out of the person’s chain and away from the person until disclosed', async () => {
		const subject = codeOf(citizen);
		const { accepted: before } = await postEvents(subject, 1);
		const { accepted: sealed } = await postEvents(subject, 1, { visibility: 'sealed', disclose_after: '2099-01-01T00:00:00Z' });
		const { accepted: after } = await postEvents(subject, 1);
		const checkpoint = await checkpointCovering(after[0]!.index + 1);
		const cookie = await server.signIn(citizen);
		expect(decodeLeaf((await leaf(after[0]!.index, cookie)).bytes).prev).toBe(before[0]!.index);
		expect((await leaf(sealed[0]!.index, cookie)).status).toBe(403);
		expect((await inclusion(sealed[0]!.index, checkpoint.size, cookie)).status).toBe(403);
		// Oversight sees it, unlinked.
		const auditor = await server.signIn('auditor');
		const l = await leaf(sealed[0]!.index, auditor);
		expect(l.status).toBe(200);
		expect(decodeLeaf(l.bytes)).toMatchObject({ visibility: 'sealed', prev: null, discloseAfter: Date.UTC(2099, 0, 1) });
	});

	it('gives proofs and leaves only to the person, or to oversight', async () => {
		const { accepted } = await postEvents(codeOf(citizen), 1);
		const index = accepted[0]!.index;
		const checkpoint = await checkpointCovering(index + 1);
		const stranger = await server.signIn(other);
		expect((await inclusion(index, checkpoint.size, stranger)).status).toBe(403);
		expect((await leaf(index, stranger)).status).toBe(403);
		expect((await get(`/ledger/leaf?index=${index}`)).status).toBe(401);
		expect((await get(`/ledger/proof/inclusion?index=${index}&size=${checkpoint.size}`)).status).toBe(401);
		const auditor = await server.signIn('auditor');
		expect((await inclusion(index, checkpoint.size, auditor)).status).toBe(200);
	});

	it('proves every checkpoint consistent with a later one (public)', async () => {
		const { accepted: a } = await postEvents(codeOf(other), 1);
		const first = await checkpointCovering(a[0]!.index + 1);
		const { accepted: b } = await postEvents(codeOf(other), 5);
		const second = await checkpointCovering(b[4]!.index + 1);
		expect(second.size).toBeGreaterThan(first.size);
		const res = await get(`/ledger/proof/consistency?from=${first.size}&to=${second.size}`);
		expect(res.status).toBe(200);
		const body = (await res.json()) as { hashes: string[] };
		expect(verifyConsistency(first.size, second.size, body.hashes.map(decodeBase64), first.root, second.root)).toEqual({ ok: true });
	});

	it('names the parameter that is wrong', async () => {
		const cookie = await server.signIn(citizen);
		const cases: [string, number, string][] = [
			['/ledger/proof/inclusion?index=x&size=1', 400, 'index'],
			['/ledger/proof/inclusion?index=1', 400, 'size'],
			['/ledger/proof/inclusion?index=5&size=5', 400, 'index'],
			['/ledger/proof/inclusion?index=0&size=999999999999', 400, 'size'],
			['/ledger/proof/consistency?from=0&to=1', 400, 'from'],
			['/ledger/proof/consistency?from=3&to=2', 400, 'from'],
			['/ledger/proof/consistency?from=1&to=-2', 400, 'to'],
			['/ledger/leaf?index=999999999999', 400, 'index']
		];
		for (const [path, status, parameter] of cases) {
			const res = await get(path, cookie);
			expect(res.status, path).toBe(status);
			expect(((await res.json()) as { parameter: string }).parameter, path).toBe(parameter);
		}
	});

	it('serves the checkpoint and the key as text', async () => {
		const res = await get('/ledger/checkpoint');
		expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
		const key = await (await get('/ledger/key')).text();
		expect(key).toMatch(/^peegel\.localhost\/usage-log\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*\n$/);
	});
});

describe('the citizen’s proofs (/me/ledger.json)', () => {
	type View = { chain: number[]; size: number; bundles: ProofBundle[]; pending: string[]; key: string };
	async function view(ids: string[], cookie?: string) {
		const res = await get(`/me/ledger.json?ids=${ids.join(',')}`, cookie);
		return { status: res.status, body: (await res.json()) as View & { error?: string; parameter?: string } };
	}

	it('gives a bundle per own event that checks, details opened only where the person may see them', async () => {
		const subject = codeOf(citizen);
		const { events: visible } = await postEvents(subject, 1, { actor_code: codeOf(other), case_ref: 'K-1' });
		const { events: restricted, accepted } = await postEvents(subject, 1, { visibility: 'restricted' });
		const { events: sealed } = await postEvents(subject, 1, { visibility: 'sealed', disclose_after: '2099-01-01T00:00:00Z' });
		await checkpointCovering(accepted[0]!.index + 2);
		const cookie = await server.signIn(citizen);
		const ids = [visible[0]!, restricted[0]!, sealed[0]!].map((e) => e.event_id as string);
		const { status, body } = await view(ids, cookie);
		expect(status).toBe(200);
		expect(body.bundles.map((b) => b.event.event_id).sort()).toEqual(ids.slice(0, 2).sort());
		for (const b of body.bundles) expect(checkBundle(b, body.key)).toMatchObject({ ok: true });
		const byId = new Map(body.bundles.map((b) => [b.event.event_id, b]));
		expect(byId.get(ids[0]!)!.event.details).toMatchObject({ agency_code: visible[0]!.agency_code, system: 'TEST-IS' });
		expect(JSON.stringify(byId.get(ids[0]!))).not.toContain(codeOf(other)); // never the official
		expect(byId.get(ids[1]!)!.event.details).toBeNull();
		// The chain lists the person's unsealed positions, and the shown ones link without gaps.
		const leaves = body.bundles.map((b) => decodeLeaf(decodeBase64(b.leaf)));
		expect(chainGaps(leaves, body.chain)).toEqual([]);
		expect(chainGaps(leaves, body.chain.filter((p) => p !== leaves[0]!.prev))).not.toEqual([]);
	});

	it('gives nothing about other people’s events, and names a bad request', async () => {
		const { events } = await postEvents(codeOf(citizen), 1);
		const stranger = await server.signIn(other);
		const { body } = await view([events[0]!.event_id as string], stranger);
		expect(body.bundles).toEqual([]);
		expect((await view([events[0]!.event_id as string])).status).toBe(401);
		const bad = await view(['not-a-uuid'], stranger);
		expect(bad.status).toBe(400);
		expect(bad.body.parameter).toBe('ids');
	});
});

describe('witnesses', () => {
	it('a server with an unreadable witness key does not start, and says which variable', async () => {
		await expect(startTestServer({ PEEGEL_WITNESS_KEYS: 'not-a-key' })).rejects.toThrow(/PEEGEL_WITNESS_KEYS: a verifier key must have 3/);
	});

	it('a witness run by oversight cosigns the checkpoint; the log serves the cosignature with it', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'peegel-witness-'));
		const keyFile = path.join(dir, 'witness.key');
		const tsx = [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/ledger-witness.ts'];
		const keygen = spawnSync(process.execPath, [...tsx, 'keygen', '--name', 'oversight.example/witness', '--out', keyFile], { cwd: ROOT, encoding: 'utf8' });
		expect(keygen.status, keygen.stderr).toBe(0);
		const witnessKey = keygen.stdout.trim();
		const witnessed = await startTestServer({ PEEGEL_WITNESS_KEYS: witnessKey });
		try {
			const logKey = (await (await fetch(`${witnessed.url}/ledger/key`)).text()).trim();
			const cosign = () =>
				spawnSync(process.execPath, [...tsx, 'cosign', '--url', witnessed.url, '--key', keyFile, '--log-key', logKey, '--state', path.join(dir, 'state.json')], {
					cwd: ROOT,
					encoding: 'utf8'
				});
			const first = cosign();
			expect(first.status, first.stderr).toBe(0);
			expect(first.stdout).toMatch(/cosigned the checkpoint of \d+ entries/);
			const note = parseNote(await (await fetch(`${witnessed.url}/ledger/checkpoint`)).text());
			expect(verifyCosignature(note, parseWitnessKey(witnessKey))).toMatchObject({ ok: true });

			// The log grows; the witness checks consistency with what it cosigned, and cosigns again.
			const agency = newAgencyCode();
			const key = await witnessed.agencyKey(agency);
			const r = await ingest(witnessed, key, [newEvent(agency, codeOf(citizen))]);
			await checkpointCovering(r.body.accepted![0]!.index! + 1, witnessed);
			const second = cosign();
			expect(second.status, second.stderr).toBe(0);
			expect(JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8')).size).toBe(r.body.accepted![0]!.index! + 1);

			// An unknown witness, and a checkpoint this log never signed, are refused.
			const stranger = newCosigner('stranger.example/w');
			const body = note.text;
			const post = (text: string) => fetch(`${witnessed.url}/ledger/cosignature`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text });
			const signedOnly = `${body}\n${(await (await fetch(`${witnessed.url}/ledger/checkpoint`)).text()).split('\n\n')[1]!.split('\n')[0]}\n`;
			expect((await post(signedOnly + cosignLine(body, stranger, Math.floor(Date.now() / 1000)))).status).toBe(400);
			const forged = body.replace(/\n(\d+)\n/, (_, n) => `\n${Number(n) + 1000}\n`);
			expect((await post(`${forged}\n${cosignLine(forged, stranger, 1)}`)).status).toBe(409);
			expect((await fetch(`${witnessed.url}/ledger/cosignature`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(415);
		} finally {
			await witnessed.stop();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('a crash between storing events and writing their tiles', () => {
	it('leaves a consistent log: on restart the events have their positions and the tree catches up', async () => {
		const crashing = await startTestServer({ PEEGEL_FAILPOINT: 'after-event-insert' });
		const dataDir = crashing.dataDir;
		const before = await checkpointCovering(1, crashing);
		const agency = newAgencyCode();
		const key = await crashing.agencyKey(agency);
		const events = Array.from({ length: 3 }, () => newEvent(agency, codeOf(citizen)));
		// The server dies after ClickHouse has the rows, before it answers.
		await expect(ingest(crashing, key, events)).rejects.toThrow();
		await crashing.stop({ keepData: true });

		const restarted = await startTestServer({}, { dataDir });
		try {
			const after = await checkpointCovering(before.size + 3, restarted);
			expect(after.size).toBe(before.size + 3);
			const proof = await fetch(`${restarted.url}/ledger/proof/consistency?from=${before.size}&to=${after.size}`);
			const body = (await proof.json()) as { hashes: string[] };
			expect(verifyConsistency(before.size, after.size, body.hashes.map(decodeBase64), before.root, after.root)).toEqual({ ok: true });
			// Sent again, they are known: stored once, with the positions they were given.
			const retry = await ingest(restarted, key, events);
			expect(retry.status).toBe(200);
			expect(retry.body.duplicates!.sort()).toEqual(events.map((e) => e.event_id as string).sort());
			const cookie = await restarted.signIn(citizen);
			const l = await fetch(`${restarted.url}/ledger/leaf?index=${before.size + 2}`, { headers: { cookie } });
			expect(decodeLeaf(new Uint8Array(await l.arrayBuffer())).eventId).toBe(events[2]!.event_id);
		} finally {
			await restarted.stop();
		}
	});
});
