// npm start: build the app when the sources are newer than the build, then serve it in
// demo mode (embedded ClickHouse in PEEGEL_DATA_DIR, demo data seeded on first start).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfStale } from './build-if-stale.js';
import { SERVER_NODE_FLAGS } from './server-node-flags.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
try {
	buildIfStale(root);
} catch (err) {
	console.error(err.message);
	process.exit(1);
}

const env = {
	PEEGEL_DEMO: '1',
	PORT: '3000',
	// Ingestion enforces its own 32 MiB limit with a JSON error; let those bodies through.
	BODY_SIZE_LIMIT: String(33 * 1024 * 1024),
	...process.env
};
// adapter-node assumes https unless told the public origin; the demo is served over http.
if (!env.ORIGIN && !env.PROTOCOL_HEADER) env.ORIGIN = `http://localhost:${env.PORT}`;
console.log(`peegel: starting on http://localhost:${env.PORT} (data in ${path.resolve(env.PEEGEL_DATA_DIR ?? '.data')})`);
const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'build/index.js'], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
