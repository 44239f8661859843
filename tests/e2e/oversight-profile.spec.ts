/**
 * The official's profile (/oversight/officials/<code>) in the browser: the auditor opens
 * Kadri's profile (the demo's police officer with many look-ups), sees the heat map with
 * its summary and table, gives a case reference with the keyboard to see her recent events,
 * and every state of the page is axe-clean in Estonian, English and Russian and fits 320 px.
 */
import type { Page } from '@playwright/test';
import { ingest } from '../support/api';
import { isoMinutesAgo, newEvent, newSubject } from '../support/data';
import type { TestServer } from '../support/server';
import { violations } from './axe';
import { expect, persona, signInAs, subjectCode, test } from './fixtures';

const kadri = subjectCode(persona('kadri'));
const CHARTS = ['volume', 'heat', 'peers', 'purposes', 'systems'] as const;

/**
 * The demo's Police and Border Guard Board has one official, Kadri: two more officials'
 * look-ups there (once per server) give her peers to be compared with.
 */
const peersAdded = new WeakMap<TestServer, Promise<void>>();
function addPeers(server: TestServer): Promise<void> {
	let done = peersAdded.get(server);
	if (!done) {
		const police = persona('kadri').agency_code!;
		done = (async () => {
			const key = await server.agencyKey(police);
			const events = [newSubject(), newSubject(), newSubject()].flatMap((subject, i) => [
				newEvent(police, subject, { logged_at: isoMinutesAgo(60 * 24 * (10 + i)), actor_code: newSubject(1880), case_ref: `PPA-${i}` }),
				newEvent(police, subject, { logged_at: isoMinutesAgo(60 * 24 * (20 + i)), actor_code: newSubject(1881), case_ref: '' })
			]);
			const r = await ingest(server, key, events);
			if (r.status !== 200) throw new Error(`ingest: ${r.status} ${JSON.stringify(r.body)}`);
		})();
		peersAdded.set(server, done);
	}
	return done;
}

const section = (page: Page, id: string) => page.locator(`section[data-chart="${id}"]`);

async function openTables(page: Page): Promise<void> {
	for (const id of CHARTS) {
		const details = section(page, id).locator('details');
		if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
		await expect(details).toHaveAttribute('open', '');
	}
}

test('the auditor opens Kadri’s profile: heat map with summary and table, peers, and her events for a case', async ({ page, server }) => {
	test.setTimeout(180_000);
	await addPeers(server);
	await signInAs(page, persona('auditor'));
	await page.goto(`/oversight/officials/${kadri}?period=24m`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(persona('kadri').name);
	await expect(page.getByText('Senior inspector, Police and Border Guard Board')).toBeVisible();

	const heat = section(page, 'heat');
	const summary = await heat.locator('.summary').innerText();
	expect(summary).toMatch(/^[\d,]+ events; busiest: [A-Z][a-z]+day \d\d:00–\d\d:00, with [\d,]+; [\d,]+ \([\d.]+%\) outside office hours/);
	// The chart is one image named by its heading and summary; its cells are drawn in colour.
	await expect(heat.getByRole('img')).toHaveAccessibleName(`When: hour of day and day of week ${summary}`);
	await expect(heat.locator('svg rect')).toHaveCount(7 * 24 + 1);

	// The same numbers as a table, opened with the keyboard: 7 days × 24 hours.
	await heat.locator('details > summary').focus();
	await page.keyboard.press('Enter');
	const table = heat.getByRole('table', { name: /^Events by day of week and hour of day/ });
	await expect(table).toBeVisible();
	await expect(table.locator('tbody tr')).toHaveCount(7);
	await expect(table.locator('tbody tr').first().locator('td')).toHaveCount(24);
	await expect(table.getByRole('rowheader', { name: 'Monday' })).toBeVisible();
	await expect(table.getByRole('columnheader', { name: '09:00–10:00' })).toBeVisible();
	const cells = (await table.locator('td').allInnerTexts()).map((t) => Number(t.replace(/[^\d]/g, '')));
	const total = Number(summary.split(' ')[0]!.replace(/[^\d]/g, ''));
	expect(cells.reduce((a, b) => a + b, 0)).toBe(total);
	await expect(page.locator('[data-figure="events"] dd')).toHaveText(total.toLocaleString('en-GB'));

	await expect(section(page, 'peers').locator('.summary')).toHaveText('Peers: the 6 other officials of Police and Border Guard Board with events in the same period.');
	await expect(section(page, 'peers').getByRole('img')).toHaveCount(3);

	// No person is named until a case reference is given; the form is used with the keyboard.
	const recent = page.locator('section[data-section="recent"]');
	await expect(recent.getByRole('table')).toHaveCount(0);
	await recent.getByRole('textbox', { name: 'Case reference' }).focus();
	await page.keyboard.type('AKI-E2E-1');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/[?&]case=AKI-E2E-1/);
	const events = recent.getByRole('table', { name: /^The official’s most recent events/ });
	await expect(events).toBeVisible();
	await expect(recent.getByRole('status')).toContainText('Shown for case AKI-E2E-1');
	const firstPerson = events.locator('tbody tr').first().getByRole('link');
	await expect(firstPerson).toHaveAttribute('href', /^\/oversight\?person=EE\d{11}&case=AKI-E2E-1$/);
	expect(await violations(page)).toEqual([]);
});

// Auditors' pages: axe runs each page family in one language (the families share the three
// between them); messages.test.ts checks every language has every text. Keeps the suite short.
for (const lang of ['en'] as const) {
	test(`axe-core finds no violations on Kadri’s profile in ${lang}, tables open`, async ({ page, server }) => {
		await addPeers(server);
		await signInAs(page, persona('auditor'));
		await page.goto(`/oversight/officials/${kadri}?lang=${lang}&by=week`);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await openTables(page);
		expect(await violations(page)).toEqual([]);
	});
}

test('axe-core finds no violations with a bad case reference and a period error', async ({ page }) => {
	await signInAs(page, persona('auditor'));
	await page.goto(`/oversight/officials/${kadri}?lang=en&period=custom&from=2026-13&case=%23`);
	await expect(page.getByRole('alert')).toHaveCount(2);
	await expect(page.getByRole('textbox', { name: 'Case reference' })).toHaveAttribute('aria-invalid', 'true');
	expect(await violations(page)).toEqual([]);
});

test('at 320 px wide the profile does not scroll sideways and chart labels stay inside their charts', async ({ page, server }) => {
	test.setTimeout(180_000);
	await addPeers(server);
	await signInAs(page, persona('auditor'));
	await page.setViewportSize({ width: 320, height: 800 });
	for (const lang of ['et', 'en', 'ru']) {
		await page.goto(`/oversight/officials/${kadri}?lang=${lang}&period=24m&case=AKI-E2E-320`);
		await openTables(page);
		const { scrollWidth, clientWidth } = await page.evaluate(() => ({
			scrollWidth: document.scrollingElement!.scrollWidth,
			clientWidth: document.scrollingElement!.clientWidth
		}));
		expect(scrollWidth, lang).toBeLessThanOrEqual(clientWidth);
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
		const width = await section(page, 'heat').locator('svg').evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width);
		expect(width).toBeLessThanOrEqual(320);
	}
});
