/**
 * Notifications end to end: a citizen chooses to hear about every use, by e-mail; an agency
 * sends an event through the API; the citizen finds it in the inbox, marked new, and exactly
 * one message is in the outbox. The settings and inbox pages pass axe-core in each language.
 */
import { ndjson, newAgencyCode, newEvent } from '../support/data';
import { readOutbox, waitFor } from '../support/outbox';
import { violations } from './axe';
import { expect, persona, signInAs, subjectCode, test } from './fixtures';

const jaan = persona('jaan');

test('every use by e-mail: an event sent through the API reaches the inbox and exactly one e-mail', async ({ page, server, request }) => {
	const email = `jaan.${Date.now()}@example.ee`;
	await signInAs(page, jaan);
	await page.goto('/me/notifications');
	await page.getByRole('radio', { name: 'Every new use' }).check();
	await page.getByRole('textbox', { name: 'E-mail address (optional)' }).fill(email);
	await page.getByRole('combobox', { name: 'Language of the messages' }).selectOption('en');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toHaveText('Your notification settings were saved.');
	await expect(page.getByRole('radio', { name: 'Every new use' })).toBeChecked();

	const agency = newAgencyCode();
	const key = await server.agencyKey(agency, { name: 'End-to-end Notification Board' });
	const event = newEvent(agency, subjectCode(jaan), { logged_at: new Date(Date.now() - 60_000).toISOString() });
	const res = await request.post('/api/v1/usage-events', {
		headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
		data: ndjson([event])
	});
	expect(res.status()).toBe(200);

	const mails = await waitFor('the e-mail', () => {
		const m = readOutbox(server.dataDir).filter((x) => x.to === email);
		return m.length > 0 ? m : undefined;
	});
	expect(mails).toHaveLength(1);
	expect(mails[0]!.subject).toBe('Peegel: A new use of your data');
	expect(mails[0]!.text).toContain('End-to-end Notification Board');

	// The inbox: the message, marked new on the visit that first shows it.
	const message = page.getByRole('article').filter({ hasText: 'End-to-end Notification Board' });
	await expect
		.poll(async () => {
			await page.goto('/me/inbox');
			return message.count();
		})
		.toBe(1);
	await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
	await expect(message.getByRole('heading', { level: 2 })).toHaveText(/New\s+A new use of your data/);
	// Seen now: the next visit shows it without the mark.
	await page.reload();
	await expect(message.getByRole('heading', { level: 2 })).toHaveText('A new use of your data');
	expect(readOutbox(server.dataDir).filter((x) => x.to === email)).toHaveLength(1);
});

test('the settings show errors beside their fields and keep what was typed', async ({ page }) => {
	await signInAs(page, jaan);
	await page.goto('/me/notifications');
	await page.getByRole('radio', { name: 'Only uses by agencies I choose' }).check();
	await page.getByRole('textbox', { name: 'E-mail address (optional)' }).fill('not an address');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('alert')).toContainText('Choose at least one agency');
	const emailField = page.getByRole('textbox', { name: 'E-mail address (optional)' });
	await expect(emailField).toHaveAttribute('aria-invalid', 'true');
	await expect(emailField).toHaveValue('not an address');
	await expect(emailField).toHaveAccessibleDescription(/Enter an e-mail address such as name@example.ee/);
	expect(await violations(page)).toEqual([]);
	// The error summary's link takes the keyboard to the field.
	await page.getByRole('alert').getByRole('link', { name: /Enter an e-mail address/ }).click();
	await expect(page).toHaveURL(/#notify-email$/);
});

test('the list of all agencies can be searched', async ({ page }) => {
	await signInAs(page, jaan);
	await page.goto('/me/notifications');
	await page.getByText(/^All agencies/).click();
	const search = page.getByRole('searchbox', { name: 'Search agencies' });
	await search.fill('Rescue');
	await expect(page.getByRole('checkbox', { name: /Rescue Board/ })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: /Statistics Estonia/ })).toBeHidden();
	await search.fill('no such agency at all');
	await expect(page.getByText('No agency matches the search.', { exact: true })).toBeVisible();
});

for (const lang of ['et', 'en', 'ru'] as const) {
	test(`axe-core finds nothing on the settings and the inbox (${lang})`, async ({ page }) => {
		await signInAs(page, jaan);
		await page.goto(`/me/notifications?lang=${lang}`);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await violations(page)).toEqual([]);
		await page.goto(`/me/inbox?lang=${lang}`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await violations(page)).toEqual([]);
	});
}
