/**
 * The citizen's browser checks their timeline against the log: every row verified, the
 * checkpoint remembered and compared on the next visit, a changed log called out, and a
 * downloaded proof bundle that checks offline with the shared verification module.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { checkBundle } from '../../src/lib/ledger/bundle';
import { expect, persona, signInAs, test, timelineRows } from './fixtures';

const mari = persona('mari');

function ledgerBox(page: import('@playwright/test').Page) {
	return page.getByRole('region', { name: 'Is this list complete and unaltered?' });
}

test('every event on the page is verified against the signed log, and the checkpoint is remembered', async ({ page }) => {
	await signInAs(page, mari);
	const rows = timelineRows(page);
	const n = await rows.count();
	expect(n).toBeGreaterThan(0);
	await expect(ledgerBox(page)).toContainText(`All ${n} events shown here are in the signed log, with none of yours missing between them`);
	await expect(ledgerBox(page)).toContainText('This is the first time this browser checks the log');
	await expect(rows.filter({ hasText: '✓ Verified' })).toHaveCount(n);

	// The next visit compares the log with the checkpoint this browser verified.
	await page.reload();
	await expect(ledgerBox(page)).toContainText(/unchanged since your browser checked it|is still in it, unchanged/);
	await expect(ledgerBox(page).locator('.bad')).toHaveCount(0);
});

test('a log that changed since the last visit is called out plainly', async ({ page }) => {
	await signInAs(page, mari);
	await expect(ledgerBox(page)).toContainText('are in the signed log');
	// As if the browser had verified a checkpoint of the same size with other contents.
	await page.evaluate(() => {
		const saved = JSON.parse(localStorage.getItem('peegel.ledger.checkpoint')!);
		localStorage.setItem('peegel.ledger.checkpoint', JSON.stringify({ ...saved, root: btoa('x'.repeat(32)) }));
	});
	await page.reload();
	await expect(ledgerBox(page)).toContainText('it was changed');
	await expect(ledgerBox(page).locator('.bad').first()).toBeVisible();
});

test('a row’s proof downloads as a bundle that checks offline', async ({ page, request }) => {
	await signInAs(page, mari);
	const row = timelineRows(page).first();
	await expect(row).toContainText('✓ Verified');
	const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /^Proof of this use/ }).click()]);
	expect(download.suggestedFilename()).toMatch(/^peegel-proof-\d+\.json$/);
	const file = (await download.path())!;
	const bundle = JSON.parse(readFileSync(file, 'utf8'));
	const key = await (await request.get('/ledger/key')).text();
	const result = checkBundle(bundle, key);
	expect(result.problem).toBeNull();
	// The command-line check, as someone without a browser would run it.
	const cli = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/ledger-check-bundle.ts', file, '--key', key.trim()], { encoding: 'utf8' });
	expect(cli.status, cli.stderr).toBe(0);
	expect(cli.stdout).toMatch(/^VERIFIED: event [0-9a-f-]{36} about EE\d{11} .* is entry \d+ of the log/);
	expect(bundle.event.event_id).toBe(await row.getAttribute('data-event-id'));
	// Changing what it says about the event breaks it.
	bundle.event.details.agency_code = '70000000';
	expect(checkBundle(bundle, key).problem).toMatch(/not the ones committed/);
});

test('a citizen can require a witness’s cosignature; the log’s page shows who cosigned', async ({ page }) => {
	await signInAs(page, mari);
	await expect(ledgerBox(page)).toContainText('are in the signed log');
	// Demo mode runs a witness inside the server (a real one runs elsewhere): wait for its first cosignature.
	await expect(async () => {
		await page.goto('/ledger');
		await expect(page.getByText(/Cosigned by witness\.peegel\.localhost\/demo on/)).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 20_000 });

	await page.goto('/me');
	await page.getByRole('checkbox', { name: 'Only trust checkpoints that an independent witness has cosigned' }).check();
	await expect(ledgerBox(page)).toContainText(/Witness witness\.peegel\.localhost\/demo confirmed on .* that this checkpoint extends every earlier one it saw/);
	await expect(ledgerBox(page)).toContainText('latest witnessed checkpoint');
	await expect(ledgerBox(page).locator('.bad')).toHaveCount(0);
	// The choice is kept in this browser.
	await page.reload();
	await expect(page.getByRole('checkbox', { name: 'Only trust checkpoints that an independent witness has cosigned' })).toBeChecked();
	await expect(ledgerBox(page)).toContainText('latest witnessed checkpoint');
});
