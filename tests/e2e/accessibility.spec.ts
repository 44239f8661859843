/**
 * Accessibility: WCAG 2.1 A and AA (the EU public-sector floor), checked with axe-core on
 * the pages a citizen goes through.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, persona, signInAs, test, timeline } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page: Page) {
	const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	// Readable failure output: rule, impact, and where.
	return result.violations.map((v) => ({
		rule: v.id,
		impact: v.impact,
		help: v.help,
		nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' '))
	}));
}

test('home page', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

test('persona picker', async ({ page }) => {
	await page.goto('/auth/demo');
	await expect(page.getByRole('heading', { name: 'Sign in to the demo' })).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

test('persona picker with an error', async ({ page }) => {
	await page.goto('/auth/demo');
	await page.getByRole('textbox', { name: 'Personal code' }).fill('EE00000000000');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

test('the citizen’s timeline (/me), once the browser has checked it against the log', async ({ page }) => {
	await signInAs(page, persona('jaan'));
	await expect(timeline(page)).toBeVisible();
	await expect(page.getByRole('region', { name: 'Is this list complete and unaltered?' })).toContainText('in the signed log');
	expect(await violations(page)).toEqual([]);
});

test('the log’s page (/ledger)', async ({ page }) => {
	await page.goto('/ledger');
	await expect(page.getByRole('heading', { level: 1, name: 'The tamper-evident log' })).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

test('the timeline with filters, on page 2 and with a filter error', async ({ page }) => {
	await signInAs(page, persona('jaan'));
	await page.goto('/me?page=2&from=2020-02-30');
	await expect(page.getByRole('alert')).toBeVisible();
	expect(await violations(page)).toEqual([]);
});
