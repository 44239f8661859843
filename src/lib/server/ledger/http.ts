/**
 * The ledger over HTTP: the latest checkpoint and the verifier key (public), consistency
 * proofs (public), and inclusion proofs and leaves (only for events the caller may see:
 * a citizen those of the person whose records they are viewing (their own, or a represented
 * minor child's), sealed ones only once disclosed; an auditor or admin any).
 */
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { encodeBase64 } from '@oslojs/encoding';
import type { SessionUser } from '../auth/session';
import { jsonError } from '../http/json';
import { lastCheckpointSigningMs, latestCheckpoint, verifierKey } from './checkpoints';
import { CosignatureError, acceptCosignedNote, servedNote } from './cosignatures';
import { ledgerKeys } from './keys';
import { LeafBodyWriter } from './leaf-body';
import { theLedger } from './ledger';
import { eventAt, leafWithPrefix, previousPosition, subjectEventAt, type StoredEvent } from './stored-events';

const position = (name: string) =>
	z
		.string({ message: `${name} is required` })
		.regex(/^\d{1,15}$/, `${name} must be a whole number, 0 or more`)
		.transform(Number);

function params<T extends Record<string, z.ZodType<number>>>(url: URL, shape: T): { [K in keyof T]: number } | Response {
	const out: Record<string, number> = {};
	for (const [name, schema] of Object.entries(shape)) {
		const r = schema.safeParse(url.searchParams.get(name) ?? undefined);
		if (!r.success) return jsonError(400, r.error.issues[0]!.message, { parameter: name });
		out[name] = r.data;
	}
	return out as { [K in keyof T]: number };
}

const text = (body: string) =>
	new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' } });

const b64 = (hashes: readonly Uint8Array[]) => hashes.map(encodeBase64);

/** The latest checkpoint with the known witnesses' cosignatures. */
export async function getCheckpoint(): Promise<Response> {
	const res = text(await servedNote(await latestCheckpoint()));
	const ms = lastCheckpointSigningMs();
	// The benchmark reads how long signing took (tree root, signature, insert).
	if (ms !== null) res.headers.set('server-timing', `sign;desc="last checkpoint signing";dur=${ms.toFixed(2)}`);
	return res;
}

const MAX_COSIGNED_NOTE = 64 * 1024;

/** POST /ledger/cosignature: a witness hands back a checkpoint it cosigned (text/plain note). */
export async function postCosignature(request: Request): Promise<Response> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (type !== 'text/plain') return jsonError(415, `send the cosigned checkpoint as text/plain, got ${type || 'none'}`);
	const body = await request.text();
	if (body.length > MAX_COSIGNED_NOTE) return jsonError(413, `a cosigned checkpoint is at most ${MAX_COSIGNED_NOTE} bytes`, { limit_bytes: MAX_COSIGNED_NOTE });
	try {
		const witnesses = await acceptCosignedNote(body);
		return json({ accepted: witnesses }, { status: 201 });
	} catch (err) {
		if (err instanceof CosignatureError) return jsonError(err.status, err.message);
		throw err;
	}
}

export function getVerifierKey(): Response {
	return text(`${verifierKey()}\n`);
}

async function beyondLog(size: number): Promise<Response | null> {
	const ledger = await theLedger();
	return size > ledger.durableSize
		? jsonError(400, `size ${size} is beyond the log, which has ${ledger.durableSize} entries`, { parameter: 'size' })
		: null;
}

export async function getConsistencyProof(url: URL): Promise<Response> {
	const p = params(url, { from: position('from'), to: position('to') });
	if (p instanceof Response) return p;
	if (p.from < 1) return jsonError(400, 'from must be at least 1: a proof from the empty log proves nothing', { parameter: 'from' });
	if (p.from > p.to) return jsonError(400, 'from must not be larger than to', { parameter: 'from' });
	const beyond = await beyondLog(p.to);
	if (beyond) return beyond;
	const hashes = await (await theLedger()).consistencyProof(p.from, p.to);
	return json({ from: p.from, to: p.to, hashes: b64(hashes) });
}

const SEES_EVERYTHING = new Set(['auditor', 'admin']);

/** Who asks (the signed-in person) and whose records they are viewing (request locals). */
export interface Viewer {
	user: SessionUser | null;
	subject: { code: string } | null;
}

/** The event at a position if this viewer may see it; otherwise the response that says why not. */
async function visibleEvent({ user, subject }: Viewer, index: number): Promise<StoredEvent | Response> {
	if (!user || !subject) return jsonError(401, 'sign in to get proofs of events');
	if (user.roles.some((r) => SEES_EVERYTHING.has(r))) {
		return (await eventAt(index)) ?? jsonError(404, `no event at position ${index}`);
	}
	const own = await subjectEventAt(subject.code, index);
	const disclosed = own && (own.visibility !== 'sealed' || (own.disclose_after_ms !== null && own.disclose_after_ms <= Date.now()));
	return disclosed ? own : jsonError(403, `the event at position ${index} is not one of the records you are viewing`);
}

export async function getInclusionProof(url: URL, viewer: Viewer): Promise<Response> {
	const p = params(url, { index: position('index'), size: position('size') });
	if (p instanceof Response) return p;
	if (p.index >= p.size) return jsonError(400, 'index must be below size', { parameter: 'index' });
	const beyond = await beyondLog(p.size);
	if (beyond) return beyond;
	if (!viewer.user) return jsonError(401, 'sign in to get proofs of events');
	// The proof is computed while access is checked; it is only sent if the check passes.
	const ledger = await theLedger();
	const [event, { leafHash, proof }] = await Promise.all([visibleEvent(viewer, p.index), ledger.leafAndInclusionProof(p.index, p.size)]);
	if (event instanceof Response) return event;
	return json({ index: p.index, size: p.size, leaf_hash: encodeBase64(leafHash), hashes: b64(proof) });
}

let leafWriter: LeafBodyWriter | null = null;

/** The leaf bytes of a stored event, recomputed from its row. */
export async function storedLeaf(e: StoredEvent): Promise<Uint8Array> {
	leafWriter ??= new LeafBodyWriter(ledgerKeys().saltKey);
	const prev = e.visibility === 'sealed' ? null : await previousPosition(e.subject_code, e.ledger_index);
	return leafWithPrefix(leafWriter, e, prev).subarray(1);
}

export async function getLeaf(url: URL, viewer: Viewer): Promise<Response> {
	const p = params(url, { index: position('index') });
	if (p instanceof Response) return p;
	const beyond = await beyondLog(p.index + 1);
	if (beyond) return jsonError(400, `index ${p.index} is beyond the log`, { parameter: 'index' });
	const event = await visibleEvent(viewer, p.index);
	if (event instanceof Response) return event;
	const leaf = await storedLeaf(event);
	return new Response(leaf as Uint8Array<ArrayBuffer>, {
		headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, no-store' }
	});
}
