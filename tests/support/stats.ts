/** Statistics releases on a test server. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestServer } from './server';

export interface ReleaseMade {
	releaseId: number;
	method: 'suppression' | 'dp';
	cells: number;
	suppressed: number;
	epsilon: number;
	epsilonPerPerson: number;
	ms: number;
}

/** This month in Tallinn, 'YYYY-MM'. */
export const thisMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn', year: 'numeric', month: '2-digit' }).format(new Date());

/**
 * Make a new release now (through the server's local admin route); its outcome. Tests
 * release through the month under way (a scheduled release stops at the last complete
 * month), so what a test just sent is in it.
 */
export async function makeRelease(server: TestServer, opts: { dpEpsilon?: string; through?: string } = {}): Promise<ReleaseMade> {
	const { adminToken } = JSON.parse(readFileSync(path.join(server.dataDir, 'server.json'), 'utf8')) as { adminToken: string };
	const res = await fetch(`${server.url}/api/internal/stats-release`, {
		method: 'POST',
		headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
		body: JSON.stringify({ through: thisMonth(), ...opts })
	});
	if (res.status !== 201) throw new Error(`stats release: ${res.status} ${await res.text()}`);
	return (await res.json()) as ReleaseMade;
}

/** Make a new release now; its id (what the site's tests read). */
export async function releaseNow(server: TestServer, opts: { dpEpsilon?: string; through?: string } = {}): Promise<number> {
	return (await makeRelease(server, opts)).releaseId;
}
