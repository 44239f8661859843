/**
 * The auditor's alerts and protected list in a browser: triage an alert from the queue,
 * put a person on the protected list, and axe-core finds nothing on either in Estonian,
 * English and Russian. The demo server of this file gets two alerts written as detection
 * writes them, naming real stored look-ups of the demo data (detection itself is another
 * module's work: these tests must not depend on what it finds).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { alertRow, writeAlerts } from '../support/alerts';
import { copyDemoTemplate } from '../support/demo-template';
import { startTestServer, type TestServer } from '../support/server';
import { violations } from './axe';
import { DEMO_ENV, expect, persona, signInAs, subjectCode, test as base } from './fixtures';

interface PlantedAlerts {
	/** The relative-lookup alert: one official's look-up of one person. */
	relative: { id: string; eventId: string; official: string; person: string };
	/** The off-hours alert: three look-ups by one official. */
	offHours: { id: string };
}

/** Set by this worker's server fixture once the alerts are written. */
let planted: PlantedAlerts | null = null;

const test = base.extend<{ alerts: PlantedAlerts }, { server: TestServer }>({
	alerts: async ({ server }, use) => {
		expect(server.url).toBeTruthy();
		await use(planted!);
	},
	server: [
		async ({}, use) => {
			const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-e2e-alerts-'));
			// This worker process writes to the server's database while the server is stopped.
			process.env.PEEGEL_DATA_DIR = dataDir;
			delete process.env.CLICKHOUSE_URL;
			// The run's seeded demo data (global-setup.ts); without it, a first start seeds it.
			if (!copyDemoTemplate({ ...process.env, ...DEMO_ENV }, dataDir)) {
				await (await startTestServer(DEMO_ENV, { dataDir })).stop({ keepData: true });
			}

			const { queryRows } = await import('../../src/lib/server/db/query');
			const manual = await queryRows(
				`SELECT toString(event_id) AS event_id, subject_code, actor_code, agency_code, toString(logged_at) AS logged_at
				 FROM usage_event WHERE actor_code != '' AND actor_code != subject_code ORDER BY actor_code, logged_at DESC LIMIT 4`,
				{},
				z.object({ event_id: z.string(), subject_code: z.string(), actor_code: z.string(), agency_code: z.string(), logged_at: z.string() })
			);
			const evidence = manual.map((e) => ({ event_id: e.event_id, subject_code: e.subject_code, logged_at: `${e.logged_at.replace(' ', 'T')}Z` }));
			const [first, ...rest] = manual;
			const relative = alertRow({
				rule: 'relative-lookup',
				severity: 'high',
				actor_code: first!.actor_code,
				agency_code: first!.agency_code,
				subject_code: first!.subject_code,
				events: [evidence[0]!],
				detail: { link: 'household' }
			});
			const offHours = alertRow({
				rule: 'off-hours',
				severity: 'low',
				actor_code: rest[0]!.actor_code,
				agency_code: rest[0]!.agency_code,
				subject_code: '',
				events: evidence.slice(1).filter((_, i) => rest[i]!.actor_code === rest[0]!.actor_code),
				detail: { usual_share: 0.02, count: 3 },
				detected_at: new Date(Date.now() - 60_000).toISOString()
			});
			await writeAlerts([relative, offHours]);

			const server = await startTestServer(DEMO_ENV, { dataDir });
			planted = {
				relative: { id: relative.alert_id, eventId: first!.event_id, official: first!.actor_code, person: first!.subject_code },
				offHours: { id: offHours.alert_id }
			};
			try {
				await use(server);
			} finally {
				await server.stop();
				rmSync(dataDir, { recursive: true, force: true });
			}
		},
		{ scope: 'worker', timeout: 300_000 }
	]
});

test('an auditor triages an alert from the queue', async ({ page, alerts }) => {
	await signInAs(page, persona('auditor'));
	await page.goto('/oversight/alerts');
	await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
	// Filter to the rule, then open the alert from the queue.
	await page.getByLabel('Rule', { exact: true }).selectOption('relative-lookup');
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/rule=relative-lookup/);
	const row = page.locator(`tr[data-alert-id="${alerts.relative.id}"]`);
	await expect(row).toContainText('Relative looked up');
	await expect(row).toContainText('High');
	await expect(row).toContainText('Not triaged');
	await row.getByRole('link').first().click();

	await expect(page.getByRole('heading', { level: 1, name: 'Alert: Relative looked up' })).toBeVisible();
	const evidence = page.getByRole('table', { name: /1 event/ });
	await expect(evidence.locator(`tr[data-event-id="${alerts.relative.eventId}"]`)).toBeVisible();
	await expect(evidence.getByRole('link', { name: /.+/ }).nth(1)).toHaveAttribute('href', `/oversight/officials/${alerts.relative.official}?case=AKI-ALERT-${alerts.relative.id}`);

	// A reason too short is refused, with the error tied to the field.
	await page.getByRole('radio', { name: 'Incident' }).check();
	await page.getByLabel('Reason').fill('no');
	await page.getByRole('button', { name: 'Record the decision' }).click();
	await expect(page.getByRole('alert')).toContainText('Give a reason of at least 3 characters.');
	await expect(page.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
	expect(await violations(page)).toEqual([]);

	await page.getByRole('radio', { name: 'Incident' }).check();
	await page.getByLabel('Reason').fill('Lives at the same address; no case at the agency');
	await page.getByRole('button', { name: 'Record the decision' }).click();
	await expect(page.getByRole('status')).toHaveText('Decision no. 1 recorded.');
	const history = page.locator('#triage-history');
	await expect(history.locator('tr[data-seq="1"]')).toContainText('Incident');
	await expect(history.locator('tr[data-seq="1"]')).toContainText('Lives at the same address; no case at the agency');
	await expect(history.locator('tr[data-seq="1"]')).toContainText(persona('auditor').name);

	await page.goto('/oversight/alerts?state=incident');
	await expect(page.locator(`tr[data-alert-id="${alerts.relative.id}"]`)).toContainText('Incident');
});

test('an auditor adds a person to the protected list and removes them', async ({ page }) => {
	const jaan = persona('jaan');
	await signInAs(page, persona('auditor'));
	await page.goto('/oversight/protected');
	await expect(page.getByRole('heading', { level: 1, name: 'Protected people' })).toBeVisible();

	await page.getByLabel('Personal code').fill(subjectCode(jaan).slice(2));
	await page.getByLabel('Category').selectOption('journalist');
	await page.getByLabel('Note').fill('Editor of a national daily');
	await page.getByRole('button', { name: 'Add to the list' }).click();
	await expect(page.getByRole('status')).toHaveText(`${jaan.name} was added to the list.`);
	const row = page.locator(`tr[data-code="${subjectCode(jaan)}"]`);
	await expect(row).toContainText(jaan.name);
	await expect(row).toContainText('Journalist');
	await expect(row).toContainText('Editor of a national daily');

	// Adding again is refused, naming the field.
	await page.getByLabel('Personal code').fill(subjectCode(jaan));
	await page.getByLabel('Category').selectOption('other');
	await page.getByLabel('Note').fill('Twice');
	await page.getByRole('button', { name: 'Add to the list' }).click();
	await expect(page.getByRole('alert')).toContainText('This person is already on the list.');
	await expect(page.getByLabel('Personal code')).toHaveAttribute('aria-invalid', 'true');
	expect(await violations(page)).toEqual([]);

	await row.getByLabel(`Why remove ${jaan.name}`).fill('No longer an editor');
	await row.getByRole('button', { name: `Remove ${jaan.name}` }).click();
	await expect(page.getByRole('status')).toHaveText(`${jaan.name} was removed from the list.`);
	await expect(page.locator(`tr[data-code="${subjectCode(jaan)}"]`)).toHaveCount(0);
	await expect(page.getByRole('table', { name: 'Changes to the list' })).toContainText('No longer an editor');
});

// Auditors' pages: axe runs each page family in one language (the families share the three
// between them); messages.test.ts checks every language has every text. Keeps the suite short.
for (const lang of ['ru'] as const) {
	test(`the alert queue, an alert and the protected list are axe clean in ${lang}`, async ({ page, alerts }) => {
		// Four pages, each checked by axe: more than one page's time on a busy machine.
		test.setTimeout(180_000);
		await signInAs(page, persona('auditor'));
		for (const p of ['/oversight/alerts', `/oversight/alerts?rule=off-hours&severity=low`, `/oversight/alerts/${alerts.offHours.id}`, '/oversight/protected']) {
			await page.goto(`${p}${p.includes('?') ? '&' : '?'}lang=${lang}`);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			expect(await violations(page), `${p} in ${lang}`).toEqual([]);
		}
	});
}

test('the queue and an alert work at 320 px and with the keyboard', async ({ page, alerts }) => {
	await signInAs(page, persona('auditor'));
	await page.setViewportSize({ width: 320, height: 800 });
	for (const p of ['/oversight/alerts', `/oversight/alerts/${alerts.relative.id}`, '/oversight/protected']) {
		await page.goto(p);
		const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
		expect(overflow, p).toBeLessThanOrEqual(0);
	}
	// Tab to the off-hours alert's link in the queue and open it with Enter.
	await page.goto('/oversight/alerts');
	const link = page.locator(`tr[data-alert-id="${alerts.offHours.id}"] a`).first();
	for (let i = 0; i < 80 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(link).toBeFocused();
	expect(await link.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Alert: Outside working hours' })).toBeVisible();
});
