/**
 * The citizen's overview (/me/overview): three charts, each with a text summary naming it
 * and a table with the same numbers; a period selector used with the keyboard alone; no
 * axe-core violations in Estonian, English and Russian; no sideways scrolling at 320 px.
 */
import type { Page } from '@playwright/test';
import { violations } from './axe';
import { expect, persona, signInAs, test } from './fixtures';

const jaan = persona('jaan');
const CHARTS = ['monthly', 'agencies', 'systems'] as const;

const section = (page: Page, id: (typeof CHARTS)[number]) => page.locator(`section[data-chart="${id}"]`);

/** Open every "Show as a table" toggle (with the keyboard), so the tables are shown and checked too. */
async function openTables(page: Page): Promise<void> {
	for (const id of CHARTS) {
		const toggle = section(page, id).locator('details > summary');
		await toggle.focus();
		await page.keyboard.press('Enter');
		await expect(section(page, id).locator('details')).toHaveAttribute('open', '');
	}
}

const count = (s: string) => Number(s.replace(/[^\d]/g, ''));

test('jaan’s overview: three charts, each named by its summary, with a table of the same numbers', async ({ page }) => {
	await signInAs(page, jaan);
	await page.goto('/me/overview');
	await expect(page.getByRole('heading', { level: 1, name: 'Overview of the uses of your data' })).toBeVisible();

	const monthlySummary = await section(page, 'monthly').locator('.summary').innerText();
	expect(monthlySummary).toMatch(/^[\d,]+ uses? in the last 12 months; most by .+ \([\d,]+\); busiest month: [A-Z][a-z]+ \d{4} with [\d,]+/);
	await expect(section(page, 'agencies').locator('.summary')).toHaveText(/^[\d,]+ agenc(y|ies) used your data in the last 12 months; the most: .+ with [\d,]+/);
	await expect(section(page, 'systems').locator('.summary')).toHaveText(/^[\d,]+ information systems? processed your data in the last 12 months; the most: .+ with [\d,]+/);

	for (const id of CHARTS) {
		const title = await section(page, id).getByRole('heading', { level: 2 }).innerText();
		const summary = await section(page, id).locator('.summary').innerText();
		// The chart is one image whose accessible name is its heading and its summary.
		await expect(section(page, id).getByRole('img')).toHaveAccessibleName(`${title} ${summary}`);
		await expect(section(page, id).getByRole('table')).toBeHidden();
	}
	await expect(section(page, 'monthly').locator('.legend li').first()).toBeVisible();

	await openTables(page);
	const monthly = section(page, 'monthly').getByRole('table', { name: 'Uses of your data per month, by agency' });
	await expect(monthly).toBeVisible();
	await expect(monthly.locator('tbody tr')).toHaveCount(12);
	await expect(monthly.getByRole('columnheader', { name: 'Month' })).toBeVisible();
	// The table adds up to the summary's total, and its busiest month is the summary's.
	const totals = (await monthly.locator('td[data-series="total"]').allInnerTexts()).map(count);
	expect(totals.reduce((a, b) => a + b, 0)).toBe(count(monthlySummary.split(' ')[0]!));
	const busiest = totals.indexOf(Math.max(...totals));
	const busiestMonth = await monthly.locator('tbody tr').nth(busiest).getByRole('rowheader').innerText();
	expect(monthlySummary).toContain(`busiest month: ${busiestMonth} with ${Math.max(...totals).toLocaleString('en-GB')}`);

	const agencies = section(page, 'agencies').getByRole('table', { name: 'Agencies that used your data the most, with their number of uses' });
	await expect(agencies).toBeVisible();
	const top = await agencies.locator('tbody tr').first().innerText();
	expect(top.length).toBeGreaterThan(0);
	const systems = section(page, 'systems').getByRole('table', { name: /^Information systems that processed your data the most/ });
	await expect(systems.locator('tbody tr').first()).toBeVisible();
	await expect(systems.getByRole('columnheader', { name: 'Information system' })).toBeVisible();
});

test('the period selector works with the keyboard alone', async ({ page }) => {
	await signInAs(page, jaan);
	await page.goto('/me/overview');

	// Into the radio group from the link before it; arrow keys choose; Enter on the button submits.
	await page.getByRole('link', { name: 'See each use in the list' }).focus();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('radio', { name: 'Last 12 months' })).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: 'Last 2 years' })).toBeChecked();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('textbox', { name: 'From month' })).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Show' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/[?&]period=24m/);
	await expect(section(page, 'monthly').locator('.summary')).toContainText('in the last 2 years');
	await expect(page.getByRole('radio', { name: 'Last 2 years' })).toBeChecked();

	// Chosen months: pick the choice, type the months, Enter in the field submits.
	await page.getByRole('radio', { name: 'Last 2 years' }).focus();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(page.getByRole('radio', { name: 'Chosen months' })).toBeChecked();
	await page.keyboard.press('Tab');
	await page.keyboard.type('2026-01');
	await page.keyboard.press('Tab');
	await page.keyboard.type('2026-06');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/period=custom&from=2026-01&to=2026-06/);
	await expect(section(page, 'monthly').locator('.summary')).toContainText('from January 2026 to June 2026');
	await openTables(page);
	await expect(section(page, 'monthly').locator('tbody tr')).toHaveCount(6);

	// A mistake is reported naming the field, and its link leads to the field.
	await page.getByRole('textbox', { name: 'To month' }).fill('June');
	await page.getByRole('textbox', { name: 'To month' }).press('Enter');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('To month: must be a month written YYYY-MM');
	await expect(page.getByRole('textbox', { name: 'To month' })).toHaveAttribute('aria-invalid', 'true');
	await alert.getByRole('link', { name: 'To month' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('textbox', { name: 'To month' })).toBeFocused();
});

for (const lang of ['et', 'en', 'ru'] as const) {
	test(`axe-core finds no violations on the overview in ${lang}, tables open`, async ({ page }) => {
		await signInAs(page, jaan);
		await page.goto(`/me/overview?lang=${lang}&period=24m`);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await openTables(page);
		expect(await violations(page)).toEqual([]);
	});
}

test('axe-core finds no violations with a period error', async ({ page }) => {
	await signInAs(page, jaan);
	await page.goto('/me/overview?lang=en&period=custom&from=2026-13&to=x');
	await expect(page.getByRole('alert')).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

test('at 320 px wide the page does not scroll sideways and chart labels stay inside their charts', async ({ page }) => {
	await signInAs(page, jaan);
	await page.setViewportSize({ width: 320, height: 800 });
	for (const lang of ['et', 'en', 'ru']) {
		await page.goto(`/me/overview?lang=${lang}&period=all`);
		await openTables(page);
		const { scrollWidth, clientWidth } = await page.evaluate(() => ({
			scrollWidth: document.scrollingElement!.scrollWidth,
			clientWidth: document.scrollingElement!.clientWidth
		}));
		expect(scrollWidth, lang).toBeLessThanOrEqual(clientWidth);
		// Every label of every chart lies within the chart's drawing area.
		const outside = await page.evaluate(() =>
			[...document.querySelectorAll('section[data-chart] svg')].flatMap((svg) => {
				const box = (svg as SVGSVGElement).viewBox.baseVal;
				return [...svg.querySelectorAll('text')]
					.map((t) => ({ text: t.textContent, b: (t as SVGTextElement).getBBox() }))
					.filter(({ b }) => b.x < -0.5 || b.x + b.width > box.width + 0.5)
					.map(({ text, b }) => `${text}: ${b.x.toFixed(1)}..${(b.x + b.width).toFixed(1)} of ${box.width}`);
			})
		);
		expect(outside, lang).toEqual([]);
		// The charts are drawn at the width they have, not shrunk from a wider one.
		const width = await section(page, 'monthly').locator('svg').evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width);
		expect(width).toBeLessThanOrEqual(320);
	}
});
