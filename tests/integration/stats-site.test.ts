/**
 * The public statistics site (/stats) against the built server, on a hand-made release
 * (tests/support/stats-site-release.ts): every page answers without sign-in; the open data
 * has the documented shape, honours the filters and equals the page's tables; a withheld
 * figure never carries a number; a bad parameter is a 400 naming it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';
import { COUNTIES, fixtureCells, LAST_YEAR, MONTHS, RELEASE_ID, writeSiteRelease } from '../support/stats-site-release';

const dataDir = mkdtempSync(path.join(tmpdir(), 'peegel-stats-site-'));
process.env.PEEGEL_DATA_DIR = dataDir;
delete process.env.CLICKHOUSE_URL;
delete process.env.PEEGEL_MIGRATIONS_DIR;

let server: TestServer;

beforeAll(async () => {
	await writeSiteRelease();
	server = await startTestServer({}, { dataDir });
}, 120_000);

afterAll(async () => {
	await server?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

async function get(pathAndQuery: string) {
	const res = await fetch(`${server.url}${pathAndQuery}`, { redirect: 'manual' });
	return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

/** A page's table (data-table=name): per row key, per column key, the text shown. */
function table(html: string, name: string): Record<string, Record<string, string>> {
	const t = new RegExp(`<table data-table="${name}">([\\s\\S]*?)</table>`).exec(html)?.[1];
	if (!t) throw new Error(`no table ${name}`);
	const out: Record<string, Record<string, string>> = {};
	for (const [, key, cells] of t.matchAll(/<tr data-row="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)) {
		out[key!] = Object.fromEntries([...cells!.matchAll(/data-col="([^"]+)"[^>]*>([^<]*)</g)].map(([, k, v]) => [k!, v!]));
	}
	return out;
}

const num = (text: string) => Number(text.replace(/[^\d]/g, ''));
const YEAR = { from: `${LAST_YEAR}-01`, to: `${LAST_YEAR}-12` };
const q = (params: Record<string, string>) => `?${new URLSearchParams({ lang: 'en', ...params })}`;

describe('the statistics pages', () => {
	it('answer 200 without sign-in, from the latest release', async () => {
		for (const p of ['/stats', '/stats/signatures', '/stats/services', '/stats/adoption', '/stats/exchange', '/stats/coverage', '/stats/data']) {
			const r = await get(`${p}?lang=en`);
			expect(r.status, p).toBe(200);
			if (p !== '/stats/data') expect(r.body, p).toContain(`data-release="${RELEASE_ID}"`);
		}
	});

	it('the signatures page answers the analyst: Ida-Viru County, 65+, last year, with the change', async () => {
		const r = await get(`/stats/signatures${q({ ...YEAR, county: 'Ida-Viru County', age_band: '65+' })}`);
		expect(r.status).toBe(200);
		const total = table(r.body, 'total');
		expect(Object.keys(total)).toEqual(MONTHS.filter((m) => m.startsWith(LAST_YEAR)));
		const cell = (m: string) => fixtureCells().find((c) => c.dataset === 'signatures' && c.period === m && c.d1 === '*' && c.d2 === '*' && c.d3 === 'Ida-Viru County' && c.d4 === '65+')!;
		expect(num(total[YEAR.from]!.signatures!)).toBe(cell(YEAR.from).value);
		const first = cell(YEAR.from).value;
		const last = cell(YEAR.to).value;
		const change = Math.round(((last - first) / first) * 1000) / 10;
		expect(r.body).toMatch(new RegExp(`From ${first} in January ${LAST_YEAR} to ${last} in December ${LAST_YEAR} \\(\\+${String(change).replace('.', '\\.')}`));
	});

	it('shows withheld figures as words, never as numbers', async () => {
		const r = await get(`/stats/signatures${q({ ...YEAR, county: 'Ida-Viru County', age_band: '0-17' })}`);
		const total = table(r.body, 'total');
		for (const row of Object.values(total)) expect(row.signatures).toBe('fewer than 10 people');
		expect(r.body).toContain('is withheld (fewer than 10 people)');
	});

	it('a bad parameter is a 400 naming it, on pages and downloads', async () => {
		for (const [p, param] of [
			['/stats/signatures?from=2025-13', 'from'],
			['/stats/signatures.csv?county=Atlantis', 'county'],
			['/stats/services.json?group=colour', 'group'],
			[`/stats/signatures.json?from=${YEAR.to}&to=${YEAR.from}`, 'to'],
			['/stats/adoption.json?from=25', 'from'],
			['/stats/coverage.json?by=week', 'by']
		] as const) {
			const r = await get(p);
			expect(r.status, p).toBe(400);
			expect(r.body, p).toContain(`${param}:`);
		}
		expect((await get('/stats/nothing.csv')).status).toBe(404);
	});
});

describe('open data', () => {
	it('JSON has the release, the query, the columns and rows; filters apply', async () => {
		const r = await get(`/stats/signatures.json${q({ ...YEAR, county: 'Ida-Viru County', age_band: '65+', group: 'method' })}`);
		expect(r.status).toBe(200);
		const body = JSON.parse(r.body);
		expect(body.release).toMatchObject({ release_id: RELEASE_ID, method: 'suppression', min_people: 10, epsilon: null });
		expect(body.columns).toEqual(['release_id', 'period', 'method', 'sector', 'county', 'age_band', 'signatures', 'signers', 'suppressed']);
		expect(body.rows).toHaveLength(12 * 6);
		for (const row of body.rows) expect(row).toMatchObject({ county: 'Ida-Viru County', age_band: '65+', sector: '*', suppressed: false });
	});

	it('suppressed cells carry null in JSON and an empty field in CSV', async () => {
		const params = q({ ...YEAR, county: 'Ida-Viru County', group: 'age_band' });
		const json = JSON.parse((await get(`/stats/signatures.json${params}`)).body);
		const hidden = json.rows.filter((r: { suppressed: boolean }) => r.suppressed);
		expect(hidden).toHaveLength(12 * 2);
		for (const row of hidden) expect([row.signatures, row.signers]).toEqual([null, null]);
		const csv = await get(`/stats/signatures.csv${params}`);
		expect(csv.type).toContain('text/csv');
		const lines = csv.body.trim().split('\n');
		expect(lines[0]).toBe('release_id,period,method,sector,county,age_band,signatures,signers,suppressed');
		const hiddenLines = lines.filter((l) => l.endsWith(',true'));
		expect(hiddenLines).toHaveLength(12 * 2);
		for (const l of hiddenLines) expect(l).toMatch(/,,,true$/);
	});

	it('equals the page’s table (signatures by method, services by channel, the exchange flows)', async () => {
		const filters = { ...YEAR, county: 'Harju County', age_band: '65+' };
		const page = table((await get(`/stats/signatures${q(filters)}`)).body, 'method');
		const rows = JSON.parse((await get(`/stats/signatures.json${q({ ...filters, group: 'method' })}`)).body).rows;
		for (const row of rows) expect(num(page[row.period]![row.method]!)).toBe(row.signatures);

		const svcPage = table((await get(`/stats/services${q(YEAR)}`)).body, 'channel');
		const svc = JSON.parse((await get(`/stats/services.json${q({ ...YEAR, group: 'channel', by: 'range' })}`)).body);
		expect(svc.columns).not.toContain('users');
		for (const row of svc.rows) expect(num(svcPage[row.channel]!.uses!)).toBe(row.uses);

		const exPage = (await get(`/stats/exchange${q(YEAR)}`)).body;
		const edges = table(exPage, 'edges');
		const ex = JSON.parse((await get(`/stats/exchange.json${q({ ...YEAR, by: 'range' })}`)).body);
		expect(ex.rows).toHaveLength(3);
		expect(ex.rows[0]).toMatchObject({ client: 'EE/GOV/90000001', client_name: 'Statistics Test Board', service_name: 'Registry Test Centre' });
		for (const row of ex.rows) expect(num(edges[`${row.client}→${row.service}`]!.messages!)).toBe(row.messages);
		expect(exPage).toContain('<svg');
		expect(exPage).toContain('All COM members');
	});

	it('names services in the request’s language, a code without a name as itself', async () => {
		const body = JSON.parse((await get(`/stats/services.json${q({ ...YEAR, group: 'service', by: 'range', lang: 'ru' })}`)).body);
		const names = Object.fromEntries(body.rows.map((r: { service: string; service_name: string }) => [r.service, r.service_name]));
		expect(names).toMatchObject({ '90000001/tax-return': 'Декларация о доходах', '90000001/vehicle': 'Vehicle registration', '90000002/unnamed': '90000002/unnamed' });
	});

	it('adoption has a rate; coverage keeps its withheld flags withheld', async () => {
		const adoption = JSON.parse((await get(`/stats/adoption.json${q({ from: LAST_YEAR, to: LAST_YEAR })}`)).body);
		const harju = adoption.rows.find((r: { county: string }) => r.county === COUNTIES[0]);
		expect(harju.rate).toBeCloseTo(harju.adopters / harju.population, 4);
		const flags = JSON.parse((await get(`/stats/coverage.json${q({ ...YEAR, metric: 'flags', group: 'detail' })}`)).body);
		expect(flags.rows.length).toBeGreaterThan(0);
		for (const r of flags.rows) expect(r).toMatchObject({ count: null, people: null, suppressed: true });
	});
});
