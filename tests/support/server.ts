/**
 * A real Peegel server for a test file: the built app (node build/index.js) on a free port
 * with its own fresh data directory and a small demo data set. Integration and end-to-end
 * tests talk to it over HTTP only, as agencies, the portal and browsers do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../../scripts/server-node-flags.js';
import { copyDemoTemplate, DEFAULT_DEMO } from './demo-template';

// import.meta.url, not __dirname: Playwright and tsx load this file as an ES module.
export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

export interface TestServer {
	url: string;
	dataDir: string;
	/** The server process's pid (e.g. to read its peak RSS from /proc/<pid>/status). */
	pid: number;
	/** A new key for an agency (registered if new), through the server's local admin endpoint. */
	agencyKey(agency: string, opts?: { portal?: boolean; name?: string }): Promise<string>;
	/** Demo sign-in as a persona key or personal code; returns the Cookie header value. */
	signIn(persona: string): Promise<string>;
	/** Stops the server and deletes its data directory unless keepData. */
	stop(opts?: { keepData?: boolean }): Promise<void>;
	logs(): string;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
		});
	});
}

export interface TestServerOptions {
	/** Use this (new or empty) directory instead of a fresh one under the system temp dir. */
	dataDir?: string;
	/** How long to wait for the server to answer (default 90 s). */
	startTimeoutMs?: number;
	/** Extra node flags, e.g. ['--cpu-prof'] (not allowed in NODE_OPTIONS). */
	nodeArgs?: string[];
	/** How long stop() waits for a graceful exit before SIGKILL (default 10 s). */
	stopTimeoutMs?: number;
	/**
	 * Start an empty data directory on a copy of this run's seeded template for the same
	 * demo data, when the global setup made one (default true; see demo-template.ts).
	 * false: the server seeds the data itself.
	 */
	template?: boolean;
}

export async function startTestServer(env: Record<string, string> = {}, opts: TestServerOptions = {}): Promise<TestServer> {
	let dataDir: string;
	if (opts.dataDir) {
		dataDir = path.resolve(opts.dataDir);
		mkdirSync(dataDir, { recursive: true });
	} else {
		dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-test-'));
	}
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	let output = '';
	const serverEnv: Record<string, string | undefined> = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		PEEGEL_DATA_DIR: dataDir,
		PEEGEL_DEMO: '1',
		...DEFAULT_DEMO,
		BODY_SIZE_LIMIT: String(33 * 1024 * 1024),
		ORIGIN: url,
		...env
	};
	if (opts.template !== false && copyDemoTemplate(serverEnv, dataDir)) output += '[test server: data directory copied from the seeded template]\n';
	const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(opts.nodeArgs ?? []), path.join(ROOT, 'build/index.js')], {
		cwd: ROOT,
		env: serverEnv,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d) => (output += d));
	child.stderr?.on('data', (d) => (output += d));
	// A server that dies mid-test says how (a signal means a crash or a kill from outside).
	child.on('exit', (code, signal) => (output += `\n[test server exited: code ${code}, signal ${signal}]\n`));

	const startTimeoutMs = opts.startTimeoutMs ?? 90_000;
	const deadline = Date.now() + startTimeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`test server exited with ${child.exitCode}:\n${output}`);
		try {
			const res = await fetch(`${url}/findUsage/v2/heartbeat`);
			if (res.status < 500) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`test server did not start in ${startTimeoutMs / 1000} s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}

	const adminToken = (): string => JSON.parse(readFileSync(path.join(dataDir, 'server.json'), 'utf8')).adminToken;

	return {
		url,
		dataDir,
		pid: child.pid!,
		logs: () => output,
		async agencyKey(agency, opts = {}) {
			const res = await fetch(`${url}/api/internal/agency-keys`, {
				method: 'POST',
				headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' },
				body: JSON.stringify({ agency, portal: opts.portal ?? false, name: opts.name })
			});
			if (res.status !== 201) throw new Error(`agency key: ${res.status} ${await res.text()}`);
			return ((await res.json()) as { key: string }).key;
		},
		async signIn(persona) {
			const res = await fetch(`${url}/auth/demo`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
				body: new URLSearchParams({ persona }),
				redirect: 'manual'
			});
			const cookie = res.headers.getSetCookie().find((c) => c.startsWith('peegel_session='));
			if (res.status !== 303 || !cookie) throw new Error(`sign-in as ${persona}: ${res.status} ${await res.text()}`);
			return cookie.split(';')[0]!;
		},
		async stop({ keepData = false } = {}) {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				let timer: NodeJS.Timeout | undefined;
				await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, opts.stopTimeoutMs ?? 10_000)))]);
				clearTimeout(timer);
				if (child.exitCode === null && child.signalCode === null) {
					child.kill('SIGKILL');
					if (!keepData) rmSync(dataDir, { recursive: true, force: true });
					// A server that ignores SIGTERM would hang deployments' restarts.
					throw new Error(`the server did not exit within ${opts.stopTimeoutMs ?? 10_000} ms of SIGTERM:\n${output.slice(-2000)}`);
				}
			}
			if (!keepData) rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
