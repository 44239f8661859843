// End-to-end tests run against the built app: build it once for the whole run, and seed
// the demo data once; each worker's server starts on a copy (tests/support/demo-template.ts).
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '../../scripts/build-if-stale.js';
import { prepareDemoTemplates } from '../support/demo-template';
import { DEMO_ENV } from './demo-env';

export default async function globalSetup(): Promise<() => void> {
	buildIfStale(fileURLToPath(new URL('../..', import.meta.url)));
	return prepareDemoTemplates([DEMO_ENV]);
}
