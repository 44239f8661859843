/**
 * Accessibility: WCAG 2.1 A and AA (the EU public-sector floor), checked with axe-core on
 * the pages a citizen goes through.
 */
import { violations } from './axe';
import { expect, persona, signInAs, test } from './fixtures';

test('persona picker with an error', async ({ page }) => {
	await page.goto('/auth/demo');
	await page.getByRole('textbox', { name: 'Personal code' }).fill('EE00000000000');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

test('the timeline with filters, on page 2 and with a filter error', async ({ page }) => {
	await signInAs(page, persona('jaan'));
	await page.goto('/me?page=2&from=2020-02-30');
	await expect(page.getByRole('alert')).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

// Every citizen page in each interface language (the default, English, among them); the
// timeline once the browser has checked it, with a group line opened.
for (const lang of ['et', 'en', 'ru'] as const) {
	test(`the front page, the log’s page and the demo sign-in in ${lang}`, async ({ page }) => {
		for (const path of ['/', '/ledger', '/auth/demo']) {
			await page.goto(`${path}?lang=${lang}`);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			expect(await violations(page), `${path} in ${lang}`).toEqual([]);
		}
	});

	test(`the timeline in ${lang}, a group of automated uses opened, checked against the log`, async ({ page }) => {
		await signInAs(page, persona('jaan'));
		await page.goto(`/me?lang=${lang}`);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		// Checked in the browser against the signed log, and found whole.
		await expect(page.locator('section.ledger.ledger-ok .ledger-lines')).toBeVisible();
		await page.locator('tr.group summary').first().click();
		await expect(page.locator('tr.group details[open] table')).toBeVisible();
		expect(await violations(page)).toEqual([]);
	});
}

test('the timeline works with the keyboard alone and fits 320 px', async ({ page }) => {
	await signInAs(page, persona('jaan'));
	await page.setViewportSize({ width: 320, height: 800 });
	await page.goto('/me');
	// Tab to the first group line and open it with Enter.
	const summary = page.locator('tr.group summary').first();
	for (let i = 0; i < 80 && !(await summary.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(summary).toBeFocused();
	// Focus is visible: the outline is drawn.
	expect(await summary.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
	await page.keyboard.press('Enter');
	await expect(page.locator('tr.group details[open]').first()).toBeVisible();
	const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});
