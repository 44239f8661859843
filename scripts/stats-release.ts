// npm run stats:release [-- --dp-epsilon 1/2] [--through YYYY-MM]
// Makes a new statistics release from the rollups (suppression; with --dp-epsilon, noise
// first), of the complete months (--through: up to and including that month instead). Works with the server running (through its local admin endpoint, since it owns
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
	console.error('Usage: npm run stats:release [-- --dp-epsilon <ε, e.g. 1/2 or 0.5>] [--through YYYY-MM]');
	process.exit(2);
}

const flags = readFlags(
	{ 'dp-epsilon': { type: 'string' }, through: { type: 'string' } },
	z.object({ 'dp-epsilon': z.string().optional(), through: z.string().optional() }).transform((f) => ({ dpEpsilon: f['dp-epsilon'], through: f.through })),
	fail
);
const checked = releaseRequest.safeParse(flags);
if (!checked.success) {
	const issue = checked.error.issues[0]!;
	fail(`--${issue.path[0] === 'through' ? 'through' : 'dp-epsilon'}: ${issue.message}`);
}

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
	outcome = await releaseStatistics(checked.data);
	await closeDb();
}
console.log(
	`Release ${outcome.releaseId} (${outcome.method}): ${outcome.cells} cells, ${outcome.suppressed} suppressed, ${outcome.ms} ms` +
		(outcome.method === 'dp' ? `; epsilon ${outcome.epsilon} per figure, ${outcome.epsilonPerPerson} per person` : '')
);
