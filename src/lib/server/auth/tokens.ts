/** Random secrets and their digests, as lucia's session guide does it (oslo primitives). */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** 160 random bits, base32: unguessable, URL- and cookie-safe. */
export function randomToken(bytes = 20): string {
	const raw = new Uint8Array(bytes);
	crypto.getRandomValues(raw);
	return encodeBase32LowerCaseNoPadding(raw);
}

/** What we store instead of a secret: its SHA-256, hex. A leaked table grants nothing. */
export function digest(secret: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** Compare two equal-length hex digests without leaking where they differ. */
export function digestsEqual(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
	return diff === 0;
}
