import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { UsageEvent } from '../../schemas/usage-event';
import type { Reference } from './reference';
import type { OpmonEntry } from '../feeds/xroad/writer';

// Test doubles for the database side: the real writer and inserts are covered by the
// integration tests against embedded ClickHouse.
const committed: UsageEvent[][] = [];
let failAfter = Infinity;
vi.mock('../usage/writer', () => ({
	commitEvents: vi.fn(async (events: UsageEvent[]) => {
		if (committed.length >= failAfter) throw new Error('disk full');
		committed.push(events);
		const dup = events.slice(0, 1).map((e) => e.event_id); // pretend the first of each batch was known
		return { accepted: events.slice(1).map((e) => ({ event_id: e.event_id })), duplicates: dup };
	})
}));
const opmon: OpmonEntry[][] = [];
vi.mock('../feeds/xroad/writer', () => ({
	commitOpmonRecords: vi.fn(async (entries: OpmonEntry[]) => {
		opmon.push(entries);
		return { accepted: entries.map((e) => ({ line: e.line, message: 'new' })), duplicates: [] };
	})
}));
const inserted: Reference[] = [];
vi.mock('./insert-reference', () => ({
	insertReference: vi.fn(async (ref: Reference, onPeople?: (done: number, total: number) => void) => {
		inserted.push(ref);
		onPeople?.(ref.people.length, ref.people.length);
	})
}));

// The statistics feeds' seeds have their own tests (signatures.test.ts, services.test.ts).
const feedSeeds: { feed: string; count: number }[] = [];
vi.mock('./signatures', () => ({
	seedSignatures: vi.fn(async (_ref: Reference, o: { count: number }) => (feedSeeds.push({ feed: 'signatures', count: o.count }), { generated: o.count, accepted: o.count, duplicates: 0 }))
}));
vi.mock('./services', () => ({
	seedServices: vi.fn(async (_ref: Reference, o: { count: number }) => (feedSeeds.push({ feed: 'services', count: o.count }), { generated: o.count, accepted: o.count, duplicates: 0 }))
}));

const { seedDatabase, SEED_BATCH } = await import('./seed');

beforeEach(() => {
	committed.length = 0;
	opmon.length = 0;
	inserted.length = 0;
	failAfter = Infinity;
	feedSeeds.length = 0;
});

describe('seedDatabase', () => {
	it('inserts the reference, then streams every event through the writer in batches', async () => {
		const progress: { phase: string; done: number; total: number }[] = [];
		const summary = await seedDatabase({ people: 500, events: 120_000, seed: 3, now: Date.now() - 1000, onProgress: (p) => progress.push(p), xroadMessages: 100 });
		expect(inserted).toHaveLength(1);
		expect(inserted[0]!.people).toHaveLength(500);
		expect(committed.map((b) => b.length)).toEqual([SEED_BATCH, SEED_BATCH, 20_000]);
		expect(new Set(committed.flat().map((e) => e.event_id)).size).toBe(120_000);
		expect(summary.events).toEqual({ generated: 120_000, accepted: 120_000 - 3, duplicates: 3 });
		expect(summary.people).toBe(500);
		expect(summary.personas.map((p) => p.key)).toContain('jaan');
		expect(progress[0]).toEqual({ phase: 'reference', done: 0, total: 500 });
		const last = progress.filter((p) => p.phase === 'events').at(-1)!;
		expect(last).toEqual({ phase: 'events', done: 120_000, total: 120_000 });
		const eventDone = progress.filter((p) => p.phase === 'events').map((p) => p.done);
		expect(eventDone).toEqual([...eventDone].sort((a, b) => a - b));
		expect(feedSeeds).toEqual([
			{ feed: 'signatures', count: 120_000 },
			{ feed: 'services', count: 60_000 }
		]);
		expect(summary.signatures.accepted).toBe(120_000);
		expect(progress.filter((p) => p.phase === 'signatures' || p.phase === 'services')).toEqual([
			{ phase: 'signatures', done: 0, total: 120_000 },
			{ phase: 'services', done: 0, total: 60_000 }
		]);
	});

	it('then streams X-Road monitoring records through the feed writer, events / 10 messages by default', async () => {
		const progress: { phase: string; done: number; total: number }[] = [];
		const summary = await seedDatabase({ people: 200, events: 3000, seed: 3, now: Date.now() - 1000, onProgress: (p) => progress.push(p) });
		expect(summary.xroad.messages).toBe(300);
		expect(summary.xroad.accepted).toBe(opmon.flat().length);
		expect(opmon.flat().length).toBeGreaterThan(2 * 300 * 0.95);
		expect(JSON.stringify(opmon)).not.toMatch(/messageUserId|messageIssue/);
		expect(progress.at(-1)).toMatchObject({ phase: 'xroad', total: 300 });
	});

	it('stops at a failed commit and reports it', async () => {
		failAfter = 1;
		await expect(seedDatabase({ people: 200, events: 150_000, seed: 3, now: Date.now() - 1000 })).rejects.toThrow('disk full');
		expect(committed).toHaveLength(1);
	});
});
