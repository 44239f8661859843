/**
 * The statistics' person pseudonym: a keyed hash, so raw statistics tables can count
 * distinct people without holding a personal code, and nobody with only the database can
 * turn a key back into a code (there are only ~10^7 plausible codes: an unkeyed hash would
 * be reversed by trying them all).
 *
 * personKey(code) = the first 8 bytes (big-endian) of HMAC-SHA256(pepper, code), as UInt64.
 * pseudonymKey(agency, pseudonym) is the same over "agency NUL pseudonym", for feeds that
 * send a sender-side pseudonym instead of a code: the NUL keeps the two input spaces apart.
 *
 * The pepper comes from PEEGEL_STATS_PEPPER or the file <data dir>/stats.pepper (32 random
 * bytes, made on first use, mode 0600); never from ClickHouse. Replacing it makes every
 * stored key count as a new person, so it is backed up with the database.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from '../config';

const PEPPER_BYTES = 32;

let cached: Buffer | null = null;

export function pepperFilePath(): string {
	return path.join(config().dataDir, 'stats.pepper');
}

function readOrCreatePepperFile(file: string): Buffer {
	try {
		return readFileSync(file);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
	}
	mkdirSync(path.dirname(file), { recursive: true });
	try {
		// 'wx': if another process made it meanwhile, theirs wins and is read below.
		writeFileSync(file, randomBytes(PEPPER_BYTES), { mode: 0o600, flag: 'wx' });
		chmodSync(file, 0o600);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
	}
	return readFileSync(file);
}

/** The secret every key is made with (read once per process). */
export function statsPepper(): Buffer {
	if (cached) return cached;
	const fromEnv = config().PEEGEL_STATS_PEPPER;
	const pepper = fromEnv !== undefined ? Buffer.from(fromEnv, 'utf8') : readOrCreatePepperFile(pepperFilePath());
	if (pepper.byteLength < PEPPER_BYTES) throw new Error(`the statistics pepper (${fromEnv !== undefined ? 'PEEGEL_STATS_PEPPER' : pepperFilePath()}) must be at least ${PEPPER_BYTES} bytes`);
	cached = pepper;
	return pepper;
}

function keyOf(input: string): bigint {
	return createHmac('sha256', statsPepper()).update(input, 'utf8').digest().readBigUInt64BE(0);
}

/**
 * The key of a person by their Estonian personal code, with or without the EE prefix
 * (EE38001085718 and 38001085718 are the same person and get the same key).
 */
export function personKey(personalCode: string): bigint {
	return keyOf(personalCode.startsWith('EE') ? personalCode.slice(2) : personalCode);
}

/** The key of a person a sender knows only by its own pseudonym for them. */
export function pseudonymKey(agencyCode: string, pseudonym: string): bigint {
	return keyOf(`${agencyCode}\u0000${pseudonym}`);
}
