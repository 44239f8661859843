import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests: Debian's Chromium (browsers cannot be downloaded here) against the
 * built app. Each worker starts its own server with a fresh data directory and demo data
 * (tests/e2e/fixtures.ts), so workers never share state.
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
			executablePath: '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
		}
	}
});
