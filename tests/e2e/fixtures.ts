/**
 * Shared set-up for the end-to-end tests: each Playwright worker starts its own Peegel
 * server (the built app, fresh data directory, deterministic demo data) and points
 * baseURL at it. The demo data is seeded once per run (global-setup.ts) and each worker's
 * data directory is a copy of it (tests/support/demo-template.ts). The demo personas are
 * known in advance: the seed generator is deterministic, and persona codes depend only on
 * the seed.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../support/server';
import { generateReference, MIN_PEOPLE, type Persona } from '../../src/lib/server/seed/reference';
import { DEMO_ENV, DEMO_SEED } from './demo-env';

export { DEMO_ENV, DEMO_SEED } from './demo-env';

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
		serverURL = server.url;
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

/** This worker's server (set with baseURL), for the Origin a form post carries. */
let serverURL = '';

/**
 * Signs the page's browser context in as a persona and lands on /me. The session comes from
 * the same form post the persona picker's button sends (a new session each time, so tests
 * share none), without loading the picker first: that page and its button are tested on
 * their own (citizen.spec.ts, accessibility.spec.ts), and loading it for every sign-in was
 * a page load per test.
 */
export async function signInAs(page: Page, p: Persona): Promise<void> {
	const origin = page.url().startsWith('http') ? new URL(page.url()).origin : serverURL;
	const post = () =>
		page.context().request.post(`${origin}/auth/demo`, {
			form: { persona: p.key },
			headers: { origin },
			maxRedirects: 0
		});
	// A kept-alive connection the server closed as idle just as it was reused resets; a
	// sign-in is safe to send again (it only makes a new session).
	const res = await post().catch((err: Error) => {
		if (!/ECONNRESET|socket hang up/.test(err.message)) throw err;
		return post();
	});
	expect(res.status(), `sign-in as ${p.key}: ${await res.text()}`).toBe(303);
	expect(res.headers()['location']).toBe('/me');
	await page.goto('/me');
	await expect(page).toHaveURL(/\/me(\?|$)/);
	await expect(page.getByRole('banner')).toContainText(p.name);
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
