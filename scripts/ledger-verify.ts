// npm run ledger:verify
// Recomputes the ledger from usage_event and checks it against the stored tiles and every
// signed checkpoint. Names each missing, altered or reordered event by position; exits 1
// when anything is wrong, 0 when the log is intact. Needs the ledger keys (the salt key
// recomputes leaves). With the embedded database, run it while the server is stopped.
import { config } from '../src/lib/server/config';
import { closeDb, isEmbedded } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';
import { ledgerKeys } from '../src/lib/server/ledger/keys';
import { verifyLog } from '../src/lib/server/ledger/verify-log';
import { readLiveServer } from '../src/lib/server/runtime/server-lock';

async function run(): Promise<number> {
	const c = config();
	if (isEmbedded()) {
		const live = readLiveServer(c.dataDir);
		if (live) {
			console.error(`ledger:verify: a Peegel server (pid ${live.pid}) owns ${c.dataDir}; stop it first (embedded ClickHouse allows one process per directory).`);
			return 2;
		}
	}
	const keys = ledgerKeys();
	await migrate();
	const t0 = Date.now();
	let lastPrint = 0;
	const report = await verifyLog(keys.saltKey, keys.signer, (done, total) => {
		if (Date.now() - lastPrint > 2000 || done === total) {
			lastPrint = Date.now();
			console.error(`ledger:verify: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} positions`);
		}
	});
	for (const p of report.problems) console.log(`${p.kind.toUpperCase().padEnd(10)} ${p.message}`);
	const seconds = ((Date.now() - t0) / 1000).toFixed(1);
	const summary = `${report.positions.toLocaleString('en-US')} positions, ${report.events.toLocaleString('en-US')} events, ${report.checkpoints} checkpoints, in ${seconds} s`;
	if (report.problems.length === 0) {
		console.log(`ledger:verify: the log is intact: ${summary}`);
		return 0;
	}
	console.log(`ledger:verify: ${report.problems.length} problem(s) found: ${summary}`);
	return 1;
}

try {
	process.exitCode = await run();
} catch (err) {
	console.error(`ledger:verify: ${(err as Error).message}`);
	process.exitCode = 2;
} finally {
	await closeDb();
}
