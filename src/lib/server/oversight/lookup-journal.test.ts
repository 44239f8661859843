import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UsageEvent } from '$lib/schemas/usage-event';
import { LookupJournal, parseJournal } from './lookup-journal';
import { lookupEvents } from './record-lookup';

/** Look-up events as the server builds them, for three people. */
const built = lookupEvents({ auditor: 'EE47101010033', caseRef: 'AKI-1', action: 'Oversight search', subjects: ['EE38001085718', 'EE48705020657', 'EE39506071623'] });
const [a, b, c] = [built[0]!, built[1]!, built[2]!];

describe('parseJournal', () => {
	it('reads each line’s look-up, in order', () => {
		const text = `${JSON.stringify([a, b])}\n${JSON.stringify([c])}\n`;
		const { events, skipped } = parseJournal(text);
		expect(events).toEqual([a, b, c]);
		expect(skipped).toBe(0);
	});

	it('leaves out a line cut short, and a line that is not a list of valid events', () => {
		const whole = JSON.stringify([a]);
		const text = [whole, JSON.stringify([{ ...b, subject_code: 'EE1' }]), '{}', whole.slice(0, 40)].join('\n');
		const { events, skipped } = parseJournal(text);
		expect(events).toEqual([a]);
		expect(skipped).toBe(3);
	});

	it('is empty for an empty journal', () => {
		expect(parseJournal('')).toEqual({ events: [], skipped: 0 });
	});
});

describe('LookupJournal', () => {
	let dir: string;
	let file: string;
	beforeEach(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'peegel-journal-'));
		file = path.join(dir, 'oversight-lookups.journal');
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	/** A commit that waits until the test lets it finish; each call's events are kept. */
	function heldCommits() {
		const calls: { events: UsageEvent[]; release: () => void }[] = [];
		const waiting: ((n: number) => void)[] = [];
		const commit = (events: UsageEvent[]) =>
			new Promise<void>((release) => {
				calls.push({ events, release });
				waiting.splice(0).forEach((w) => w(calls.length));
			});
		/** Resolves once the n-th commit has started. */
		const started = (n: number) => new Promise<void>((resolve) => (calls.length >= n ? resolve() : waiting.push((k) => k >= n && resolve())));
		return { calls, commit, started };
	}

	const lines = () => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');

	it('gathers look-ups into one commit, and empties the journal after it', async () => {
		const held = heldCommits();
		const journal = new LookupJournal({ path: () => file, commit: held.commit, gatherMs: 30, retryMs: 30 });
		await journal.record([a]);
		await journal.record([b, c]);
		expect(lines()).toEqual([JSON.stringify([a]), JSON.stringify([b, c])]);
		await held.started(1);
		expect(held.calls[0]!.events).toEqual([a, b, c]);
		held.calls[0]!.release();
		await journal.drain();
		expect(held.calls).toHaveLength(1);
		expect(lines()).toEqual([]);
		await journal.close();
	});

	it('keeps only the look-ups that came during a commit, and commits them in the next', async () => {
		const held = heldCommits();
		const journal = new LookupJournal({ path: () => file, commit: held.commit, gatherMs: 30, retryMs: 30 });
		await journal.record([a]);
		await held.started(1);
		// Recorded while the first commit runs: not in it, and still in the journal after it.
		await journal.record([b]);
		held.calls[0]!.release();
		await held.started(2);
		expect(held.calls.map((x) => x.events)).toEqual([[a], [b]]);
		expect(lines()).toEqual([JSON.stringify([b])]);
		// Appends after the journal was replaced go to the new file.
		await journal.record([c]);
		expect(lines()).toEqual([JSON.stringify([b]), JSON.stringify([c])]);
		held.calls[1]!.release();
		await held.started(3);
		expect(held.calls[2]!.events).toEqual([c]);
		expect(lines()).toEqual([JSON.stringify([c])]);
		held.calls[2]!.release();
		await journal.drain();
		expect(lines()).toEqual([]);
		expect(existsSync(`${file}.next`)).toBe(false);
		await journal.close();
	});

	it('keeps look-ups whose commit failed in the journal, and commits them on a retry', async () => {
		let fail = true;
		const committed: UsageEvent[][] = [];
		const journal = new LookupJournal({
			path: () => file,
			commit: async (events) => {
				if (fail) throw new Error('ClickHouse refused');
				committed.push(events);
			},
			gatherMs: 10,
			retryMs: 10
		});
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			await journal.record([a]);
			await expect(journal.drain()).rejects.toThrow('could not be committed');
			expect(lines()).toEqual([JSON.stringify([a])]);
			fail = false;
			await journal.drain();
			expect(committed).toEqual([[a]]);
			expect(lines()).toEqual([]);
		} finally {
			errors.mockRestore();
			await journal.close();
		}
	});
});
