/**
 * Only auditors reach /oversight: every page, JSON endpoint and form action under it,
 * found by reading src/routes/oversight (so a route added later is covered without
 * touching this test), is tried signed out and as a citizen, an analyst and an agency
 * user. Signed out, pages send the visitor to sign in and JSON answers 401; anyone
 * signed in without the auditor role gets 403. The auditor, as a control, is let in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/routes/oversight');
const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000';
const SAMPLE_CODE = 'EE38001085718';

interface Route {
	path: string;
	page: boolean;
	methods: string[];
	actions: string[];
}

/** A URL for a route directory: parameters get a well-formed value that names nothing. */
function urlPath(rel: string): string {
	const segments = rel === '' ? [] : rel.split(path.sep);
	const filled = segments
		.filter((s) => !/^\(.*\)$/.test(s)) // layout groups are not in the URL
		.map((s) => (s.startsWith('[') ? (/code/.test(s) ? SAMPLE_CODE : SAMPLE_UUID) : s));
	return ['/oversight', ...filled].join('/');
}

function discover(dir: string, rel = ''): Route[] {
	const entries = readdirSync(dir, { withFileTypes: true });
	const files = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
	const out: Route[] = [];
	const page = files.has('+page.svelte');
	const server = files.has('+server.ts') ? readFileSync(path.join(dir, '+server.ts'), 'utf8') : '';
	const methods = [...server.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
	const pageServer = files.has('+page.server.ts') ? readFileSync(path.join(dir, '+page.server.ts'), 'utf8') : '';
	const block = /export\s+const\s+actions[^=]*=\s*\{([\s\S]*?)\n\};/.exec(pageServer)?.[1] ?? '';
	const actions = [...block.matchAll(/^\t(\w+)\s*[:(]/gm)].map((m) => m[1]!);
	if (page || methods.length > 0) out.push({ path: urlPath(rel), page, methods, actions });
	for (const e of entries) if (e.isDirectory()) out.push(...discover(path.join(dir, e.name), rel === '' ? e.name : path.join(rel, e.name)));
	return out;
}

const routes = discover(ROOT);
const OUTSIDERS = ['mari', 'analyst', 'agency'] as const;

let server: TestServer;
const cookies = new Map<string, string>();

beforeAll(async () => {
	server = await startTestServer();
	for (const who of [...OUTSIDERS, 'auditor']) cookies.set(who, await server.signIn(who));
});

afterAll(async () => {
	await server?.stop();
});

function request(route: string, init: { method: string; cookie?: string; json?: boolean }): Promise<Response> {
	const headers: Record<string, string> = { accept: init.json ? 'application/json' : 'text/html', origin: server.url };
	if (init.cookie) headers.cookie = init.cookie;
	if (init.method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
	return fetch(`${server.url}${route}`, { method: init.method, headers, body: init.method === 'POST' ? '' : undefined, redirect: 'manual' });
}

describe('every oversight route is for auditors only', () => {
	it('finds the section’s routes', () => {
		// The search page, its JSON, the alerts and their JSON, cases, profiles, the protected list, detection.
		expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/oversight', '/oversight/alerts.json']));
		expect(routes.length).toBeGreaterThanOrEqual(8);
	});

	for (const r of routes) {
		describe(r.path, () => {
			if (r.page) {
				it('page: sign-in for a visitor, 403 for citizens, analysts and agency users, open to auditors', async () => {
					const anon = await request(r.path, { method: 'GET' });
					expect(anon.status).toBe(303);
					expect(anon.headers.get('location')).toMatch(/^\/auth\/demo\?next=/);
					for (const who of OUTSIDERS) expect((await request(r.path, { method: 'GET', cookie: cookies.get(who) })).status, who).toBe(403);
					const auditor = await request(r.path, { method: 'GET', cookie: cookies.get('auditor') });
					expect([200, 303, 400, 404]).toContain(auditor.status);
				});
			}
			for (const action of r.actions) {
				it(`form action ${action}: refused to everyone but auditors`, async () => {
					const target = action === 'default' ? r.path : `${r.path}?/${action}`;
					const anon = await request(target, { method: 'POST' });
					expect([303, 401, 403]).toContain(anon.status);
					if (anon.status === 303) expect(anon.headers.get('location')).toMatch(/^\/auth\/demo\?next=/);
					for (const who of OUTSIDERS) expect((await request(target, { method: 'POST', cookie: cookies.get(who) })).status, who).toBe(403);
				});
			}
			for (const method of r.methods) {
				it(`${method}: 401 (or sign-in, for a form's target) for a visitor, 403 for citizens, analysts and agency users`, async () => {
					const anon = await request(r.path, { method, json: method === 'GET' });
					if (method === 'GET') expect(anon.status).toBe(401);
					else if (anon.status === 303) expect(anon.headers.get('location')).toMatch(/^\/auth\/demo\?next=/);
					else expect(anon.status).toBe(401);
					for (const who of OUTSIDERS) expect((await request(r.path, { method, json: true, cookie: cookies.get(who) })).status, who).toBe(403);
					if (method === 'GET') {
						const auditor = await request(r.path, { method, json: true, cookie: cookies.get('auditor') });
						expect([200, 400, 404]).toContain(auditor.status);
					}
				});
			}
		});
	}
});
