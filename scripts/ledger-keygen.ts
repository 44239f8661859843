// npm run ledger:keygen -- [--origin <name>] [--out <file>]
// Makes the ledger's keys (checkpoint signing key and leaf salt key) in a new file, by
// default PEEGEL_LEDGER_KEY_FILE or <data dir>/ledger.key, and prints the verifier key
// that citizens' browsers and witnesses check checkpoints with. Never replaces a file.
import path from 'node:path';
import { z } from 'zod';
import { readFlags } from './cli-flags';
import { config } from '../src/lib/server/config';
import { keyFilePath, newLedgerKeys, writeKeyFile } from '../src/lib/server/ledger/keys';
import { formatVerifierKey, validKeyName } from '../src/lib/ledger/note';

function fail(message: string): never {
	console.error(`ledger:keygen: ${message}`);
	console.error('Usage: npm run ledger:keygen -- [--origin <log name, e.g. peegel.example.ee/usage-log>] [--out <file>]');
	process.exit(2);
}

const flags = readFlags(
	{ origin: { type: 'string' }, out: { type: 'string' } },
	z.object({
		origin: z.string().refine(validKeyName, '--origin must be a name without spaces or "+"').optional(),
		out: z.string().min(1).optional()
	}),
	fail
);

let file: string;
let origin: string;
try {
	file = flags.out ? path.resolve(flags.out) : keyFilePath();
	origin = flags.origin ?? config().PEEGEL_LEDGER_ORIGIN;
} catch (err) {
	fail((err as Error).message);
}
const keys = newLedgerKeys(origin);
try {
	writeKeyFile(file, keys);
} catch (err) {
	console.error(`ledger:keygen: ${(err as Error).message}`);
	process.exit(1);
}
console.error(`Wrote the ledger keys to ${file} (keep it secret and back it up with the database).`);
console.error('Verifier key (publish it; browsers and witnesses check checkpoints with it):');
console.log(formatVerifierKey(keys.signer));
