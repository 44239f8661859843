// Build the app when any source is newer than build/index.js. Used by npm start and the tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** @param {string} p @returns {number} newest modification time under p */
function newest(p) {
	if (!existsSync(p)) return 0;
	const s = statSync(p);
	if (!s.isDirectory()) return s.mtimeMs;
	return readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), s.mtimeMs);
}

/** @param {string} root project directory */
export function buildIfStale(root) {
	const built = existsSync(path.join(root, 'build/index.js')) ? statSync(path.join(root, 'build/index.js')).mtimeMs : 0;
	const inputs = ['src', 'static', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];
	const sources = Math.max(...inputs.map((p) => newest(path.join(root, p))));
	if (sources <= built) return;
	console.log('peegel: building the app...');
	const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
		stdio: 'inherit',
		cwd: root
	});
	if (r.status !== 0) throw new Error(`vite build failed with exit code ${r.status}`);
}
