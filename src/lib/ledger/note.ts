/**
 * C2SP signed notes (https://c2sp.org/signed-note) with Ed25519 signatures, and C2SP
 * tlog-checkpoint bodies (https://c2sp.org/tlog-checkpoint). Shared by the server that
 * signs, the browser that checks, and the CLI verifier.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeBase64, encodeBase64, encodeHexLowerCase } from '@oslojs/encoding';
import { HASH_BYTES, type Verdict } from './merkle';

/** Signature type bytes of the signed-note key ID. */
export const ED25519_TYPE = 0x01;

const enc = new TextEncoder();
const SIG_PREFIX = '\u2014 ';

/** Key names are non-empty, without spaces or plus signs. */
export function validKeyName(name: string): boolean {
	return name.length > 0 && !/[\s+]/u.test(name);
}

/** The 4-byte key ID: SHA-256(name || "\n" || type || public key), first four bytes. */
export function keyId(name: string, type: number, publicKey: Uint8Array): Uint8Array {
	const n = enc.encode(name);
	const buf = new Uint8Array(n.length + 2 + publicKey.length);
	buf.set(n);
	buf[n.length] = 0x0a;
	buf[n.length + 1] = type;
	buf.set(publicKey, n.length + 2);
	return sha256(buf).subarray(0, 4);
}

export interface Verifier {
	name: string;
	keyId: Uint8Array;
	publicKey: Uint8Array;
}

export interface Signer extends Verifier {
	/** The Ed25519 seed (32 bytes). */
	secretKey: Uint8Array;
}

export function signerFromSecret(name: string, secretKey: Uint8Array, type = ED25519_TYPE): Signer {
	if (!validKeyName(name)) throw new Error(`key name "${name}" must be non-empty, without spaces or "+"`);
	if (secretKey.length !== 32) throw new Error('an Ed25519 secret key is 32 bytes');
	const publicKey = ed25519.getPublicKey(secretKey);
	return { name, secretKey, publicKey, keyId: keyId(name, type, publicKey) };
}

export function newSigner(name: string, type = ED25519_TYPE): Signer {
	return signerFromSecret(name, ed25519.utils.randomSecretKey(), type);
}

/** `<name>+<hex key ID>+<base64(type || public key)>` */
export function formatVerifierKey(v: Verifier, type = ED25519_TYPE): string {
	return `${v.name}+${encodeHexLowerCase(v.keyId)}+${encodeBase64(new Uint8Array([type, ...v.publicKey]))}`;
}

/** The Go note package's private-key form, which the key files use. */
export function formatSignerKey(s: Signer, type = ED25519_TYPE): string {
	return `PRIVATE+KEY+${s.name}+${encodeHexLowerCase(s.keyId)}+${encodeBase64(new Uint8Array([type, ...s.secretKey]))}`;
}

function splitKey(text: string, parts: number, what: string): string[] {
	// The last field is base64, which may itself contain "+".
	const all = text.trim().split('+');
	if (all.length < parts) throw new Error(`${what} must have ${parts} "+"-separated fields`);
	return [...all.slice(0, parts - 1), all.slice(parts - 1).join('+')];
}

export function decodeKeyMaterial(b64: string, what: string, type = ED25519_TYPE): Uint8Array {
	let raw: Uint8Array;
	try {
		raw = decodeBase64(b64);
	} catch {
		throw new Error(`${what}: the key is not valid base64`);
	}
	const hex = `0x${type.toString(16).padStart(2, '0')}`;
	if (raw.length !== 33 || raw[0] !== type) throw new Error(`${what}: not an Ed25519 key of type ${hex} (${hex} and 32 bytes)`);
	return raw.subarray(1);
}

/** A verifier key; `type` is the signature type byte (0x01 signatures, 0x04 cosignatures). */
export function parseVerifierKey(text: string, type = ED25519_TYPE): Verifier {
	const [name, hexId, b64] = splitKey(text, 3, 'a verifier key');
	if (!validKeyName(name!)) throw new Error('a verifier key needs a name without spaces');
	const publicKey = decodeKeyMaterial(b64!, 'verifier key', type);
	const id = keyId(name!, type, publicKey);
	if (encodeHexLowerCase(id) !== hexId!.toLowerCase()) throw new Error('verifier key: the key ID does not match the name and key');
	return { name: name!, keyId: id, publicKey };
}

export function parseSignerKey(text: string, type = ED25519_TYPE): Signer {
	const [p, k, name, hexId, b64] = splitKey(text, 5, 'a signing key');
	if (p !== 'PRIVATE' || k !== 'KEY') throw new Error('a signing key starts with PRIVATE+KEY+');
	const signer = signerFromSecret(name!, decodeKeyMaterial(b64!, 'signing key', type), type);
	if (encodeHexLowerCase(signer.keyId) !== hexId!.toLowerCase()) throw new Error('signing key: the key ID does not match the name and key');
	return signer;
}

export interface NoteSignature {
	name: string;
	keyId: Uint8Array;
	/** The signature bytes after the key ID. */
	signature: Uint8Array;
}

export interface Note {
	/** The signed text, ending in a newline. */
	text: string;
	signatures: NoteSignature[];
}

function checkText(text: string): void {
	if (!text.endsWith('\n')) throw new Error('note text must end with a newline');
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(text)) throw new Error('note text must not contain control characters');
}

/** Sign `text` (which must end in a newline) and return the whole note. */
export function signNote(text: string, signer: Signer): string {
	checkText(text);
	const sig = ed25519.sign(enc.encode(text), signer.secretKey);
	return `${text}\n${SIG_PREFIX}${signer.name} ${encodeBase64(new Uint8Array([...signer.keyId, ...sig]))}\n`;
}


export function parseNote(note: string): Note {
	const split = note.lastIndexOf('\n\n');
	if (split < 0) throw new Error('a signed note needs a blank line before its signatures');
	const text = note.slice(0, split + 1);
	checkText(text);
	const block = note.slice(split + 2);
	if (!block.endsWith('\n')) throw new Error('the signature lines must end with a newline');
	const signatures = block
		.slice(0, -1)
		.split('\n')
		.map((line, i) => {
			if (!line.startsWith(SIG_PREFIX)) throw new Error(`signature line ${i + 1} must start with "\u2014 "`);
			const [name, b64, extra] = line.slice(SIG_PREFIX.length).split(' ');
			if (!name || !validKeyName(name) || !b64 || extra !== undefined) throw new Error(`signature line ${i + 1} must be "\u2014 <name> <base64>"`);
			let raw: Uint8Array;
			try {
				raw = decodeBase64(b64);
			} catch {
				throw new Error(`signature line ${i + 1} is not valid base64`);
			}
			if (raw.length < 5) throw new Error(`signature line ${i + 1} is too short`);
			return { name, keyId: raw.subarray(0, 4), signature: raw.subarray(4) };
		});
	if (signatures.length === 0) throw new Error('a signed note needs at least one signature');
	return { text, signatures };
}

const sameId = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether the note carries a valid Ed25519 signature by this verifier. */
export function verifyNote(note: Note, verifier: Verifier): Verdict {
	const sig = note.signatures.find((s) => s.name === verifier.name && sameId(s.keyId, verifier.keyId));
	if (!sig) return { ok: false, reason: `the note is not signed by ${verifier.name}` };
	if (sig.signature.length !== 64) return { ok: false, reason: 'an Ed25519 signature is 64 bytes' };
	let valid = false;
	try {
		valid = ed25519.verify(sig.signature, enc.encode(note.text), verifier.publicKey);
	} catch {
		valid = false;
	}
	return valid ? { ok: true } : { ok: false, reason: `the signature of ${verifier.name} does not match the note` };
}

export interface Checkpoint {
	origin: string;
	size: number;
	root: Uint8Array;
	/** Extension lines after the root, if any. */
	extensions: string[];
}

export function formatCheckpoint(c: Omit<Checkpoint, 'extensions'> & { extensions?: string[] }): string {
	return [c.origin, String(c.size), encodeBase64(c.root), ...(c.extensions ?? [])].join('\n') + '\n';
}

/** Parse a checkpoint body (the text of its signed note). */
export function parseCheckpoint(text: string): Checkpoint {
	checkText(text);
	const lines = text.slice(0, -1).split('\n');
	if (lines.length < 3) throw new Error('a checkpoint has an origin line, a size line and a root line');
	const [origin, size, root, ...extensions] = lines as [string, string, string, ...string[]];
	if (origin.length === 0) throw new Error('the checkpoint origin is empty');
	if (!/^(0|[1-9]\d*)$/.test(size) || !Number.isSafeInteger(Number(size))) throw new Error('the checkpoint size must be a decimal number');
	let rootBytes: Uint8Array;
	try {
		rootBytes = decodeBase64(root);
	} catch {
		throw new Error('the checkpoint root is not valid base64');
	}
	if (rootBytes.length !== HASH_BYTES) throw new Error(`the checkpoint root must be ${HASH_BYTES} bytes`);
	if (extensions.some((l) => l.length === 0)) throw new Error('checkpoint extension lines must not be empty');
	return { origin, size: Number(size), root: rootBytes, extensions };
}
