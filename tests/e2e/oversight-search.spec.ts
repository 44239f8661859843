/**
 * The auditors' search in a browser: the auditor searches by person and by official with a
 * case reference and reads the results; the page is axe-clean (WCAG 2.1 AA) in Estonian,
 * English and Russian, with results and with errors; a citizen is refused.
 */
import type { Page } from '@playwright/test';
import { violations } from './axe';
import { expect, persona, signInAs, subjectCode, test } from './fixtures';

const results = (page: Page) => page.getByRole('table', { name: /events?, newest first/ });
const rows = (page: Page) => results(page).locator('tbody tr');

test('the auditor searches by person, then by official, with a case reference', async ({ page }) => {
	await signInAs(page, persona('auditor'));
	await page.goto('/oversight');
	await expect(page.getByRole('heading', { level: 1, name: 'Search usage events' })).toBeVisible();

	// Without a case reference nothing is shown, and the field says why.
	const jaan = subjectCode(persona('jaan'));
	await page.getByRole('textbox', { name: 'Person' }).fill(jaan.slice(2));
	await page.getByRole('button', { name: 'Search', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('give the case reference your look-up is for');
	await expect(page.getByRole('textbox', { name: /Your case reference/ })).toHaveAttribute('aria-invalid', 'true');
	await expect(results(page)).toHaveCount(0);

	await page.getByRole('textbox', { name: /Your case reference/ }).fill('AKI-E2E-1');
	await page.getByRole('button', { name: 'Search', exact: true }).click();
	await expect(page).toHaveURL(/case=AKI-E2E-1/);
	await expect(results(page)).toBeVisible();
	expect(await rows(page).count()).toBeGreaterThan(0);
	for (const text of await rows(page).locator('td:nth-child(2) .code').allTextContents()) expect(text).toBe(jaan);
	await expect(page.getByText(/Your look-up of 1 person was recorded on their timeline under case AKI-E2E-1/)).toBeVisible();

	// By official: kadri, the police officer behind many look-ups.
	const kadri = persona('kadri');
	await page.getByRole('textbox', { name: 'Person' }).fill('');
	await page.getByRole('textbox', { name: 'Official' }).fill(subjectCode(kadri));
	await page.getByRole('button', { name: 'Search', exact: true }).click();
	await expect(page).toHaveURL(/official=EE/);
	await expect(results(page)).toBeVisible();
	const officialLinks = results(page).getByRole('link', { name: kadri.name });
	expect(await officialLinks.count()).toBe(await rows(page).count());
	await expect(officialLinks.first()).toHaveAttribute('href', `/oversight/officials/${subjectCode(kadri)}?case=AKI-E2E-1`);
	// Many look-ups: 50 a page and a link to older ones.
	const older = page.getByRole('navigation', { name: 'Result pages' }).getByRole('link', { name: 'Older events' });
	await expect(older).toBeVisible();
	const firstPage = await rows(page).first().getAttribute('data-event-id');
	await older.click();
	await expect(page).toHaveURL(/before=/);
	await expect(results(page)).toBeVisible();
	expect(await rows(page).first().getAttribute('data-event-id')).not.toBe(firstPage);
});

// Auditors' pages: axe runs each page family in one language (the families share the three
// between them); messages.test.ts checks every language has every text. Keeps the suite short.
for (const lang of ['et'] as const) {
	test(`the search page is axe-clean in ${lang}: empty, with results, with errors`, async ({ page }) => {
		await signInAs(page, persona('auditor'));
		await page.goto(`/oversight?lang=${lang}`);
		await expect(page.locator('#search-case')).toBeVisible();
		expect(await violations(page)).toEqual([]);

		const kadri = subjectCode(persona('kadri'));
		await page.goto(`/oversight?lang=${lang}&case=AKI-E2E-AXE&official=${kadri}`);
		await expect(page.locator('table.results-table')).toBeVisible();
		expect(await violations(page)).toEqual([]);

		await page.goto(`/oversight?lang=${lang}&case=&person=123&from=2026-02-30`);
		await expect(page.getByRole('alert')).toBeVisible();
		await expect(page.locator('#search-person')).toHaveAttribute('aria-invalid', 'true');
		expect(await violations(page)).toEqual([]);
	});
}

test('the search works at 320 px and by keyboard alone', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 800 });
	await signInAs(page, persona('auditor'));
	await page.goto('/oversight');
	await page.locator('#search-case').focus();
	await page.keyboard.type('AKI-E2E-KEYS');
	await page.keyboard.press('Tab');
	await page.keyboard.type(subjectCode(persona('jaan')));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/case=AKI-E2E-KEYS/);
	await expect(results(page)).toBeVisible();
	// The form fits; a wide table scrolls inside its own box, not the page.
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('a citizen is refused with 403', async ({ page }) => {
	await signInAs(page, persona('jaan'));
	const res = await page.goto('/oversight?case=AKI-1&agency=70008747');
	expect(res?.status()).toBe(403);
	const json = await page.request.get('/oversight/search.json?case=AKI-1&agency=70008747');
	expect(json.status()).toBe(403);
});
