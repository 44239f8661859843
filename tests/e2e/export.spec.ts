/**
 * The citizen's export in a real browser: the CSV downloaded from /me/export.csv holds the
 * timeline's events, in the timeline's order, with the same times.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { parseCsv } from '../support/csv';
import { eventIds, expect, persona, signInAs, test, timelineRows } from './fixtures';

const jaan = persona('jaan');

async function rowTimes(page: Page): Promise<string[]> {
	return timelineRows(page).locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
}

test('the CSV download matches the timeline on /me', async ({ page }) => {
	await signInAs(page, jaan);
	// One use per line, so the rows are the uses in the export's order.
	await page.goto('/me?each=1');
	const ids = await eventIds(page);
	const times = await rowTimes(page);
	expect(ids.length).toBeGreaterThan(10);

	// The link under the summary downloads the file rather than showing it.
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download all as CSV' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^peegel-\d{4}-\d{2}-\d{2}\.csv$/);
	const bytes = await readFile((await download.path())!);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

	const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
	const column = (name: string) => header!.indexOf(name);
	expect(column('event_id')).toBe(0);
	// The whole history: at least the first page, and more when the timeline has more pages.
	expect(rows.length).toBeGreaterThanOrEqual(ids.length);
	const first = rows.slice(0, ids.length);
	expect(first.map((r) => r[column('event_id')])).toEqual(ids);
	expect(first.map((r) => r[column('time_utc')])).toEqual(times);
	// Rows the timeline withholds are withheld in the file too.
	const withheld = await timelineRows(page)
		.and(page.locator('.restricted'))
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')));
	for (const id of withheld) {
		const row = rows.find((r) => r[column('event_id')] === id)!;
		expect(row[column('restricted')]).toBe('true');
		expect(row[column('agency_code')]).toBe('');
	}
});
