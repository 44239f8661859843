/**
 * Making releases: on demand (npm run stats:release, the internal route) and, while the
 * server runs, whenever the rollups changed since the latest release (checked at start and
 * every PEEGEL_STATS_RELEASE_INTERVAL_MS). One at a time per process.
 */
import type { Rational } from '$lib/stats/discrete-laplace';
import { buildRelease } from './build';
import { rollupsFingerprint } from './fingerprint';
import { latestRelease, writeRelease } from './store';
import { flushVisits } from '../visits';

export interface ReleaseOutcome {
	releaseId: number;
	method: 'suppression' | 'dp';
	cells: number;
	suppressed: number;
	epsilon: number;
	epsilonPerPerson: number;
	ms: number;
}

let queue: Promise<unknown> = Promise.resolve();

function serialized<T>(work: () => Promise<T>): Promise<T> {
	const run = queue.then(work, work);
	queue = run.catch(() => undefined);
	return run;
}

async function release(dpEpsilon: Rational | undefined, fingerprint?: string, through?: string): Promise<ReleaseOutcome> {
	const t0 = performance.now();
	// The visits noted so far count in this release.
	await flushVisits();
	const print = fingerprint ?? (await rollupsFingerprint());
	const built = await buildRelease({ dpEpsilon, through });
	const releaseId = await writeRelease(built.cells, { ...built.meta, fingerprint: print });
	return {
		releaseId,
		method: built.meta.method,
		cells: built.cells.length,
		suppressed: built.cells.filter((c) => c.suppressed).length,
		epsilon: built.meta.epsilon,
		epsilonPerPerson: built.meta.epsilonPerPerson,
		ms: Math.round(performance.now() - t0)
	};
}

/** A new release now (with noise when dpEpsilon is given; months through `through`, default the last complete one). */
export function releaseStatistics(opts: { dpEpsilon?: Rational; through?: string } = {}): Promise<ReleaseOutcome> {
	return serialized(() => release(opts.dpEpsilon, undefined, opts.through));
}

/** A new release when there is none or the rollups changed since the latest; null otherwise. */
export function releaseIfChanged(): Promise<ReleaseOutcome | null> {
	return serialized(async () => {
		const [latest, print] = await Promise.all([latestRelease(), rollupsFingerprint()]);
		if (latest && latest.fingerprint === print) return null;
		return release(undefined, print);
	});
}

let timer: NodeJS.Timeout | null = null;
let running: Promise<unknown> = Promise.resolve();
let inFlight = false;

function check(): void {
	// A slow release is not queued behind itself by the timer.
	if (inFlight) return;
	inFlight = true;
	running = releaseIfChanged()
		.then((r) => {
			if (r) console.log(`peegel: statistics release ${r.releaseId}: ${r.cells} cells, ${r.suppressed} suppressed, ${r.ms} ms`);
		})
		.catch((err) => console.error('peegel: statistics release failed (the previous release stays published)', err))
		.finally(() => (inFlight = false));
}

/** Check now (in the background: the server need not wait) and then every intervalMs. */
export function startStatsReleases(intervalMs: number): void {
	if (timer) return;
	check();
	timer = setInterval(check, intervalMs);
	timer.unref();
}

export function stopStatsReleases(): Promise<unknown> {
	if (timer) clearInterval(timer);
	timer = null;
	return running;
}
