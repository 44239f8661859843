/**
 * The ledger's secrets: the Ed25519 key that signs checkpoints and the salt key that
 * leaves' salts are derived from (leaf-body.ts). Never stored in ClickHouse: they come from
 * PEEGEL_LEDGER_KEY (the file's text) or the file PEEGEL_LEDGER_KEY_FILE (default
 * <data dir>/ledger.key). `npm run ledger:keygen` writes one; demo mode makes one on first
 * start. Losing the salt key makes stored events' leaves impossible to recompute, so the
 * file is backed up with the database, and never replaced.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeBase64, encodeBase64 } from '@oslojs/encoding';
import { formatSignerKey, newSigner, parseSignerKey, type Signer } from '../../ledger/note';
import { config } from '../config';

export interface LedgerKeys {
	signer: Signer;
	saltKey: Uint8Array;
}

/** The origin line of checkpoints (and the key's name) unless told otherwise. */
export const DEFAULT_ORIGIN = 'peegel.localhost/usage-log';

export function newLedgerKeys(origin: string = DEFAULT_ORIGIN): LedgerKeys {
	return { signer: newSigner(origin), saltKey: new Uint8Array(randomBytes(32)) };
}

export function formatKeyFile(keys: LedgerKeys): string {
	return [
		'# Peegel ledger keys: keep secret, back up with the database, never replace.',
		'# Line 1 signs checkpoints (signed-note private key); line 2 derives leaf salts.',
		formatSignerKey(keys.signer),
		`SALT+${encodeBase64(keys.saltKey)}`,
		''
	].join('\n');
}

export function parseKeyFile(text: string, source: string): LedgerKeys {
	const lines = text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '' && !l.startsWith('#'));
	const signing = lines.find((l) => l.startsWith('PRIVATE+KEY+'));
	const salt = lines.find((l) => l.startsWith('SALT+'));
	if (!signing) throw new Error(`${source}: no signing key (a PRIVATE+KEY+... line)`);
	if (!salt) throw new Error(`${source}: no salt key (a SALT+... line)`);
	let signer: Signer;
	try {
		signer = parseSignerKey(signing);
	} catch (err) {
		throw new Error(`${source}: ${(err as Error).message}`);
	}
	let saltKey: Uint8Array;
	try {
		saltKey = decodeBase64(salt.slice('SALT+'.length));
	} catch {
		throw new Error(`${source}: the salt key is not valid base64`);
	}
	if (saltKey.length !== 32) throw new Error(`${source}: the salt key must be 32 bytes`);
	return { signer, saltKey };
}

export function keyFilePath(): string {
	const c = config();
	return c.PEEGEL_LEDGER_KEY_FILE ? path.resolve(c.PEEGEL_LEDGER_KEY_FILE) : path.join(c.dataDir, 'ledger.key');
}

/** Write a new key file; refuses to replace an existing one. */
export function writeKeyFile(file: string, keys: LedgerKeys): void {
	if (existsSync(file)) throw new Error(`${file} exists already; a ledger's keys are never replaced`);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, formatKeyFile(keys), { mode: 0o600, flag: 'wx' });
	chmodSync(file, 0o600);
}

let cached: LedgerKeys | null = null;

/** The configured keys; with `create`, a missing key file is made (demo mode, seeding). */
export function ledgerKeys(opts: { create?: boolean } = {}): LedgerKeys {
	if (cached) return cached;
	const c = config();
	if (c.PEEGEL_LEDGER_KEY) {
		cached = parseKeyFile(c.PEEGEL_LEDGER_KEY, 'PEEGEL_LEDGER_KEY');
		return cached;
	}
	const file = keyFilePath();
	if (!existsSync(file)) {
		if (!opts.create) {
			throw new Error(`no ledger key: ${file} does not exist. Make one with npm run ledger:keygen, or set PEEGEL_LEDGER_KEY_FILE or PEEGEL_LEDGER_KEY`);
		}
		writeKeyFile(file, newLedgerKeys(c.PEEGEL_LEDGER_ORIGIN));
		console.log(`peegel: made new ledger keys in ${file}`);
	}
	cached = parseKeyFile(readFileSync(file, 'utf8'), file);
	if (cached.signer.name !== c.PEEGEL_LEDGER_ORIGIN && c.PEEGEL_LEDGER_ORIGIN !== DEFAULT_ORIGIN) {
		throw new Error(`${file} signs as ${cached.signer.name}, but PEEGEL_LEDGER_ORIGIN is ${c.PEEGEL_LEDGER_ORIGIN}`);
	}
	return cached;
}
