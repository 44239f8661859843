/**
 * The citizen's journeys: demo sign-in, the timeline on /me, filters, paging, sign-out.
 */
import type { Page } from '@playwright/test';
import { eventIds, expect, persona, signInAs, test, timeline, timelineRows } from './fixtures';

const mari = persona('mari');
const jaan = persona('jaan');

/** The total in the summary above the table ("1,234 uses of your data ..."). */
async function total(page: Page): Promise<number> {
	const text = await page.locator('#summary strong').first().innerText();
	const m = /([\d,]+)/.exec(text);
	if (!m) throw new Error(`no count in the summary: ${text}`);
	return Number(m[1]!.replace(/,/g, ''));
}

/** The calendar day (YYYY-MM-DD) of an instant in Estonia, as the period filter counts days. */
function tallinnDay(iso: string): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

async function rowTimes(page: Page): Promise<string[]> {
	return timelineRows(page).locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
}

test('demo sign-in: persona picker, then /me shows the person and their timeline', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.getByRole('link', { name: 'See who used my data' }).click();

	// Not signed in: /me sends the visitor to the persona picker, coming back afterwards.
	await expect(page).toHaveURL(/\/auth\/demo\?next=/);
	await expect(page.getByRole('heading', { name: 'Sign in to the demo' })).toBeVisible();
	await page.getByRole('button', { name: `Sign in as ${mari.name}` }).click();

	await expect(page).toHaveURL(/\/me$/);
	await expect(page.getByRole('banner')).toContainText(mari.name);
	await expect(page.getByRole('heading', { level: 1, name: 'Who has used your data' })).toBeVisible();
	await expect(timeline(page)).toBeVisible();
	expect(await timelineRows(page).count()).toBeGreaterThan(0);
	expect(await total(page)).toBeGreaterThan(0);
	// Newest first.
	const times = await rowTimes(page);
	expect([...times].sort().reverse()).toEqual(times);
});

test('timeline filter by agency: only that agency, with the count the filter offered', async ({ page }) => {
	await signInAs(page, jaan);
	const all = await total(page);

	const select = page.getByLabel('Agency');
	const options = await select.locator('option').evaluateAll((els) =>
		els.map((e) => ({ value: (e as HTMLOptionElement).value, label: e.textContent ?? '' }))
	);
	const agencies = options.filter((o) => o.value !== '');
	expect(agencies.length, 'Jaan has events from several agencies').toBeGreaterThan(1);
	// The agency with the fewest events: a clear change from the unfiltered list.
	const counted = agencies.map((o) => ({ ...o, name: o.label.replace(/\s*\([\d,]+\)\s*$/, ''), events: Number(/\(([\d,]+)\)\s*$/.exec(o.label)![1]!.replace(/,/g, '')) }));
	const pick = counted.reduce((a, b) => (b.events < a.events ? b : a));

	await select.selectOption(pick.value);
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(new RegExp(`[?&]agency=${pick.value}`));

	expect(await total(page)).toBe(pick.events);
	expect(pick.events).toBeLessThan(all);
	await expect(page.locator('#summary')).toContainText(`by ${pick.name}`);
	const shown = await timelineRows(page).locator('td[data-label="Agency"] .agency').allInnerTexts();
	expect(shown.length).toBe(Math.min(pick.events, 50));
	for (const name of shown) expect(name).toBe(pick.name);
	await expect(page.getByLabel('Agency')).toHaveValue(pick.value);

	// Reset brings the whole list back.
	await page.getByRole('link', { name: 'Reset filters' }).click();
	await expect(page).toHaveURL(/\/me$/);
	expect(await total(page)).toBe(all);
});

test('timeline filter by period: only days in the period, newest in it first', async ({ page }) => {
	await signInAs(page, jaan);
	// One use per line, so rows and uses are the same (grouping has its own test).
	await page.getByLabel('Show automated and bulk uses one by one').check();
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(/each=1/);
	const all = await total(page);
	const ids = await eventIds(page);
	const days = (await rowTimes(page)).map(tallinnDay);

	// To: the newest day before the first row's day; From: an older day after that.
	const i = days.findIndex((d) => d < days[0]!);
	expect(i, 'the first page spans several days').toBeGreaterThan(0);
	const to = days[i]!;
	const j = days.findIndex((d, k) => k > i && d < to);
	const from = j > 0 ? days[j]! : to;
	const inPeriod = days.filter((d) => d >= from && d <= to).length;

	await page.getByLabel('From').fill(from);
	await page.getByLabel('To', { exact: true }).fill(to);
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page).toHaveURL(new RegExp(`from=${from}.*to=${to}`));

	const filtered = await total(page);
	expect(filtered).toBeGreaterThanOrEqual(inPeriod);
	expect(filtered).toBeLessThan(all);
	// The newest event of the period is the first row that was not on the period's later days.
	expect((await eventIds(page))[0]).toBe(ids[i]);
	for (const d of (await rowTimes(page)).map(tallinnDay)) {
		expect(d >= from && d <= to, `${d} within ${from}..${to}`).toBe(true);
	}
	await expect(page.locator('#summary')).toContainText(String(filtered));

	// A period with nothing in it says so.
	await page.getByLabel('From').fill('2001-01-01');
	await page.getByLabel('To', { exact: true }).fill('2001-01-31');
	await page.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page.getByText('Nothing matches these filters.')).toBeVisible();
	await expect(timeline(page)).toHaveCount(0);
});

test('paging: next and previous pages', async ({ page }) => {
	await signInAs(page, jaan);
	await page.goto('/me?each=1');
	const all = await total(page);
	expect(all, 'Jaan has more than one page of events').toBeGreaterThan(50);
	const fmt = (n: number) => n.toLocaleString('en-US');
	await expect(page.locator('#summary')).toContainText(`Lines 1–50 of ${fmt(all)}`);
	const first = await eventIds(page);
	expect(first).toHaveLength(50);
	const firstTimes = await rowTimes(page);

	await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' }).click();
	await expect(page).toHaveURL(/[?&]page=2/);
	await expect(page.locator('#summary')).toContainText(`Lines 51–${fmt(Math.min(100, all))} of ${fmt(all)}`);
	const second = await eventIds(page);
	expect(second.length).toBe(Math.min(50, all - 50));
	expect(second.filter((id) => first.includes(id))).toEqual([]);
	await expect(page.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
	// Still newest first across pages.
	expect((await rowTimes(page))[0]! <= firstTimes[49]!).toBe(true);

	await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Previous page' }).click();
	await expect(page).toHaveURL(/\/me\?each=1$/);
	expect(await eventIds(page)).toEqual(first);
	await expect(page.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
});

test('sign-out ends the session on the server, not just in the browser', async ({ page, context, request }) => {
	await signInAs(page, mari);
	const cookie = (await context.cookies()).find((c) => c.name === 'peegel_session');
	expect(cookie, 'a session cookie').toBeTruthy();
	const replay = () => request.get('/me', { headers: { cookie: `peegel_session=${cookie!.value}` }, maxRedirects: 0 });

	// The cookie works on its own (so the check after sign-out means something).
	const before = await replay();
	expect(before.status()).toBe(200);
	expect(await before.text()).toContain(mari.name);

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
	expect((await context.cookies()).find((c) => c.name === 'peegel_session')).toBeUndefined();

	await page.goto('/me');
	await expect(page).toHaveURL(/\/auth\/demo\?next=/);

	// The old cookie, replayed, no longer opens the timeline.
	const after = await replay();
	expect(after.status()).toBe(303);
	expect(after.headers()['location']).toMatch(/^\/auth\/demo/);
	expect(await after.text()).not.toContain(mari.name);
});

test('what a person types before the page’s scripts have run is kept when they do', async ({ page }) => {
	// Hold the app's scripts back, type, then let them run (hydrate) and submit.
	let release!: () => void;
	const held = new Promise<void>((r) => (release = r));
	await page.route('**/_app/immutable/entry/**', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/auth/demo', { waitUntil: 'domcontentloaded' });
	await page.getByRole('textbox', { name: 'Personal code' }).fill('EE00000000000');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByRole('textbox', { name: 'Personal code' })).toHaveValue('EE00000000000');
	await page.getByRole('button', { name: 'Sign in', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('Could not sign in');
});

test('automated uses of one system in a month are one line that opens to its list', async ({ page }) => {
	await signInAs(page, jaan);
	const group = page.locator('tr.group').first();
	await expect(group).toBeVisible();
	const title = await group.locator('summary').innerText();
	const m = /: (\d+) automated uses? in (\w+ \d{4})/.exec(title);
	expect(m, title).not.toBeNull();
	await group.locator('summary').click();
	const members = group.locator('table tbody tr[data-event-id]');
	await expect(members.first()).toBeVisible();
	expect(await members.count()).toBe(Math.min(Number(m![1]), 25));
	// The list's uses are in the line's month, and verified against the log like any other.
	await expect(group.locator('table tbody tr').first().locator('.proof-state')).toContainText('Verified');
});
