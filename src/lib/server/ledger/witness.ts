/**
 * A witness (C2SP tlog-witness, simplified to pull): fetch the log's latest checkpoint,
 * check its signature with the log key the witness trusts, check that it is consistent
 * with the last checkpoint this witness cosigned, then cosign it and hand the cosignature
 * back. It refuses, loudly, a checkpoint that is not consistent: that is a log showing
 * different histories to different people, which is what witnesses exist to catch.
 * `npm run ledger:witness` runs one over HTTP; demo mode runs one inside the server.
 */
import { decodeBase64, encodeBase64 } from '@oslojs/encoding';
import { cosign } from '../../ledger/cosignature';
import { equalBytes, verifyConsistency } from '../../ledger/merkle';
import { parseCheckpoint, parseNote, verifyNote, type Signer, type Verifier } from '../../ledger/note';

export interface WitnessState {
	size: number;
	/** base64 root of the last cosigned checkpoint. */
	root: string;
}

export interface WitnessTransport {
	/** The log's latest checkpoint note. */
	checkpoint(): Promise<string>;
	consistency(from: number, to: number): Promise<Uint8Array[]>;
	/** Hand the cosigned note (checkpoint with the witness's line) to the log. */
	submit(note: string): Promise<void>;
}

export interface WitnessStore {
	load(): Promise<WitnessState | null>;
	save(s: WitnessState): Promise<void>;
}

export type WitnessResult = { outcome: 'cosigned'; size: number } | { outcome: 'unchanged'; size: number } | { outcome: 'refused'; reason: string };

export async function witnessOnce(opts: {
	logKey: Verifier;
	witness: Signer;
	transport: WitnessTransport;
	store: WitnessStore;
	now?: () => number;
}): Promise<WitnessResult> {
	const { logKey, witness, transport, store } = opts;
	const noteText = await transport.checkpoint();
	const note = parseNote(noteText);
	const signed = verifyNote(note, logKey);
	if (!signed.ok) return { outcome: 'refused', reason: `the checkpoint is not signed by the log: ${signed.reason}` };
	const checkpoint = parseCheckpoint(note.text);
	if (checkpoint.origin !== logKey.name) return { outcome: 'refused', reason: `the checkpoint is for ${checkpoint.origin}, not ${logKey.name}` };

	const last = await store.load();
	if (last) {
		const lastRoot = decodeBase64(last.root);
		if (checkpoint.size < last.size) return { outcome: 'refused', reason: `the log shrank from ${last.size} to ${checkpoint.size} entries` };
		if (checkpoint.size === last.size) {
			if (!equalBytes(lastRoot, checkpoint.root)) return { outcome: 'refused', reason: `two different roots for ${last.size} entries: the log forked` };
			// Cosigned already: nothing new to say.
			return { outcome: 'unchanged', size: checkpoint.size };
		}
		if (last.size > 0) {
			const proof = await transport.consistency(last.size, checkpoint.size);
			const v = verifyConsistency(last.size, checkpoint.size, proof, lastRoot, checkpoint.root);
			if (!v.ok) return { outcome: 'refused', reason: `the checkpoint of ${checkpoint.size} entries is not consistent with the one of ${last.size} this witness cosigned: ${v.reason}` };
		}
	}
	const now = Math.floor((opts.now ?? Date.now)() / 1000);
	await transport.submit(noteText + cosign(note.text, witness, now));
	await store.save({ size: checkpoint.size, root: encodeBase64(checkpoint.root) });
	return { outcome: 'cosigned', size: checkpoint.size };
}

/** The witness's way to a log over HTTP. */
export function httpTransport(baseUrl: string): WitnessTransport {
	const base = baseUrl.replace(/\/+$/, '');
	return {
		async checkpoint() {
			const res = await fetch(`${base}/ledger/checkpoint`);
			if (!res.ok) throw new Error(`GET /ledger/checkpoint answered ${res.status}`);
			return res.text();
		},
		async consistency(from, to) {
			const res = await fetch(`${base}/ledger/proof/consistency?from=${from}&to=${to}`);
			if (!res.ok) throw new Error(`GET /ledger/proof/consistency answered ${res.status}: ${await res.text()}`);
			const body = (await res.json()) as { hashes?: unknown };
			if (!Array.isArray(body.hashes) || !body.hashes.every((h) => typeof h === 'string')) throw new Error('the consistency proof is malformed');
			return body.hashes.map((h: string) => decodeBase64(h));
		},
		async submit(note) {
			const res = await fetch(`${base}/ledger/cosignature`, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: note });
			if (!res.ok) throw new Error(`POST /ledger/cosignature answered ${res.status}: ${await res.text()}`);
		}
	};
}
