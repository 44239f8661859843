/**
 * Flagging a use of one's data in the browser: from a timeline row to the flag form, the
 * form's errors, and "My flags" with the new flag's status; axe-core (WCAG 2.1 AA) on the
 * form with an error shown and on /me/flags, in Estonian, English and Russian.
 */
import type { Page } from '@playwright/test';
import type { TestServer } from '../support/server';
import { violations } from './axe';
import { eventIds, expect, persona, signInAs, test, timeline } from './fixtures';

const LANGS = ['et', 'en', 'ru'] as const;

/** The id of the first use on the signed-in person's timeline. */
async function firstEventId(page: Page): Promise<string> {
	await page.goto('/me');
	await expect(timeline(page)).toBeVisible();
	const [id] = await eventIds(page);
	expect(id).toBeTruthy();
	return id!;
}

/**
 * The id of the first use on jaan's timeline, read over HTTP: the accessibility checks of
 * the flag pages need an event, not the timeline's in-browser log check.
 */
async function jaansFirstEventId(server: TestServer): Promise<string> {
	const cookie = await server.signIn('jaan');
	const html = await (await fetch(`${server.url}/me`, { headers: { cookie } })).text();
	const id = /data-event-id="([0-9a-f-]{36})"/.exec(html)?.[1];
	expect(id).toBeTruthy();
	return id!;
}

/** An "I don’t recognise this" flag sent from the event’s flag page; lands on /me/flags. */
async function sendFlag(page: Page, eventId: string, comment: string): Promise<void> {
	await page.goto(`/me/flag/${eventId}?lang=en`);
	await page.getByRole('radio', { name: 'I don’t recognise this' }).check();
	await page.getByRole('textbox', { name: 'Comment' }).fill(comment);
	await page.getByRole('button', { name: 'Send the flag' }).click();
	await expect(page).toHaveURL(/\/me\/flags\?flagged=/);
}

test('a citizen flags a use of their data and sees the flag on "My flags" with status new', async ({ page }) => {
	await signInAs(page, persona('jaan'));
	const eventId = await firstEventId(page);

	await page.goto(`/me/flag/${eventId}`);
	await expect(page.getByRole('heading', { level: 1, name: 'Flag a use of your data' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'The use you are flagging' })).toContainText('When');

	// Nothing chosen: the form says what is missing, next to the field and in the summary.
	await page.getByRole('button', { name: 'Send the flag' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Choose what is wrong with this use.');
	await expect(summary).toBeFocused();
	await summary.getByRole('link', { name: 'Choose what is wrong with this use.' }).click();
	await expect(page.getByRole('radio', { name: 'I don’t recognise this' })).toBeFocused();

	await page.getByRole('radio', { name: 'I don’t recognise this' }).check();
	await page.getByRole('textbox', { name: 'Comment' }).fill('I was abroad that day.');
	await page.getByRole('button', { name: 'Send the flag' }).click();

	await expect(page).toHaveURL(/\/me\/flags\?flagged=/);
	await expect(page.getByRole('heading', { level: 1, name: 'My flags' })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('Your flag has been received and stored');
	const item = page.locator(`[data-event-id="${eventId}"]`).first();
	await expect(item).toHaveAttribute('data-case-state', 'new');
	await expect(item).toContainText('New: waiting for the oversight body');
	await expect(item).toContainText('You don’t recognise this use');
	await expect(item).toContainText('I was abroad that day.');
	await expect(item.getByRole('link', { name: /Show this use on your timeline/ })).toHaveAttribute('href', new RegExp(`#event-${eventId}$`));
});

for (const lang of LANGS) {
	test(`"My flags" before any flag explains what flags are for, accessibly (${lang})`, async ({ page }) => {
		await signInAs(page, persona('kadri'));
		await page.goto(`/me/flags?lang=${lang}`);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.locator('.empty')).toBeVisible();
		await expect(page.locator('.empty a')).toHaveAttribute('href', '/me');
		expect(await violations(page)).toEqual([]);
	});

	test(`the flag form with an error shown is accessible (${lang})`, async ({ page, server }) => {
		const eventId = await jaansFirstEventId(server);
		await signInAs(page, persona('jaan'));
		await page.goto(`/me/flag/${eventId}?lang=${lang}`);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		// "Not justified" without a comment: an error on the comment field.
		await page.locator('#flag-kind-unjustified').check();
		await page.locator('form.flag-form button[type=submit]').click();
		await expect(page.getByRole('alert')).toBeVisible();
		await expect(page.locator('#flag-comment')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#flag-comment')).toHaveAttribute('aria-describedby', 'flag-comment-hint flag-comment-error');
		expect(await violations(page)).toEqual([]);
	});

	test(`"My flags" with a flag is accessible (${lang})`, async ({ page, server }) => {
		const eventId = await jaansFirstEventId(server);
		await signInAs(page, persona('jaan'));
		await sendFlag(page, eventId, 'Checking the list.');
		await page.goto(`/me/flags?lang=${lang}`);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.locator('[data-flag-id]').first()).toBeVisible();
		expect(await violations(page)).toEqual([]);
	});
}

test('the flag form works at 320 px width with the keyboard alone', async ({ page, server }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	const eventId = await jaansFirstEventId(server);
	await signInAs(page, persona('jaan'));
	await page.goto(`/me/flag/${eventId}?lang=en`);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await page.getByRole('radio', { name: 'I don’t recognise this' }).focus();
	await page.keyboard.press('Space');
	await expect(page.getByRole('radio', { name: 'I don’t recognise this' })).toBeChecked();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('textbox', { name: 'Comment' })).toBeFocused();
	await page.keyboard.type('Typed with the keyboard.');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Send the flag' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/me\/flags\?flagged=/);
	await expect(page.locator(`[data-event-id="${eventId}"]`).first()).toContainText('Typed with the keyboard.');
});
