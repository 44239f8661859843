/**
 * C2SP tlog-cosignature/v1 with Ed25519 (https://c2sp.org/tlog-cosignature): a witness's
 * statement that a checkpoint is consistent with every one it saw before. A cosignature
 * is a signed-note signature line whose bytes are key ID || u64 timestamp || signature
 * over "cosignature/v1\ntime <t>\n" followed by the checkpoint body.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { encodeBase64 } from '@oslojs/encoding';
import type { Verdict } from './merkle';
import { newSigner, parseSignerKey, parseVerifierKey, formatSignerKey, formatVerifierKey, type Note, type Signer, type Verifier } from './note';

export const COSIGNATURE_TYPE = 0x04;

const enc = new TextEncoder();

export function cosignedMessage(body: string, timestamp: number): Uint8Array {
	return enc.encode(`cosignature/v1\ntime ${timestamp}\n${body}`);
}

export const newCosigner = (name: string): Signer => newSigner(name, COSIGNATURE_TYPE);
export const parseCosignerKey = (text: string): Signer => parseSignerKey(text, COSIGNATURE_TYPE);
export const formatCosignerKey = (s: Signer): string => formatSignerKey(s, COSIGNATURE_TYPE);
export const parseWitnessKey = (text: string): Verifier => parseVerifierKey(text, COSIGNATURE_TYPE);
export const formatWitnessKey = (v: Verifier): string => formatVerifierKey(v, COSIGNATURE_TYPE);

/** The signature line a witness adds to the checkpoint note whose body is `body`. */
export function cosign(body: string, witness: Signer, timestamp: number): string {
	if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError('the timestamp is whole seconds since 1970');
	const sig = ed25519.sign(cosignedMessage(body, timestamp), witness.secretKey);
	const bytes = new Uint8Array(4 + 8 + 64);
	bytes.set(witness.keyId, 0);
	new DataView(bytes.buffer).setBigUint64(4, BigInt(timestamp));
	bytes.set(sig, 12);
	return `\u2014 ${witness.name} ${encodeBase64(bytes)}\n`;
}

export type CosignatureVerdict = ({ ok: true; timestamp: number } | { ok: false; reason: string }) & { witness: string };

/** Whether the note carries a valid cosignature by this witness. */
export function verifyCosignature(note: Note, witness: Verifier, now: number = Date.now() / 1000): CosignatureVerdict {
	const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
	const line = note.signatures.find((s) => s.name === witness.name && same(s.keyId, witness.keyId));
	const fail = (reason: string): CosignatureVerdict => ({ ok: false, reason, witness: witness.name });
	if (!line) return fail(`not cosigned by ${witness.name}`);
	if (line.signature.length !== 8 + 64) return fail('a cosignature is a timestamp and a 64-byte signature');
	const t = new DataView(line.signature.buffer, line.signature.byteOffset, 8).getBigUint64(0);
	if (t > BigInt(Number.MAX_SAFE_INTEGER)) return fail('the cosignature’s time is out of range');
	const timestamp = Number(t);
	if (timestamp > now + 600) return fail('the cosignature is dated in the future');
	let valid = false;
	try {
		valid = ed25519.verify(line.signature.subarray(8), cosignedMessage(note.text, timestamp), witness.publicKey);
	} catch {
		valid = false;
	}
	return valid ? { ok: true, timestamp, witness: witness.name } : fail(`the cosignature of ${witness.name} does not match the checkpoint`);
}

export type { Verdict };
