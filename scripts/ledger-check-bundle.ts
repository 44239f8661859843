// npm run ledger:check-bundle -- <bundle.json> [--key <verifier key>]
// Checks a proof bundle downloaded from the timeline, offline: the checkpoint's signature,
// that the leaf is the event (and its details the ones committed), and the inclusion proof.
// Give the log's published verifier key with --key; without it the key inside the bundle
// is used, which only shows the bundle is consistent with itself.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkBundle } from '../src/lib/ledger/bundle';

function fail(message: string, code = 2): never {
	console.error(`ledger:check-bundle: ${message}`);
	if (code === 2) console.error('Usage: npm run ledger:check-bundle -- <bundle.json> [--key <name+keyid+key>]');
	process.exit(code);
}

let file: string;
let key: string | undefined;
try {
	const { values, positionals } = parseArgs({ options: { key: { type: 'string' } }, allowPositionals: true, strict: true });
	if (positionals.length !== 1) fail('give exactly one bundle file');
	file = positionals[0]!;
	key = values.key;
} catch (err) {
	fail((err as Error).message);
}

let bundle: unknown;
try {
	bundle = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
	fail(`cannot read ${file}: ${(err as Error).message}`, 1);
}
const bundleKey = (bundle as { key?: unknown })?.key;
if (!key) {
	if (typeof bundleKey !== 'string') fail('the bundle has no key; give one with --key', 1);
	key = bundleKey;
	console.error('ledger:check-bundle: no --key given: checking against the key inside the bundle. Compare it with the log’s published key:');
	console.error(`  ${key}`);
}
const result = checkBundle(bundle, key);
if (!result.ok) fail(`NOT VERIFIED: ${result.problem}`, 1);
const leaf = result.leaf!;
console.log(
	`VERIFIED: event ${leaf.eventId} about ${leaf.subjectCode} at ${new Date(leaf.loggedAt).toISOString()} is entry ${leaf.index} of the log ` +
		`in the checkpoint of ${result.checkpoint!.size} entries signed by ${key.split('+')[0]}` +
		(leaf.prev === null ? '; it is the first of the person’s chain.' : `; the person’s previous event is entry ${leaf.prev}.`)
);
