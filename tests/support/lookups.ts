/**
 * Auditors' look-ups are journaled before a page is sent and committed to usage_event a
 * moment later (src/lib/server/oversight/lookup-journal.ts). Tests that read them back wait
 * for the journal to be empty: everything in it committed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestServer } from './server';

/** The server's journal of look-ups (lookupJournalPath in the server). */
export function lookupJournalFile(server: Pick<TestServer, 'dataDir'>): string {
	return path.join(server.dataDir, 'oversight-lookups.journal');
}

export async function lookupsCommitted(server: TestServer, timeoutMs = 10_000): Promise<void> {
	const file = lookupJournalFile(server);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		let left = '';
		try {
			left = readFileSync(file, 'utf8');
		} catch (err) {
			if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
		}
		if (left === '') return;
		if (Date.now() > deadline) throw new Error(`oversight look-ups still not committed after ${timeoutMs} ms:\n${left.slice(0, 500)}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}
