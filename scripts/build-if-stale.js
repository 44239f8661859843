// Build the app when any source is newer than the last production build. Used by npm start,
// the tests and the bench.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Written after a production build by this script; a build without it is rebuilt. */
const STAMP = 'build/.production-build';

/** @param {string} p @returns {number} newest modification time under p */
function newest(p) {
	if (!existsSync(p)) return 0;
	const s = statSync(p);
	if (!s.isDirectory()) return s.mtimeMs;
	return readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), s.mtimeMs);
}

/** @param {string} root project directory */
export function buildIfStale(root) {
	const stamp = path.join(root, STAMP);
	const built = existsSync(stamp) && existsSync(path.join(root, 'build/index.js')) ? statSync(stamp).mtimeMs : 0;
	const inputs = ['src', 'static', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];
	const sources = Math.max(...inputs.map((p) => newest(path.join(root, p))));
	if (sources <= built) return;
	console.log('peegel: building the app...');
	const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
		stdio: 'inherit',
		cwd: root,
		// Always a production build: under vitest NODE_ENV is "test", and Svelte would then
		// compile its development checks into the server (measured: 2-3 ms more per page).
		env: { ...process.env, NODE_ENV: 'production' }
	});
	if (r.status !== 0) throw new Error(`vite build failed with exit code ${r.status}`);
	writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
