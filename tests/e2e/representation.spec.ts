/**
 * A parent viewing a minor child's records: Mari switches to her child with the keyboard
 * alone, the banner says whose records these are and when her access ends, the timeline
 * shows the child's events (not hers), and she switches back. axe-core finds nothing with the
 * banner shown, in Estonian, English and Russian.
 */
import type { Locator, Page } from '@playwright/test';
import { formatIsoDate } from '../../src/lib/format';
import type { Locale } from '../../src/lib/i18n/locales';
import { translator } from '../../src/lib/i18n/translator';
import { eighteenthBirthday } from '../../src/lib/server/auth/representation-rules';
import { generateReference, MIN_PEOPLE } from '../../src/lib/server/seed/reference';
import { ingest } from '../support/api';
import { newAgencyCode, newEvent } from '../support/data';
import type { TestServer } from '../support/server';
import { violations } from './axe';
import { DEMO_SEED, expect, persona, signInAs, subjectCode, test } from './fixtures';

const mari = persona('mari');
// The persona households come first in the register, so their rows do not depend on its size.
const childRow = generateReference({ people: MIN_PEOPLE, seed: DEMO_SEED }).people.find((p) => p.personal_code === mari.child_code)!;
const CHILD = `EE${childRow.personal_code}`;
const CHILD_NAME = `${childRow.first_name} ${childRow.last_name}`;
const ACCESS_ENDS = eighteenthBirthday(childRow.birth_date);

/** Press Tab until `target` has the focus (as a keyboard user would), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error(`Tab never reached ${target}`);
}

const banner = (page: Page, locale: Locale = 'en') => page.getByRole('region', { name: translator(locale).t('representation.banner.label') });

/** One event for Mari and one for her child, newer than all seeded ones (so on page 1). */
async function markerEvents(server: TestServer) {
	const agency = newAgencyCode();
	const key = await server.agencyKey(agency);
	const logged_at = new Date(Date.now() - 1000).toISOString();
	const own = newEvent(agency, subjectCode(mari), { logged_at, action: 'E2E representation: Mari’s own event' });
	const child = newEvent(agency, CHILD, { logged_at, action: 'E2E representation: the child’s event' });
	const r = await ingest(server, key, [own, child]);
	expect(r.status).toBe(200);
	return { own: own.event_id as string, child: child.event_id as string };
}

test('Mari switches to her child with the keyboard, sees the child’s events under a banner, and switches back', async ({ page, server }) => {
	const ids = await markerEvents(server);
	await signInAs(page, mari);
	const row = (id: string) => page.locator(`[data-event-id="${id}"]`);
	await expect(row(ids.own)).toHaveCount(1);
	await expect(banner(page)).toHaveCount(0);

	const switcher = page.getByRole('group', { name: 'Whose records to show' });
	await expect(switcher.getByRole('button', { name: /My own records/ })).toHaveAttribute('aria-current', 'true');
	const toChild = switcher.getByRole('button', { name: `${CHILD_NAME}, your child` });
	await page.locator('body').focus();
	await tabTo(page, toChild);
	await page.keyboard.press('Enter');

	await expect(page).toHaveURL(/\/me$/);
	await expect(banner(page)).toContainText(`You are viewing the records of ${CHILD_NAME}, your child. Your access ends on ${formatIsoDate(ACCESS_ENDS, 'en')}.`);
	await expect(row(ids.child)).toHaveCount(1);
	await expect(row(ids.own)).toHaveCount(0);
	await expect(page.getByRole('group', { name: 'Whose records to show' }).getByRole('button', { name: new RegExp(CHILD_NAME) })).toHaveAttribute('aria-current', 'true');
	// Who is signed in does not change: the header still names Mari.
	await expect(page.getByRole('banner')).toContainText(mari.name);

	const back = banner(page).getByRole('button', { name: 'Back to my own records' });
	await page.locator('body').focus();
	await tabTo(page, back);
	await page.keyboard.press('Enter');

	await expect(page).toHaveURL(/\/me$/);
	await expect(banner(page)).toHaveCount(0);
	await expect(row(ids.own)).toHaveCount(1);
	await expect(row(ids.child)).toHaveCount(0);
});

test('the switch page explains representation and lists the child', async ({ page }) => {
	await signInAs(page, mari);
	await page.goto('/me/person');
	await expect(page.getByRole('heading', { level: 1, name: 'Whose records' })).toBeVisible();
	await expect(page.getByRole('button', { name: `${CHILD_NAME}, your child` })).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

for (const locale of ['et', 'en', 'ru'] as const) {
	test(`axe-core finds nothing on /me with the banner shown (${locale})`, async ({ page }) => {
		await signInAs(page, mari);
		await page.goto('/me/person');
		await page.getByRole('button', { name: `${CHILD_NAME}, your child` }).click();
		await expect(banner(page)).toBeVisible();
		await page.goto(`/me?lang=${locale}`);
		const t = translator(locale);
		await expect(banner(page, locale)).toContainText(t.t('representation.banner.text', { name: CHILD_NAME, date: t.isoDate(ACCESS_ENDS) }));
		await expect(banner(page, locale).getByRole('button', { name: t.t('representation.banner.back') })).toBeVisible();
		expect(await violations(page)).toEqual([]);
		// At 320 px wide the banner and its button stay within the screen.
		await page.setViewportSize({ width: 320, height: 800 });
		for (const part of [banner(page, locale), banner(page, locale).getByRole('button')]) {
			const box = (await part.boundingBox())!;
			expect(box.x + box.width).toBeLessThanOrEqual(320);
		}
	});
}
