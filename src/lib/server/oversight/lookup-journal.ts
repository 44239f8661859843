/**
 * The auditors' look-ups, durable before any result is shown, without the page waiting for
 * ClickHouse. A look-up's events are appended to a journal file in the data directory and
 * synced to disk (about a millisecond; a usage_event insert with its projections, rollup
 * and sync takes 30–50 ms), then committed through the one commit path (commitEvents) in
 * the background, gathered for up to GATHER_MS, where they get their ledger positions and
 * reach the people's timelines a moment later. After each commit the journal keeps only
 * what is not committed yet.
 *
 * After a crash, the next start commits whatever the journal still holds before it serves
 * anyone (replayLookupJournal). An event committed before the crash comes back as a
 * duplicate of its event_id, so nothing is stored twice and nothing is lost. A last line
 * cut short by the crash was never synced, so its look-up was never shown: it is skipped.
 */
import { open, readFile, rename, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { validateUsageEvent, type UsageEvent } from '$lib/schemas/usage-event';
import { config } from '../config';
import { commitEvents } from '../usage/writer';

/**
 * How long a look-up waits for others to share its insert: each insert is a new part of
 * usage_event (with its projections and rollup) that is merged again later, and grows the
 * log, which wakes the checkpointer and the notifier; a page's queries share the machine
 * with all of them. An auditor at work makes several look-ups a second; a second's wait
 * makes them one insert, and the person still sees the look-up within about a second.
 */
const GATHER_MS = 1_000;
/** Wait before committing again after ClickHouse refused (the events stay in the journal). */
const RETRY_MS = 1_000;

export function lookupJournalPath(): string {
	return path.join(config().dataDir, 'oversight-lookups.journal');
}

/** The look-ups in a journal's text; lines that do not parse (a torn last line) are left out. */
export function parseJournal(text: string): { events: UsageEvent[]; skipped: number } {
	const events: UsageEvent[] = [];
	let skipped = 0;
	for (const line of text.split('\n')) {
		if (line.trim() === '') continue;
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			skipped++;
			continue;
		}
		const list = Array.isArray(value) ? value.map(validateUsageEvent) : [];
		if (list.length === 0 || list.some((r) => !r.success)) {
			skipped++;
			continue;
		}
		for (const r of list) if (r.success) events.push(r.data);
	}
	return { events, skipped };
}

export interface JournalOptions {
	/** The journal file's path. */
	path: () => string;
	/** Commits look-up events (the server: commitEvents); throws when they were not stored. */
	commit: (events: UsageEvent[]) => Promise<unknown>;
	gatherMs: number;
	retryMs: number;
}

export class LookupJournal {
	constructor(private readonly opts: JournalOptions) {}

	private file: FileHandle | null = null;
	/** File operations one at a time: an append never meets the emptying of the file. */
	private tail: Promise<unknown> = Promise.resolve();
	/** Look-ups in the journal and not yet committed. */
	private pending: UsageEvent[][] = [];
	private committing: Promise<void> | null = null;
	/** A commit waiting to start (gathering look-ups, or after a failure). */
	private timer: NodeJS.Timeout | null = null;
	private failed = false;

	private serially<T>(op: () => Promise<T>): Promise<T> {
		const run = this.tail.then(op, op);
		this.tail = run.catch(() => undefined);
		return run;
	}

	/** Whether what an earlier run left in the journal has been read into pending. */
	private loaded = false;

	private async handle(): Promise<FileHandle> {
		if (!this.file) {
			const file = this.opts.path();
			if (!this.loaded) {
				const left = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? '' : Promise.reject(err)));
				const { events, skipped } = parseJournal(left);
				if (skipped > 0) console.warn(`peegel: ${skipped} unreadable line(s) in ${file} left out (cut short before they were synced)`);
				if (events.length > 0) this.pending.push(events);
				this.loaded = true;
			}
			this.file = await open(file, 'a');
		}
		return this.file;
	}

	/** Append the look-up and sync it; it is committed in the background. */
	async record(events: UsageEvent[]): Promise<void> {
		await this.serially(async () => {
			const file = await this.handle();
			await file.appendFile(`${JSON.stringify(events)}\n`);
			await file.datasync();
			// In the same step as the append: the journal is only emptied with nothing pending.
			this.pending.push(events);
		});
		this.schedule(this.opts.gatherMs);
	}

	/** Commit everything the journal holds now (at start and at shutdown); throws when ClickHouse refuses. */
	async drain(): Promise<void> {
		await this.serially(() => this.handle());
		while (this.pending.length > 0 || this.committing) {
			if (this.timer) clearTimeout(this.timer);
			this.timer = null;
			this.failed = false;
			this.start();
			await this.committing;
			if (this.failed) throw new Error('oversight look-ups could not be committed (they stay in the journal)');
		}
	}

	private schedule(delay: number): void {
		if (this.committing || this.timer) return;
		this.timer = setTimeout(() => {
			this.timer = null;
			this.start();
		}, delay);
	}

	private start(): void {
		this.committing ??= this.commitPending().finally(() => {
			this.committing = null;
			// Look-ups recorded while this commit ran, or the ones it could not commit.
			if (this.pending.length > 0) this.schedule(this.failed ? this.opts.retryMs : this.opts.gatherMs);
		});
	}

	/**
	 * One insert of everything pending. Look-ups recorded meanwhile wait for the next gather
	 * (start's finally): committing them at once would make one insert of nearly every one.
	 */
	private async commitPending(): Promise<void> {
		const batch = this.pending.splice(0);
		if (batch.length > 0) {
			try {
				await this.opts.commit(batch.flat());
				this.failed = false;
			} catch (err) {
				this.pending.unshift(...batch);
				this.failed = true;
				console.error('peegel: committing oversight look-ups failed; retrying (they stay in the journal)', err);
				return;
			}
		}
		// A journal that could not be shortened still holds every look-up not committed (and
		// some that are, which come back as duplicates): log it rather than stop the server.
		await this.serially(() => this.dropCommitted()).catch((err: unknown) => console.error(`peegel: could not shorten ${this.opts.path()} (it is kept whole)`, err));
	}

	/**
	 * Leave in the journal only the look-ups still pending: empty it, or (when look-ups came
	 * in during the insert, as they do while an auditor works) replace it with a file of just
	 * those, so it never grows with the day's work. The rename is atomic: a crash leaves
	 * either file, and either holds every look-up not yet committed.
	 */
	private async dropCommitted(): Promise<void> {
		if (!this.file) return;
		if (this.pending.length === 0) {
			await this.file.truncate(0);
			await this.file.datasync();
			return;
		}
		const file = this.opts.path();
		const next = `${file}.next`;
		const out = await open(next, 'w');
		try {
			await out.writeFile(this.pending.map((events) => `${JSON.stringify(events)}\n`).join(''));
			await out.datasync();
		} finally {
			await out.close();
		}
		await this.file.close();
		this.file = null;
		await rename(next, file);
		// The rename itself made durable before anything is appended to the new file.
		const dir = await open(path.dirname(file), 'r');
		try {
			await dir.sync();
		} finally {
			await dir.close();
		}
		this.file = await open(file, 'a');
	}

	async close(): Promise<void> {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		await this.serially(async () => {
			await this.file?.close();
			this.file = null;
		});
	}
}

const journal = new LookupJournal({ path: lookupJournalPath, commit: commitEvents, gatherMs: GATHER_MS, retryMs: RETRY_MS });

/** Make a look-up's events durable (committed to usage_event shortly after). */
export function journalLookup(events: UsageEvent[]): Promise<void> {
	return journal.record(events);
}

/** Commit what the journal holds: at start, before anyone is served; tests wait with it too. */
export function replayLookupJournal(): Promise<void> {
	return journal.drain();
}

export function closeLookupJournal(): Promise<void> {
	return journal.close();
}
