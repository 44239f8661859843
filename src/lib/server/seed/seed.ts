/**
 * Fills an empty database with demo data: reference data straight into its tables, then
 * the generated usage events through the writer (the same commit path as the HTTP API,
 * so dedupe and, later, the ledger see every seeded event).
 */
import { commitEvents } from '../usage/writer';
import { generateEvents } from './events';
import { insertReference } from './insert-reference';
import { generateReference } from './reference';
import { seedXroad, type XroadSeedSummary } from './xroad';
import { seedSignatures } from './signatures';
import { seedServices } from './services';

export interface SeedProgress {
	phase: 'reference' | 'events' | 'signatures' | 'services' | 'xroad';
	done: number;
	total: number;
}

export interface SeedOptions {
	people: number;
	events: number;
	seed: number;
	/** E-signature events (default: events). */
	signatures?: number;
	/** E-service uses (default: events / 2). */
	services?: number;
	/** X-Road messages (each a Client and a Producer record; default events / 2). */
	xroadMessages?: number;
	/** End of the two-year event window (default: now). */
	now?: number | Date;
	onProgress?: (p: SeedProgress) => void;
}

export interface SeedSummary {
	people: number;
	agencies: number;
	officials: number;
	purposes: number;
	events: { generated: number; accepted: number; duplicates: number };
	signatures: { generated: number; accepted: number; duplicates: number };
	services: { generated: number; accepted: number; duplicates: number };
	xroad: XroadSeedSummary;
	personas: { key: string; personal_code: string }[];
	ms: number;
}

export const SEED_BATCH = 50_000;

export async function seedDatabase(opts: SeedOptions): Promise<SeedSummary> {
	const t0 = Date.now();
	const progress = opts.onProgress ?? (() => {});
	const ref = generateReference({ people: opts.people, seed: opts.seed });
	progress({ phase: 'reference', done: 0, total: ref.people.length });
	await insertReference(ref, (done, total) => progress({ phase: 'reference', done, total }));

	const events = { generated: 0, accepted: 0, duplicates: 0 };
	const count = (r: Awaited<ReturnType<typeof commitEvents>>) => {
		events.accepted += r.accepted.length;
		events.duplicates += r.duplicates.length;
		// The stories come on top when events is tiny, hence the max.
		const committed = events.accepted + events.duplicates;
		progress({ phase: 'events', done: committed, total: Math.max(opts.events, events.generated) });
	};
	// One commit in flight while the next batch is generated: generation overlaps the
	// insert, and at most three batches are in memory at once.
	let previous: Promise<void> | null = null;
	let latest: Promise<void> | null = null;
	try {
		for (const batch of generateEvents(ref, { events: opts.events, seed: opts.seed, now: opts.now, batchSize: SEED_BATCH })) {
			events.generated += batch.length;
			latest = commitEvents(batch).then(count);
			latest.catch(() => {}); // awaited below; never an unhandled rejection meanwhile
			if (previous) await previous;
			previous = latest;
		}
		if (latest) await latest;
	} finally {
		// On failure, let the last commit settle before the caller closes the database.
		if (latest) await latest.catch(() => {});
	}

	// The statistics feeds, through their writers (the same commit path as their APIs).
	const signatureCount = opts.signatures ?? opts.events;
	progress({ phase: 'signatures', done: 0, total: signatureCount });
	const signatures = await seedSignatures(ref, { count: signatureCount, seed: opts.seed, now: opts.now }, (c) =>
		progress({ phase: 'signatures', done: c.accepted + c.duplicates, total: signatureCount })
	);
	const serviceCount = opts.services ?? Math.floor(opts.events / 2);
	progress({ phase: 'services', done: 0, total: serviceCount });
	const services = await seedServices(ref, { count: serviceCount, seed: opts.seed, now: opts.now }, (c) =>
		progress({ phase: 'services', done: c.accepted + c.duplicates, total: serviceCount })
	);
	// X-Road seeding is the slowest phase (every record hashed and paired): a tenth keeps the demo start short.
	const xroadMessages = opts.xroadMessages ?? Math.floor(opts.events / 10);
	const xroad = await seedXroad(ref, { messages: xroadMessages, seed: opts.seed, now: opts.now }, (done, total) => progress({ phase: 'xroad', done, total }));
	return {
		people: ref.people.length,
		agencies: ref.agencies.length,
		officials: ref.officials.length,
		purposes: ref.purposes.length,
		events,
		signatures,
		services,
		xroad,
		personas: ref.personas.map((p) => ({ key: p.key, personal_code: p.personal_code })),
		ms: Date.now() - t0
	};
}
