/**
 * /oversight/detection: an auditor sees the rules with their parameters, runs detection and
 * reads the summary; the page is axe-clean in each language and usable at 320 px; others
 * are turned away.
 */
import type { Page } from '@playwright/test';
import { violations } from './axe';
import { expect, persona, test } from './fixtures';

/** Sign in through the persona picker, wherever it lands. */
async function signIn(page: Page, key: 'auditor' | 'jaan'): Promise<void> {
	await page.goto('/auth/demo');
	await page.getByRole('button', { name: `Sign in as ${persona(key).name}` }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/auth'));
}

test('an auditor runs detection and reads what each rule did', async ({ page }) => {
	await signIn(page, 'auditor');
	await page.goto('/oversight/detection?lang=en');
	await expect(page.getByRole('heading', { level: 1, name: 'Detection' })).toBeVisible();
	const rules = page.getByRole('table', { name: 'Detection rules with their parameters, progress and results' });
	await expect(rules.getByRole('rowheader')).toHaveCount(9);
	await expect(rules).toContainText('Distinct officials');
	await page.getByRole('button', { name: 'Run detection now' }).click();
	const summary = page.getByRole('table', { name: 'What this run did, by rule' });
	await expect(summary).toBeVisible({ timeout: 60_000 });
	await expect(summary.getByRole('rowheader')).toHaveCount(9);
	await expect(page.getByText(/Detection ran over the log up to event/)).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

// Auditors' pages: axe runs each page family in one language (the families share the three
// between them); messages.test.ts checks every language has every text. Keeps the suite short.
for (const lang of ['ru'] as const) {
	test(`the page is axe-clean in ${lang}`, async ({ page }) => {
		await signIn(page, 'auditor');
		await page.goto(`/oversight/detection?lang=${lang}`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.getByRole('table').first().getByRole('rowheader')).toHaveCount(9);
		expect(await violations(page)).toEqual([]);
	});
}

test('at 320 px the page reflows and the run button works from the keyboard', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 800 });
	await signIn(page, 'auditor');
	await page.goto('/oversight/detection?lang=en');
	const button = page.getByRole('button', { name: 'Run detection now' });
	await button.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('table', { name: 'What this run did, by rule' })).toBeVisible({ timeout: 60_000 });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('a citizen is refused the page and the run; so is someone signed out', async ({ page, server }) => {
	await signIn(page, 'jaan');
	const res = await page.goto('/oversight/detection');
	expect(res?.status()).toBe(403);
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const post = (headers: Record<string, string>) =>
		fetch(`${server.url}/oversight/detection?/run`, {
			method: 'POST',
			headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
			body: '',
			redirect: 'manual'
		});
	expect((await post({ cookie })).status).toBe(403);
	const signedOut = await post({});
	expect(signedOut.status).toBe(303);
	expect(signedOut.headers.get('location')).toContain('/auth');
});
