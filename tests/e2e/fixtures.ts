/**
 * Shared set-up for the end-to-end tests: each Playwright worker starts its own Peegel
 * server (the built app, fresh data directory, deterministic demo data) and points
 * baseURL at it. The demo personas are known in advance: the seed generator is
 * deterministic, and persona codes depend only on the seed.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/server';
import { generateReference, MIN_PEOPLE, type Persona } from '../../src/lib/server/seed/reference';

export const DEMO_SEED = 2026;

/** Enough demo data that the personas have several pages and several agencies. */
export const DEMO_ENV = {
	PEEGEL_DEMO: '1',
	PEEGEL_DEMO_PEOPLE: '300',
	PEEGEL_DEMO_EVENTS: '20000',
	PEEGEL_DEMO_SEED: String(DEMO_SEED)
};

const reference = generateReference({ people: MIN_PEOPLE, seed: DEMO_SEED });

export function persona(key: Persona['key']): Persona {
	const p = reference.personas.find((x) => x.key === key);
	if (!p) throw new Error(`no persona ${key}`);
	return p;
}

/** The EE-prefixed subject code of a persona, as usage events carry it. */
export function subjectCode(p: Persona): string {
	return p.personal_code.startsWith('EE') ? p.personal_code : `EE${p.personal_code}`;
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

export const test = base.extend<{ serverLogOnFailure: void }, { server: TestServer }>({
	server: [
		async ({}, use) => {
			const server = await startTestServer(DEMO_ENV);
			try {
				await use(server);
			} finally {
				await server.stop();
			}
		},
		{ scope: 'worker', timeout: 180_000 }
	],
	baseURL: async ({ server }, use) => {
		await use(server.url);
	},
	// When a test fails, attach the end of the server's output (and whether it still runs).
	serverLogOnFailure: [
		async ({ server }, use, testInfo) => {
			await use();
			if (testInfo.status !== testInfo.expectedStatus) {
				const state = alive(server.pid) ? 'running' : 'NOT RUNNING (exited)';
				await testInfo.attach('server output', { body: `server pid ${server.pid}: ${state}\n${server.logs().slice(-8000)}`, contentType: 'text/plain' });
			}
		},
		{ auto: true }
	]
});

export { expect };

/** The persona picker: sign in as a persona by clicking its button; lands on /me. */
export async function signInAs(page: Page, p: Persona): Promise<void> {
	await page.goto('/auth/demo');
	await page.getByRole('button', { name: `Sign in as ${p.name}` }).click();
	await expect(page).toHaveURL(/\/me(\?|$)/);
}

/** The timeline table on /me. */
export function timeline(page: Page) {
	return page.getByRole('table', { name: 'Uses of your data' });
}

/** Rows of the timeline (each carries the event's id). */
export function timelineRows(page: Page) {
	return timeline(page).locator('[data-event-id]');
}

/** The event ids on the current page, in order. */
export async function eventIds(page: Page): Promise<string[]> {
	return timelineRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-id') ?? ''));
}
