/**
 * An agency's event, sent through the ingestion API, reaches the person it is about and
 * nobody else.
 */
import { ndjson, newAgencyCode, newEvent } from '../support/data';
import { expect, persona, signInAs, subjectCode, test, timelineRows } from './fixtures';

const mari = persona('mari');
const jaan = persona('jaan');

test('an event sent through the API shows on that citizen’s page and on no other', async ({ page, server, request }) => {
	const agency = newAgencyCode();
	const key = await server.agencyKey(agency, { name: 'End-to-end Test Board' });
	const event = newEvent(agency, subjectCode(mari), {
		logged_at: new Date(Date.now() - 60_000).toISOString(),
		action: 'End-to-end test: address check'
	});
	const res = await request.post('/api/v1/usage-events', {
		headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
		data: ndjson([event])
	});
	expect(res.status()).toBe(200);
	expect((await res.json()).accepted).toEqual([{ event_id: event.event_id, index: expect.any(Number) }]);

	const row = (p: typeof page) => timelineRows(p).and(p.locator(`[data-event-id="${event.event_id}"]`));

	// Mari sees it: the newest use of her data.
	await signInAs(page, mari);
	await expect(row(page)).toHaveCount(1);
	await expect(row(page)).toContainText('End-to-end test: address check');
	expect(await timelineRows(page).first().getAttribute('data-event-id')).toBe(event.event_id);
	// And filtering by the new agency finds exactly it.
	await page.goto(`/me?agency=${agency}`);
	await expect(timelineRows(page)).toHaveCount(1);
	await expect(row(page)).toHaveCount(1);

	// Jaan does not, neither in his whole list nor filtered by that agency.
	await signInAs(page, jaan);
	await expect(page.getByRole('banner')).toContainText(jaan.name);
	await expect(timelineRows(page).first()).toBeVisible();
	await expect(page.locator(`[data-event-id="${event.event_id}"]`)).toHaveCount(0);
	await page.goto(`/me?agency=${agency}`);
	await expect(page.getByText('Nothing matches these filters.')).toBeVisible();
	await expect(page.locator(`[data-event-id="${event.event_id}"]`)).toHaveCount(0);
});
