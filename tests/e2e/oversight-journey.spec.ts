/**
 * The oversight journey in two browsers: a citizen flags a use of their data → the case
 * appears in the auditor's list → the auditor takes it, investigates and closes it with an
 * outcome → the citizen sees the outcome on "My flags", and the auditor's review of the
 * case on their timeline as a use by the Data Protection Inspectorate. Then axe-core
 * (WCAG 2.1 AA) on the case list and a case page, in Estonian, English and Russian.
 */
import type { Browser, Page } from '@playwright/test';
import type { TestServer } from '../support/server';
import { violations } from './axe';
import { eventIds, expect, persona, signInAs, subjectCode, test, timeline } from './fixtures';

// Two browsers and several axe runs per test, on a machine other test runs share.
test.describe.configure({ timeout: 180_000 });

/** A second browser, signed in as the auditor. */
async function auditorPage(browser: Browser, server: TestServer): Promise<Page> {
	const context = await browser.newContext({ baseURL: server.url });
	const page = await context.newPage();
	await signInAs(page, persona('auditor'));
	return page;
}

/** A citizen's flag on their newest use, through the pages; the case id "My flags" shows. */
async function flagNewestUse(page: Page, comment: string): Promise<{ eventId: string; caseId: string }> {
	await page.goto('/me');
	await expect(timeline(page)).toBeVisible();
	const [eventId] = await eventIds(page);
	await page.goto(`/me/flag/${eventId}`);
	await page.getByRole('radio', { name: 'I don’t recognise this' }).check();
	await page.getByRole('textbox', { name: 'Comment' }).fill(comment);
	await page.getByRole('button', { name: 'Send the flag' }).click();
	await expect(page).toHaveURL(/\/me\/flags\?flagged=/);
	const item = page.locator(`[data-event-id="${eventId}"]`).first();
	await expect(item).toHaveAttribute('data-case-state', 'new');
	return { eventId: eventId!, caseId: (await item.getAttribute('data-case-id'))! };
}

test('a flag becomes a case the auditor investigates and closes; the citizen sees the outcome and the review', async ({ page, browser, server }) => {
	await signInAs(page, persona('agency'));
	const { eventId, caseId } = await flagNewestUse(page, 'I was in hospital that week.');

	// The auditor finds the new, unassigned case in the list.
	const auditor = await auditorPage(browser, server);
	await auditor.goto('/oversight/cases');
	await auditor.getByRole('combobox', { name: 'State' }).selectOption('new');
	await auditor.getByRole('combobox', { name: 'Assignee' }).selectOption('nobody');
	await auditor.getByRole('button', { name: 'Show' }).click();
	await expect(auditor).toHaveURL(/state=new/);
	const row = auditor.locator(`tr[data-case-id="${caseId}"]`);
	await expect(row).toContainText('Citizen’s flag');
	await row.getByRole('link').click();
	await expect(auditor).toHaveURL(new RegExp(`/oversight/cases/${caseId}$`));
	await expect(auditor.getByRole('heading', { level: 1 })).toContainText(caseId.slice(0, 8));
	await expect(auditor.getByRole('table', { name: 'Flags in this case, oldest first' })).toContainText('I was in hospital that week.');
	await expect(auditor.locator(`tr[data-event-id="${eventId}"]`)).toContainText('The case’s event');

	// Takes it, investigates, closes it with an outcome.
	await auditor.getByRole('button', { name: 'Take the case' }).click();
	await expect(auditor.getByRole('status')).toContainText('The case was updated.');
	await expect(auditor.locator('[data-case-assignee]')).toHaveAttribute('data-case-assignee', subjectCode(persona('auditor')));
	await auditor.getByRole('radio', { name: 'Investigating: start the investigation' }).check();
	await auditor.getByRole('textbox', { name: 'Note (optional)' }).fill('Asked the agency for its case file.');
	await auditor.getByRole('button', { name: 'Record the step' }).click();
	await expect(auditor.locator('[data-case-state]')).toHaveAttribute('data-case-state', 'investigating');

	// Closing without an outcome is refused, next to the field.
	await auditor.getByRole('radio', { name: 'Closed: close the case with an outcome' }).check();
	await auditor.getByRole('button', { name: 'Record the step' }).click();
	await expect(auditor.getByRole('alert')).toContainText('Choose an outcome to close the case.');
	await expect(auditor.getByRole('alert')).toBeFocused();
	await auditor.getByRole('radio', { name: 'Closed: close the case with an outcome' }).check();
	await auditor.getByRole('radio', { name: 'Misuse', exact: true }).check();
	await auditor.getByRole('textbox', { name: 'Note (optional)' }).fill('No case file: the look-up had no reason.');
	await auditor.getByRole('textbox', { name: 'Note to the person (optional)' }).fill('The official had no reason to look you up; their agency has been told.');
	await auditor.getByRole('button', { name: 'Record the step' }).click();
	await expect(auditor.locator('[data-case-state]')).toHaveAttribute('data-case-state', 'closed');
	await expect(auditor.locator('[data-case-outcome]')).toHaveAttribute('data-case-outcome', 'misuse');
	await expect(auditor.getByRole('table', { name: 'Every change of the case, oldest first' }).locator('tbody tr')).toHaveCount(4);
	await expect(auditor.getByText('This case is closed and cannot change.')).toBeVisible();

	// The citizen sees the outcome…
	await page.goto('/me/flags');
	const item = page.locator(`[data-event-id="${eventId}"]`).first();
	await expect(item).toHaveAttribute('data-case-state', 'closed');
	await expect(item).toContainText('Misuse found');
	await expect(item).toContainText('The official had no reason to look you up; their agency has been told.');
	// …and the auditor's review of the case as a use of their data by the inspectorate.
	await page.goto('/me');
	await expect(timeline(page)).toBeVisible();
	const review = timeline(page).locator('[data-event-id]').filter({ hasText: 'Supervising how authorities use your data' }).first();
	await expect(review).toContainText('Data Protection Inspectorate');
	await auditor.context().close();
});

// Auditors' pages: axe runs each page family in one language (the families share the three
// between them); messages.test.ts checks every language has every text. Keeps the suite short.
for (const lang of ['et'] as const) {
	test(`the case list and a case page are accessible (${lang})`, async ({ page, browser, server }) => {
		await signInAs(page, persona('jaan'));
		const { caseId } = await flagNewestUse(page, `Accessibility check ${lang}.`);
		const auditor = await auditorPage(browser, server);

		await auditor.goto(`/oversight/cases?lang=${lang}`);
		await expect(auditor.locator('html')).toHaveAttribute('lang', lang);
		await expect(auditor.locator(`tr[data-case-id="${caseId}"]`)).toBeVisible();
		expect(await violations(auditor)).toEqual([]);

		// With a filter error shown.
		await auditor.goto(`/oversight/cases?lang=${lang}&from=2026-02-30`);
		await expect(auditor.locator('#filter-from')).toHaveAttribute('aria-invalid', 'true');
		expect(await violations(auditor)).toEqual([]);

		await auditor.goto(`/oversight/cases/${caseId}?lang=${lang}`);
		await expect(auditor.locator('html')).toHaveAttribute('lang', lang);
		await expect(auditor.locator('[data-case-state]')).toBeVisible();
		expect(await violations(auditor)).toEqual([]);

		// With a form error shown: a note with nothing in it.
		await auditor.locator('form[action="?/note"] button[type=submit]').click();
		await expect(auditor.locator('#note-note')).toHaveAttribute('aria-invalid', 'true');
		expect(await violations(auditor)).toEqual([]);
		await auditor.context().close();
	});
}

test('a case page works at 320 px width', async ({ page, browser, server }) => {
	await signInAs(page, persona('analyst'));
	const { caseId } = await flagNewestUse(page, 'Narrow screen.');
	const auditor = await auditorPage(browser, server);
	await auditor.setViewportSize({ width: 320, height: 640 });
	for (const url of ['/oversight/cases', `/oversight/cases/${caseId}`]) {
		await auditor.goto(url);
		const overflow = await auditor.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, url).toBeLessThanOrEqual(0);
	}
	await auditor.context().close();
});
