// npm run agency:key -- --agency <code> [--name <name>] [--portal]
// Prints a new API key once. Works with the server running (through its local admin
// endpoint, since it owns the embedded database) or stopped (directly).
import { readFlags } from './cli-flags';
import { config } from '../src/lib/server/config';
import { closeDb, isEmbedded } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';
import { issueKey, issueKeyInput, type IssuedKey } from '../src/lib/server/auth/issue-key';
import { readLiveServer } from '../src/lib/server/runtime/server-lock';

function fail(message: string): never {
	console.error(message);
	console.error('Usage: npm run agency:key -- --agency <8-digit registry code> [--name <agency name>] [--portal]');
	process.exit(2);
}

const input = readFlags(
	{ agency: { type: 'string' }, name: { type: 'string' }, portal: { type: 'boolean', default: false } },
	issueKeyInput,
	fail
);

const c = config();
const live = isEmbedded() ? readLiveServer(c.dataDir) : null;
let issued: IssuedKey;
if (live) {
	const res = await fetch(`http://127.0.0.1:${live.port}/api/internal/agency-keys`, {
		method: 'POST',
		headers: { authorization: `Bearer ${live.adminToken}`, 'content-type': 'application/json' },
		body: JSON.stringify(input)
	});
	if (!res.ok) fail(`The running server (pid ${live.pid}) refused: ${res.status} ${await res.text()}`);
	issued = (await res.json()) as IssuedKey;
} else {
	await migrate();
	issued = await issueKey(input);
	await closeDb();
}
if (issued.agencyCreated) console.error(`Registered new agency ${issued.agencyCode}.`);
console.error(`New ${issued.kind === 'portal' ? 'national portal' : 'agency'} key for ${issued.agencyCode} (shown once, store it now):`);
console.log(issued.key);
