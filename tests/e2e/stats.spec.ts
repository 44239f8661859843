/**
 * The public statistics site in a browser, on a hand-made release written before the
 * server starts (tests/support/stats-site-release.ts): the analyst's journey from /stats to
 * "how did e-signature use by people over 65 in Ida-Viru County change last year?", the
 * exchange network, and axe on each page (overview and signatures in all three languages).
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../support/server';
import { LAST_YEAR } from '../support/stats-site-release';

const test = base.extend<object, { server: TestServer }>({
	server: [
		async ({}, use) => {
			const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-stats-e2e-'));
			process.env.PEEGEL_DATA_DIR = dataDir;
			delete process.env.CLICKHOUSE_URL;
			delete process.env.PEEGEL_MIGRATIONS_DIR;
			const { writeSiteRelease } = await import('../support/stats-site-release');
			await writeSiteRelease();
			const server = await startTestServer({}, { dataDir });
			try {
				await use(server);
			} finally {
				await server.stop();
				rmSync(dataDir, { recursive: true, force: true });
			}
		},
		{ scope: 'worker', timeout: 180_000 }
	],
	baseURL: async ({ server }, use) => {
		await use(server.url);
	}
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page: Page) {
	const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	return result.violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

test('an analyst finds how e-signing by people over 65 in Ida-Viru County changed last year', async ({ page }) => {
	await page.goto('/stats');
	await expect(page.getByRole('heading', { level: 1, name: 'Statistics on digital public services' })).toBeVisible();
	await page.getByRole('navigation', { name: 'Statistics' }).getByRole('link', { name: 'E-signatures' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'E-signatures' })).toBeVisible();

	await page.getByLabel('County').selectOption('Ida-Viru County');
	await page.getByLabel('Age group').selectOption('65+');
	await page.getByRole('button', { name: 'Show' }).click();
	await page.getByRole('navigation', { name: 'Quick periods' }).getByRole('link', { name: LAST_YEAR }).click();

	await expect(page).toHaveURL(new RegExp(`from=${LAST_YEAR}-01&to=${LAST_YEAR}-12`));
	await expect(page.getByLabel('County')).toHaveValue('Ida-Viru County');
	const summary = page.locator('#sig-total-summary');
	await expect(summary).toHaveText(new RegExp(`^From [\\d,]+ in January ${LAST_YEAR} to [\\d,]+ in December ${LAST_YEAR} \\(\\+[\\d.]+\\s%\\)\\.$`));

	// The same figures as a table, opened with the keyboard.
	const toggle = page.locator('[data-chart="sig-total"] summary');
	await toggle.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('table', { name: 'Signatures per month, with the number of different signers' }).getByRole('row')).toHaveCount(13);
});

test('the exchange network renders with its members and flows', async ({ page }) => {
	await page.goto(`/stats/exchange?from=${LAST_YEAR}-01&to=${LAST_YEAR}-12`);
	const chart = page.locator('[data-chart="exchange"] svg');
	await expect(chart).toBeVisible();
	await expect(chart.locator('circle')).toHaveCount(3);
	await expect(chart.locator('path[marker-end]')).toHaveCount(3);
	await expect(page.getByRole('list', { name: 'Members in the network' })).toContainText('Statistics Test Board');
	expect(await violations(page)).toEqual([]);
});

for (const lang of ['en', 'et', 'ru']) {
	test(`overview and signatures pass axe (${lang})`, async ({ page }) => {
		await page.goto(`/stats?lang=${lang}`);
		await expect(page.locator('[data-headline="signatures"]')).toBeVisible();
		expect(await violations(page)).toEqual([]);
		await page.goto(`/stats/signatures?lang=${lang}&county=Ida-Viru+County&age_band=0-17`);
		await expect(page.locator('#sig-total-summary')).toBeVisible();
		expect(await violations(page)).toEqual([]);
	});
}

test('services, adoption, coverage and open data pass axe and fit 320 px', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 800 });
	for (const p of ['/stats/services', '/stats/adoption', '/stats/coverage', '/stats/data']) {
		await page.goto(`${p}?lang=en`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await violations(page), p).toEqual([]);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, p).toBeLessThanOrEqual(0);
	}
});
