// End-to-end tests run against the built app: build it once for the whole run.
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '../../scripts/build-if-stale.js';

export default function globalSetup(): void {
	buildIfStale(fileURLToPath(new URL('../..', import.meta.url)));
}
