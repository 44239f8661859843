/**
 * The oversight look-up journal across restarts (src/lib/server/oversight/lookup-journal.ts):
 * what a stop left in it is committed at the next start, before anyone is served; a line the
 * crash cut short is left out; a look-up already committed (a crash after the commit, before
 * the journal was emptied) is not stored twice; and a look-up made while the server runs
 * reaches usage_event and leaves the journal empty.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { OVERSIGHT_PURPOSE } from '../../src/lib/server/oversight/oversight-body';
import { lookupEvents } from '../../src/lib/server/oversight/record-lookup';
import { ingest } from '../support/api';
import { lookupJournalFile, lookupsCommitted } from '../support/lookups';
import { newAgencyCode, newEvent, newSubject } from '../support/data';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer | null = null;
let dataDir = '';

afterAll(async () => {
	await server?.stop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A look-up event as the server journals it. */
const lookupOf = (subject: string, caseRef: string) => lookupEvents({ auditor: 'EE47101010033', caseRef, action: 'Oversight search', subjects: [subject] })[0]!;

/** The oversight body's look-ups of a person, by case reference, as an auditor's search finds them. */
async function lookupsOf(s: TestServer, person: string): Promise<{ event_id: string; case_ref: string }[]> {
	const auditor = await s.signIn('auditor');
	const res = await fetch(`${s.url}/oversight/search.json?${new URLSearchParams({ case: 'AKI-JOURNAL-CHECK', person, purpose: OVERSIGHT_PURPOSE })}`, { headers: { cookie: auditor } });
	expect(res.status).toBe(200);
	return ((await res.json()) as { events: { event_id: string; case_ref: string }[] }).events;
}

describe('the oversight look-up journal', () => {
	const person = newSubject();

	it('commits a look-up made while the server runs, and empties the journal', async () => {
		server = await startTestServer();
		dataDir = server.dataDir;
		const agency = newAgencyCode();
		const key = await server.agencyKey(agency);
		expect((await ingest(server, key, [newEvent(agency, person)])).status).toBe(200);
		const auditor = await server.signIn('auditor');
		const res = await fetch(`${server.url}/oversight?${new URLSearchParams({ case: 'AKI-JOURNAL-1', person })}`, { headers: { cookie: auditor } });
		expect(res.status).toBe(200);
		// The journal empties once its look-ups are committed.
		await lookupsCommitted(server);
		expect((await lookupsOf(server, person)).filter((e) => e.case_ref === 'AKI-JOURNAL-1')).toHaveLength(1);
	});

	it('commits what a crash left in the journal at the next start, once, leaving out a line cut short', async () => {
		await server!.stop({ keepData: true });
		const left = lookupOf(person, 'AKI-JOURNAL-2');
		const whole = JSON.stringify([left]);
		// The same look-up twice (as after a crash between a commit and the emptying), then a torn line.
		writeFileSync(lookupJournalFile({ dataDir }), `${whole}\n${whole}\n${JSON.stringify([lookupOf(person, 'AKI-JOURNAL-TORN')]).slice(0, 60)}`);
		server = await startTestServer({}, { dataDir, template: false });
		// Committed before the server took requests: no waiting here.
		expect(readFileSync(lookupJournalFile({ dataDir }), 'utf8')).toBe('');
		expect(server.logs()).toContain('1 unreadable line(s)');
		const found = await lookupsOf(server, person);
		expect(found.filter((e) => e.case_ref === 'AKI-JOURNAL-2').map((e) => e.event_id)).toEqual([left.event_id]);
		expect(found.filter((e) => e.case_ref === 'AKI-JOURNAL-TORN')).toEqual([]);

		// Committed already, and still in the journal: still stored once.
		await server.stop({ keepData: true });
		writeFileSync(lookupJournalFile({ dataDir }), `${whole}\n`);
		server = await startTestServer({}, { dataDir, template: false });
		expect((await lookupsOf(server, person)).filter((e) => e.case_ref === 'AKI-JOURNAL-2')).toHaveLength(1);
	});
});
