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

/** Make a new release now (through the server's local admin route); its outcome. */
export async function makeRelease(server: TestServer, opts: { dpEpsilon?: string } = {}): Promise<ReleaseMade> {
	const { adminToken } = JSON.parse(readFileSync(path.join(server.dataDir, 'server.json'), 'utf8')) as { adminToken: string };
	const res = await fetch(`${server.url}/api/internal/stats-release`, {
		method: 'POST',
		headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
		body: JSON.stringify(opts)
	});
	if (res.status !== 201) throw new Error(`stats release: ${res.status} ${await res.text()}`);
	return (await res.json()) as ReleaseMade;
}

/** Make a new release now; its id (what the site's tests read). */
export async function releaseNow(server: TestServer, opts: { dpEpsilon?: string } = {}): Promise<number> {
	return (await makeRelease(server, opts)).releaseId;
}
