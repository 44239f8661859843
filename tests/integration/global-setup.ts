// Integration tests run against the built app: build it once for the whole run.
import path from 'node:path';
import { buildIfStale } from '../../scripts/build-if-stale.js';

export default function setup(): void {
	buildIfStale(path.resolve(__dirname, '../..'));
}
