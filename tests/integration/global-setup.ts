// Integration tests run against the built app: build it once for the whole run, and seed
// the test servers' default demo data once; servers that would seed the same data into an
// empty directory start on a copy (tests/support/demo-template.ts).
import path from 'node:path';
import { buildIfStale } from '../../scripts/build-if-stale.js';
import { prepareDemoTemplates } from '../support/demo-template';

export default async function setup(): Promise<() => void> {
	buildIfStale(path.resolve(__dirname, '../..'));
	return prepareDemoTemplates([{}]);
}
