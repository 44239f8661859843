import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests: Debian's Chromium (browsers cannot be downloaded here) against the
 * built app. The global setup builds the app when stale and seeds the demo data once; each
 * worker starts its own server on its own copy of that data directory (tests/e2e/fixtures.ts),
 * so workers never share state.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: 'list',
	outputDir: 'test-results',
	use: {
		...devices['Desktop Chrome'],
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			// Debian's /usr/bin/chromium, less its per-window omnibox popup (see the script).
			executablePath: fileURLToPath(new URL('./tests/e2e/chromium.sh', import.meta.url)),
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
		}
	}
});
