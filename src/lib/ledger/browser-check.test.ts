import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '@oslojs/encoding';
import { BUNDLE_FORMAT, type ProofBundle } from './bundle';
import { CHECKPOINT_ITEM, KEY_ITEM, checkPage, type Env } from './browser-check';
import { cosign, formatWitnessKey, newCosigner } from './cosignature';
import { detailsDigest, encodeLeaf, type LeafDetails } from './leaf';
import { hashChildren, hashLeaf } from './merkle';
import { formatCheckpoint, formatVerifierKey, newSigner, signNote } from './note';
import { consistencyPlan, inclusionPlan, splitPoint, type Range } from './proof-plan';

const SUBJECT = 'EE38001085718';
const OTHER = 'EE47101010033';
const logKey = newSigner('example.org/log');
const LOG_KEY = formatVerifierKey(logKey);

function mth(leaves: Uint8Array[]): Uint8Array {
	if (leaves.length === 1) return hashLeaf(leaves[0]!);
	const k = splitPoint(leaves.length);
	return hashChildren(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

interface LoggedEvent {
	id: string;
	subject: string;
	visibility: 'visible' | 'restricted';
	details: LeafDetails;
	salt: Uint8Array;
}

/** A log in memory: the person's events among someone else's, every leaf linked as the server does. */
function buildLog(n: number) {
	const events: LoggedEvent[] = [];
	const leaves: Uint8Array[] = [];
	const last = new Map<string, number>();
	for (let i = 0; i < n; i++) {
		const subject = i % 3 === 1 ? OTHER : SUBJECT;
		const e: LoggedEvent = {
			id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
			subject,
			visibility: i === 6 ? 'restricted' : 'visible',
			details: { agency_code: '70008440', intermediary_code: '', system: 'RR', action: `Lookup ${i}`, purpose_code: '', legal_basis: '', data_categories: ['identity'], bulk: false },
			salt: new Uint8Array(16).fill(i)
		};
		leaves.push(
			encodeLeaf({
				index: i,
				prev: last.get(subject) ?? null,
				salt: new Uint8Array(16),
				eventId: e.id,
				subjectCode: subject,
				loggedAt: Date.UTC(2026, 0, 1) + i * 1000,
				visibility: e.visibility,
				discloseAfter: null,
				detailsDigest: detailsDigest(e.salt, e.details),
				oversightDigest: new Uint8Array(32)
			})
		);
		last.set(subject, i);
		events.push(e);
	}
	const range = (r: Range) => mth(leaves.slice(r.start, r.end));
	const checkpoint = (size: number) => signNote(formatCheckpoint({ origin: logKey.name, size, root: mth(leaves.slice(0, size)) }), logKey);
	return { events, leaves, range, checkpoint };
}

type Log = ReturnType<typeof buildLog>;

/** The server's side: what /me/ledger.json and the consistency proofs answer, optionally lying. */
function fakeServer(log: Log, size: number, lie: { hide?: number; details?: number; note?: string } = {}): Env['fetch'] {
	const note = lie.note ?? log.checkpoint(size);
	return (async (input: string | URL | Request) => {
		const url = new URL(String(input), 'http://peegel.test');
		if (url.pathname === '/me/ledger.json') {
			const ids = url.searchParams.get('ids')!.split(',');
			const mine = log.events.map((e, i) => ({ e, i })).filter(({ e, i }) => e.subject === SUBJECT && i !== lie.hide);
			const bundles: ProofBundle[] = mine
				.filter(({ e }) => ids.includes(e.id))
				.map(({ e, i }) => ({
					format: BUNDLE_FORMAT,
					event: {
						event_id: e.id,
						logged_at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
						subject_code: e.subject,
						visibility: e.visibility,
						details: e.visibility === 'restricted' ? null : { ...e.details, agency_code: i === lie.details ? '70000000' : e.details.agency_code, data_categories: [...e.details.data_categories], salt: encodeBase64(e.salt) }
					},
					leaf: encodeBase64(log.leaves[i]!),
					index: i,
					size,
					proof: inclusionPlan(i, size).map((r) => encodeBase64(log.range(r))),
					checkpoint: note,
					key: LOG_KEY
				}));
			return Response.json({ key: LOG_KEY, checkpoint: note, size, witnessed: false, chain: mine.map(({ i }) => i), bundles, pending: [] });
		}
		if (url.pathname === '/ledger/proof/consistency') {
			const from = Number(url.searchParams.get('from'));
			const to = Number(url.searchParams.get('to'));
			return Response.json({ hashes: consistencyPlan(from, to).map((r) => encodeBase64(log.range(r))) });
		}
		return new Response('not found', { status: 404 });
	}) as Env['fetch'];
}

function env(fetch: Env['fetch'], store = new Map<string, string>()): Env & { store: Map<string, string> } {
	return { fetch, storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) }, now: () => new Date('2026-11-28T10:00:00Z'), store };
}

const log = buildLog(12);
const shownIds = (except: number[] = []) => log.events.filter((e, i) => e.subject === SUBJECT && !except.includes(i)).map((e) => e.id);

describe('checkPage', () => {
	it('verifies every row, pins the key and remembers the checkpoint', async () => {
		const e = env(fakeServer(log, 12));
		const r = await checkPage(shownIds(), LOG_KEY, e);
		expect(Object.values(r.events).map((v) => v.state)).toEqual(shownIds().map((id) => (id.endsWith('06') ? 'withheld' : 'verified')));
		expect(r.log.every((l) => l.ok)).toBe(true);
		expect(r.log.at(-1)!.text).toMatch(/All 8 events shown here are in the signed log, with none of yours missing between them/);
		expect(e.store.get(KEY_ITEM)).toBe(LOG_KEY);
		expect(JSON.parse(e.store.get(CHECKPOINT_ITEM)!).size).toBe(12);
	});

	it('checks the next visit’s checkpoint against the one it remembered', async () => {
		const e = env(fakeServer(log, 7));
		await checkPage(shownIds().slice(0, 3), LOG_KEY, e);
		e.fetch = fakeServer(log, 12);
		const r = await checkPage(shownIds(), LOG_KEY, e);
		expect(r.log.map((l) => l.text).join('\n')).toMatch(/\(7 entries\) is still in it, unchanged/);
		// A rewritten log: same size as remembered, other root.
		const forked = buildLog(12);
		forked.leaves[0] = new Uint8Array([...forked.leaves[0]!]).fill(9, 40, 41);
		e.fetch = fakeServer(forked, 12);
		const bad = await checkPage(shownIds(), LOG_KEY, e);
		expect(bad.log.some((l) => !l.ok && /different contents: it was changed/.test(l.text))).toBe(true);
	});

	it('finds an event left out of the person’s history by the chain', async () => {
		// Event 3 is the person's; the server leaves it out of the page and of the chain.
		const r = await checkPage(shownIds([3]), LOG_KEY, env(fakeServer(log, 12, { hide: 3 })));
		const next = log.events[5]!.id; // the person's next event links to 3
		expect(r.events[next]).toMatchObject({ state: 'failed', message: /log position 3\) is missing/ });
		expect(r.log.some((l) => !l.ok && /a gap/.test(l.text))).toBe(true);
	});

	it('says which row shows details other than the ones committed', async () => {
		const r = await checkPage(shownIds(), LOG_KEY, env(fakeServer(log, 12, { details: 5 })));
		expect(r.events[log.events[5]!.id]).toMatchObject({ state: 'failed', message: /not the ones committed/ });
		expect(r.events[log.events[0]!.id]!.state).toBe('verified');
	});

	it('refuses everything when the log’s key is not the one seen before', async () => {
		const e = env(fakeServer(log, 12));
		e.store.set(KEY_ITEM, formatVerifierKey(newSigner('example.org/log')));
		const r = await checkPage(shownIds(), LOG_KEY, e);
		expect(Object.values(r.events).every((v) => v.state === 'failed')).toBe(true);
		expect(r.log[0]).toMatchObject({ ok: false, text: /signing key is not the one/ });
	});

	it('requires a witness’s cosignature when asked to', async () => {
		const witness = newCosigner('witness.example.org');
		const keys = [formatWitnessKey(witness)];
		const plain = await checkPage(shownIds(), LOG_KEY, env(fakeServer(log, 12)), { keys, require: true });
		expect(plain.log.some((l) => !l.ok && /no witness has cosigned this one yet/.test(l.text))).toBe(true);
		const signed = log.checkpoint(12);
		const body = signed.slice(0, signed.indexOf('\n\n') + 1);
		const cosigned = signed + cosign(body, witness, Math.floor(Date.UTC(2026, 10, 28, 9) / 1000));
		const r = await checkPage(shownIds(), LOG_KEY, env(fakeServer(log, 12, { note: cosigned })), { keys, require: true });
		expect(r.log.every((l) => l.ok)).toBe(true);
		expect(r.log.some((l) => /Witness witness\.example\.org confirmed/.test(l.text))).toBe(true);
	});
});
