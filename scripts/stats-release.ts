// npm run stats:release [-- --dp-epsilon 1/2]
// Makes a new statistics release from the rollups (suppression; with --dp-epsilon, noise
// first). Works with the server running (through its local admin endpoint, since it owns
// the embedded database) or stopped (directly on the data directory).
import { z } from 'zod';
import { readFlags } from './cli-flags';
import { config } from '../src/lib/server/config';
import { closeDb, isEmbedded } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';
import { readLiveServer } from '../src/lib/server/runtime/server-lock';
import { releaseRequest } from '../src/lib/server/stats/release/request';
import type { ReleaseOutcome } from '../src/lib/server/stats/release/run';

function fail(message: string): never {
	console.error(message);
	console.error('Usage: npm run stats:release [-- --dp-epsilon <ε, e.g. 1/2 or 0.5>]');
	process.exit(2);
}

const flags = readFlags(
	{ 'dp-epsilon': { type: 'string' } },
	z.object({ 'dp-epsilon': z.string().optional() }).transform((f) => ({ dpEpsilon: f['dp-epsilon'] })),
	fail
);
const checked = releaseRequest.safeParse(flags);
if (!checked.success) fail(`--dp-epsilon: ${checked.error.issues[0]!.message}`);

const c = config();
const live = isEmbedded() ? readLiveServer(c.dataDir) : null;
let outcome: ReleaseOutcome;
if (live) {
	const res = await fetch(`http://127.0.0.1:${live.port}/api/internal/stats-release`, {
		method: 'POST',
		headers: { authorization: `Bearer ${live.adminToken}`, 'content-type': 'application/json' },
		body: JSON.stringify(flags)
	});
	if (!res.ok) fail(`The running server (pid ${live.pid}) refused: ${res.status} ${await res.text()}`);
	outcome = (await res.json()) as ReleaseOutcome;
} else {
	await migrate();
	const { releaseStatistics } = await import('../src/lib/server/stats/release/run');
	outcome = await releaseStatistics({ dpEpsilon: checked.data.dpEpsilon });
	await closeDb();
}
console.log(
	`Release ${outcome.releaseId} (${outcome.method}): ${outcome.cells} cells, ${outcome.suppressed} suppressed, ${outcome.ms} ms` +
		(outcome.method === 'dp' ? `; epsilon ${outcome.epsilon} per figure, ${outcome.epsilonPerPerson} per person` : '')
);
