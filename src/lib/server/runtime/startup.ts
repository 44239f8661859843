/**
 * Everything the server does once before it takes requests: claim the data directory,
 * bring the schema up to date (refusing to start on a changed migration), seed demo data
 * into an empty database in demo mode, and load the writer's state.
 */
import { config } from '../config';
import { closeDb, isEmbedded } from '../db/client';
import { migrate } from '../db/migrate';
import { referenceIsEmpty } from '../seed/insert-reference';
import { seedDatabase } from '../seed/seed';
import { stopValidators } from '../usage/validator-pool';
import { armCrashAfterInsert, initWriter } from '../usage/writer';
import { ledgerKeys } from '../ledger/keys';
import { signCheckpoint, startCheckpointer, stopCheckpointer } from '../ledger/checkpoints';
import { startDemoWitness, stopDemoWitness } from '../ledger/demo-witness';
import { witnesses } from '../ledger/cosignatures';
import { flushLedger } from '../ledger/ledger';
import { initNotifier, startNotifier, stopNotifier } from '../notifications/notifier';
import { startDetectionScheduler, stopDetectionScheduler } from '../detection/run';
import { randomToken } from '../auth/tokens';
import { readLiveServer, removeServerFile, writeServerFile } from './server-lock';
import { startStatsReleases, stopStatsReleases } from '../stats/release/run';
import { flushVisits } from '../stats/visits';
import { closeLookupJournal, replayLookupJournal } from '../oversight/lookup-journal';

let started: Promise<void> | null = null;

async function start(): Promise<void> {
	const c = config();
	const t0 = Date.now();
	if (isEmbedded()) {
		const other = readLiveServer(c.dataDir);
		if (other && other.pid !== process.pid) {
			throw new Error(`Data directory ${c.dataDir} is in use by another Peegel server (pid ${other.pid}, port ${other.port})`);
		}
	}
	// Before anything is stored: no event may be committed without its leaf salts.
	ledgerKeys({ create: c.PEEGEL_DEMO });
	// A witness key that cannot be read stops the start, naming the variable.
	witnesses();
	const { applied } = await migrate();
	if (applied.length > 0) console.log(`peegel: applied migrations ${applied.join(', ')}`);

	if (c.PEEGEL_DEMO && (await referenceIsEmpty())) {
		console.log(`peegel: empty database, seeding demo data (${c.PEEGEL_DEMO_PEOPLE} people, ${c.PEEGEL_DEMO_EVENTS} events)...`);
		await seedDatabase({ people: c.PEEGEL_DEMO_PEOPLE, events: c.PEEGEL_DEMO_EVENTS, seed: c.PEEGEL_DEMO_SEED });
	}
	await initWriter();
	// Look-ups journaled but not committed when the server last stopped.
	await replayLookupJournal();
	if (c.PEEGEL_BENCH_NO_LEDGER) {
		console.warn('peegel: PEEGEL_BENCH_NO_LEDGER: events are stored WITHOUT the ledger (benchmark only)');
	} else {
		await signCheckpoint();
		startCheckpointer();
		if (c.PEEGEL_DEMO) startDemoWitness(c.dataDir);
		// Notifications follow the log's positions, which only the ledger assigns.
		await initNotifier();
		startNotifier(c.PEEGEL_NOTIFY_INTERVAL_MS);
		// Detection follows the log's positions too (rule cursors in detection_run).
		startDetectionScheduler(c.PEEGEL_DETECT_INTERVAL_MS);
	}
	// Statistics: a release now if there is none or the rollups changed, then checked periodically.
	startStatsReleases(c.PEEGEL_STATS_RELEASE_INTERVAL_MS);
	// Tests of crash recovery only: see tests/integration/ledger.test.ts.
	if (process.env.PEEGEL_FAILPOINT === 'after-event-insert') armCrashAfterInsert();

	// Lets CLI tools (agency:key) reach this server instead of opening the data directory.
	writeServerFile(c.dataDir, { pid: process.pid, port: c.PORT, adminToken: randomToken() });
	const stop = () => {
		removeServerFile(c.dataDir, process.pid);
		stopCheckpointer();
		stopDemoWitness();
		const notifierStopped = stopNotifier();
		const detectionStopped = stopDetectionScheduler();
		const statsStopped = Promise.all([stopStatsReleases(), flushVisits()]);
		// Commit the journaled look-ups (else the next start does), then write the tiles
		// still in memory, so the next start need not recompute them.
		void replayLookupJournal()
			.catch((err) => console.error('peegel: oversight look-ups left in the journal (committed at the next start)', err))
			.then(() => closeLookupJournal())
			.then(() => flushLedger())
			.catch((err) => console.error('peegel: ledger tiles not written at shutdown (recomputed at the next start)', err))
			.then(() => notifierStopped)
			.then(() => detectionStopped)
			.then(() => statsStopped)
			.finally(() => stopValidators().finally(() => closeDb()));
	};
	process.once('sveltekit:shutdown', stop);
	process.once('exit', () => removeServerFile(c.dataDir, process.pid));
	console.log(`peegel: ready in ${((Date.now() - t0) / 1000).toFixed(1)} s${c.PEEGEL_DEMO ? ' (demo mode)' : ''}`);
}

export function startServer(): Promise<void> {
	started ??= start();
	return started;
}
