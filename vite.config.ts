import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	ssr: {
		// chdb loads a native library at run time; bundling it would break the dlopen path.
		external: ['chdb', '@clickhouse/client']
	},
	test: {
		// Two test files at a time even on 2 cores (vitest's default there is cores - 1, so one
		// on CI): an integration file mostly waits on its server (HTTP answers, start-up, the
		// notifier's and detection's intervals), so one file alone leaves the cores idle.
		maxWorkers: 2,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					// Each worker is a separate process so each owns one embedded ClickHouse.
					pool: 'forks',
					globalSetup: ['tests/integration/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
