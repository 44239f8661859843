// npm run db:migrate: apply pending migrations (the server also does this when it starts).
import { config } from '../src/lib/server/config';
import { closeDb, isEmbedded } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';
import { readLiveServer } from '../src/lib/server/runtime/server-lock';

const c = config();
const live = isEmbedded() ? readLiveServer(c.dataDir) : null;
if (live) {
	console.error(`The server (pid ${live.pid}) owns ${c.dataDir}; it applies migrations when it starts. Stop it first.`);
	process.exit(1);
}
try {
	const { applied, alreadyApplied } = await migrate();
	console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply.');
	console.log(`${alreadyApplied + applied.length} migrations applied in total.`);
} catch (err) {
	console.error((err as Error).message);
	process.exitCode = 1;
} finally {
	await closeDb();
}
