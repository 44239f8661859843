/**
 * The citizen's timeline (/me) as a person reads it, against the built server: purposes,
 * legal bases and intermediaries in each language, automated uses grouped by system and
 * month (also for histories long enough to be grouped in ClickHouse), and one use per line
 * on request. Each test uses a fresh agency and filters the timeline to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReference } from '../../src/lib/server/seed/reference';
import { ingest } from '../support/api';
import { newAgencyCode, newEvent } from '../support/data';
import { startTestServer, type TestServer } from '../support/server';

const personas = generateReference({ people: 200, seed: 2026 }).personas;
const codeOf = (key: string) => {
	const p = personas.find((x) => x.key === key)!;
	return p.personal_code.startsWith('EE') ? p.personal_code : `EE${p.personal_code}`;
};

let server: TestServer;

beforeAll(async () => {
	server = await startTestServer();
});

afterAll(async () => {
	await server?.stop();
});

async function page(cookie: string, query: string): Promise<string> {
	const res = await fetch(`${server.url}/me?${query}`, { headers: { cookie } });
	expect(res.status).toBe(200);
	return res.text();
}

const groupTitles = (html: string) => [...html.matchAll(/class="group-title">([^<]*)</g)].map((m) => m[1]);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the timeline explains each use', () => {
	it('in Estonian, English and Russian: purpose, legal basis, intermediary, and automated uses grouped per month', async () => {
		const agency = newAgencyCode();
		const via = newAgencyCode();
		const key = await server.agencyKey(agency);
		await server.agencyKey(via, { name: 'Carrier Agency' });
		const subject = codeOf('mari');
		const automated = (day: number) =>
			newEvent(agency, subject, { logged_at: `2025-05-${String(day).padStart(2, '0')}T09:00:00Z`, purpose_code: 'RR-ADDR-CHECK', legal_basis: 'Population Register Act § 41', actor_code: '' });
		const manual = newEvent(agency, subject, {
			logged_at: '2025-06-02T09:00:00Z',
			purpose_code: 'RR-ADDR-CHECK',
			legal_basis: 'Population Register Act § 41',
			actor_code: 'EE38001085718',
			intermediary_code: via
		});
		const r = await ingest(server, key, [automated(3), automated(4), automated(5), manual]);
		expect(r.status, JSON.stringify(r.body)).toBe(200);
		const cookie = await server.signIn('mari');

		const et = text(await page(cookie, `agency=${agency}&lang=et`));
		expect(et).toContain('Sinu andmeid kasutati 4 korda');
		expect(et).toContain('Registrijärgse aadressi kontroll ametlike kirjade kättetoimetamiseks');
		expect(et).toContain('Rahvastikuregistri seadus § 41'); // a no-break space, folded by text()
		expect(et).toContain('Carrier Agency asutuse');
		expect(groupTitles(await page(cookie, `agency=${agency}&lang=et`))).toEqual([expect.stringMatching(/: 3 automaatset kasutust, mai 2025$/)]);

		const en = await page(cookie, `agency=${agency}&lang=en`);
		expect(text(en)).toContain('Checking your registered address so that official letters reach you');
		expect(text(en)).toContain('Carrier Agency on behalf of');
		expect(en).toContain('href="https://www.riigiteataja.ee/');
		expect(groupTitles(en)).toEqual([expect.stringMatching(/: 3 automated uses in May 2025$/)]);

		const ru = text(await page(cookie, `agency=${agency}&lang=ru`));
		expect(ru).toContain('Проверка вашего адреса по регистру');
		expect(ru).toContain('Закон о регистре народонаселения');

		// One by one: four lines, no group.
		const each = await page(cookie, `agency=${agency}&each=1&lang=en`);
		expect(groupTitles(each)).toEqual([]);
		expect(text(each)).toContain('Lines 1–4 of 4');
	});
});

describe('a long history (grouped in ClickHouse)', () => {
	it('groups 1,000 automated uses into their two months, and lists them one by one on request', async () => {
		const agency = newAgencyCode();
		const key = await server.agencyKey(agency);
		const subject = codeOf('kadri');
		const events = Array.from({ length: 1000 }, (_, i) =>
			newEvent(agency, subject, {
				// 500 in March 2025, 500 in April 2025 (Tallinn time), a few minutes apart.
				logged_at: new Date(Date.UTC(i < 500 ? 2025 : 2025, i < 500 ? 2 : 3, 2) + (i % 500) * 180_000).toISOString(),
				actor_code: ''
			})
		);
		expect((await ingest(server, key, events)).status).toBe(200);
		const cookie = await server.signIn('kadri');

		const grouped = await page(cookie, `agency=${agency}&lang=en`);
		expect(text(grouped)).toContain('1,000 uses of your data');
		expect(groupTitles(grouped)).toEqual([expect.stringMatching(/: 500 automated uses in April 2025$/), expect.stringMatching(/: 500 automated uses in March 2025$/)]);
		expect(text(grouped)).toContain('Lines 1–2 of 2');
		// Each group lists its newest uses, and links to the rest one by one.
		expect(grouped.match(/data-event-id=/g)).toHaveLength(2 * 25); // each group lists its newest 25
		expect(grouped).toContain(`each=1`);

		const each = await page(cookie, `agency=${agency}&each=1&page=3&lang=en`);
		expect(groupTitles(each)).toEqual([]);
		expect(text(each)).toContain('Lines 101–150 of 1,000');
	});
});
