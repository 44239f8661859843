// npm run ledger:witness -- keygen --name <witness name> --out <file>
// npm run ledger:witness -- cosign --url <Peegel URL> --key <file> --log-key <log verifier key> --state <file> [--every <seconds>]
//
// A witness for Peegel's log, run by an oversight body on its own machine: it cosigns the
// log's checkpoints (C2SP tlog-cosignature) after checking each one extends the last one
// it cosigned, and refuses, exiting 1, when one does not. The log must list the witness's
// verifier key (printed by keygen) in PEEGEL_WITNESS_KEYS to accept its cosignatures.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatCosignerKey, formatWitnessKey, newCosigner, parseCosignerKey } from '../src/lib/ledger/cosignature';
import { parseVerifierKey, validKeyName } from '../src/lib/ledger/note';
import { httpTransport, witnessOnce, type WitnessState } from '../src/lib/server/ledger/witness';

const USAGE = `Usage:
  npm run ledger:witness -- keygen --name <witness name, e.g. aki.ee/witness> --out <key file>
  npm run ledger:witness -- cosign --url <http://peegel...> --key <key file> --log-key <name+id+key> --state <state file> [--every <seconds>]`;

function fail(message: string, code = 2): never {
	console.error(`ledger:witness: ${message}`);
	if (code === 2) console.error(USAGE);
	process.exit(code);
}

let parsed: ReturnType<typeof parseArgs>;
try {
	parsed = parseArgs({
		options: {
			name: { type: 'string' },
			out: { type: 'string' },
			url: { type: 'string' },
			key: { type: 'string' },
			'log-key': { type: 'string' },
			state: { type: 'string' },
			every: { type: 'string' }
		},
		allowPositionals: true,
		strict: true
	});
} catch (err) {
	fail((err as Error).message);
}
const [command] = parsed.positionals;
const v = parsed.values as Record<string, string | undefined>;

if (command === 'keygen') {
	if (!v.name || !validKeyName(v.name)) fail('--name must be a name without spaces or "+"');
	if (!v.out) fail('--out is required');
	if (existsSync(v.out)) fail(`${v.out} exists already`, 1);
	const signer = newCosigner(v.name);
	writeFileSync(v.out, `${formatCosignerKey(signer)}\n`, { mode: 0o600, flag: 'wx' });
	console.error(`Wrote the witness key to ${v.out}. Give the log this verifier key (PEEGEL_WITNESS_KEYS):`);
	console.log(formatWitnessKey(signer));
} else if (command === 'cosign') {
	for (const f of ['url', 'key', 'log-key', 'state'] as const) if (!v[f]) fail(`--${f} is required`);
	const every = v.every === undefined ? null : Number(v.every);
	if (every !== null && !(Number.isFinite(every) && every >= 1)) fail('--every must be a number of seconds, 1 or more');
	let witness;
	let logKey;
	try {
		witness = parseCosignerKey(readFileSync(v.key!, 'utf8').trim());
		logKey = parseVerifierKey(v['log-key']!);
	} catch (err) {
		fail((err as Error).message, 1);
	}
	const stateFile = v.state!;
	const once = async () => {
		const result = await witnessOnce({
			logKey,
			witness,
			transport: httpTransport(v.url!),
			store: {
				load: async () => (existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as WitnessState) : null),
				save: async (s) => writeFileSync(stateFile, JSON.stringify(s))
			}
		});
		if (result.outcome === 'refused') fail(`REFUSED: ${result.reason}`, 1);
		console.log(`${new Date().toISOString()} cosigned the checkpoint of ${result.size} entries${result.outcome === 'unchanged' ? ' (unchanged)' : ''}`);
	};
	try {
		await once();
		while (every !== null) {
			await new Promise((r) => setTimeout(r, every * 1000));
			await once();
		}
	} catch (err) {
		fail((err as Error).message, 1);
	}
} else {
	fail(command ? `unknown command ${command}` : 'give a command: keygen or cosign');
}
