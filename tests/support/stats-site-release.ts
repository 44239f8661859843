/**
 * A hand-made statistics release for the public site's tests, written into a data
 * directory before the server starts (this process opens the embedded database; the
 * server must not be running on it). The cells follow the release contract: the full cube
 * with '*' margins for every period, values growing month by month, and one consistently
 * suppressed pattern (Ida-Viru County, ages 0-24: in every period, every method and sector).
 * Agencies are written too, so the demo seed does not run and nothing else makes a release.
 *
 * The caller sets process.env.PEEGEL_DATA_DIR to the directory (and deletes CLICKHOUSE_URL
 * and PEEGEL_MIGRATIONS_DIR) before calling.
 */
import { AGE_BANDS, CHANNELS, SECTORS, SIGNATURE_METHODS } from '../../src/lib/stats/dimensions';

export const RELEASE_ID = 900;
export const COUNTIES = ['Harju County', 'Tartu County', 'Ida-Viru County'] as const;
export const AGENCY_A = { code: '90000001', name: 'Statistics Test Board', name_et: 'Statistika Testiamet' };
export const AGENCY_B = { code: '90000002', name: 'Registry Test Centre', name_et: 'Registrite Testikeskus' };
export const SERVICES = ['90000001/tax-return', '90000001/vehicle', '90000002/unnamed'] as const;

export interface FixtureCell {
	release_id: number;
	dataset: string;
	period: string;
	d1: string;
	d2: string;
	d3: string;
	d4: string;
	value: number;
	people: number;
	base: number;
	suppressed: boolean;
}

const now = new Date();
/** From January of last year to the current month (UTC; the tests do not run at midnight on New Year). */
export const MONTHS: string[] = [];
for (let i = 0; i < 12 + now.getUTCMonth() + 1; i++) {
	MONTHS.push(`${now.getUTCFullYear() - 1 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
}
export const LAST_YEAR = String(now.getUTCFullYear() - 1);
export const YEARS = [LAST_YEAR, String(now.getUTCFullYear())];

export function isSuppressed(county: string, age: string): boolean {
	return county === 'Ida-Viru County' && (age === '0-17' || age === '18-24');
}

/** Every combination of the values and '*' per dimension. */
function combos(lists: readonly (readonly string[])[]): string[][] {
	return lists.reduce<string[][]>((acc, list) => acc.flatMap((c) => [...list, '*'].map((v) => [...c, v])), [[]]);
}

/** The full cube of a dataset over its periods: leaf figures from `leaf`, margins as sums. */
function cube(
	dataset: string,
	periods: readonly string[],
	lists: readonly (readonly string[])[],
	leaf: (period: number, dims: string[]) => { value: number; people: number; base: number },
	suppressed: (dims: string[]) => boolean
): FixtureCell[] {
	const leaves = lists.reduce<string[][]>((acc, l) => acc.flatMap((c) => l.map((v) => [...c, v])), [[]]);
	const out: FixtureCell[] = [];
	periods.forEach((period, pi) => {
		const figures = new Map(leaves.map((d) => [d.join('|'), leaf(pi, d)]));
		for (const dims of combos(lists)) {
			let value = 0;
			let people = 0;
			let base = 0;
			for (const l of leaves) {
				if (dims.every((v, i) => v === '*' || v === l[i])) {
					const f = figures.get(l.join('|'))!;
					value += f.value;
					people += f.people;
					base += f.base;
				}
			}
			const hidden = suppressed(dims);
			const [d1 = '', d2 = '', d3 = '', d4 = ''] = dims;
			out.push({ release_id: RELEASE_ID, dataset, period, d1, d2, d3, d4, value: hidden ? 0 : value, people: hidden ? 0 : people, base: hidden ? 0 : base, suppressed: hidden });
		}
	});
	return out;
}

export function fixtureCells(): FixtureCell[] {
	const idx = (list: readonly string[], v: string) => list.indexOf(v) + 1;
	const signatures = cube(
		'signatures',
		MONTHS,
		[SIGNATURE_METHODS, SECTORS, COUNTIES, AGE_BANDS],
		(pi, [m, s, c, a]) => {
			const value = Math.round((10 + idx(SIGNATURE_METHODS, m!) * 3 + idx(SECTORS, s!) * 2 + idx(COUNTIES, c!) + idx(AGE_BANDS, a!)) * (1 + pi * 0.05));
			return { value, people: Math.ceil(value * 0.6), base: 0 };
		},
		([, , c, a]) => isSuppressed(c!, a!)
	);
	const services = cube(
		'services',
		MONTHS,
		[SERVICES, CHANNELS, COUNTIES, AGE_BANDS],
		(pi, [s, ch, c, a]) => {
			const value = (20 + idx(SERVICES, s!) * 5 + idx(CHANNELS, ch!) * 2 + idx(COUNTIES, c!) + idx(AGE_BANDS, a!)) + pi;
			return { value, people: Math.ceil(value * 0.7), base: Math.floor(value * 0.9) };
		},
		([, , c, a]) => isSuppressed(c!, a!)
	);
	const adoption = cube(
		'adoption',
		YEARS,
		[COUNTIES, AGE_BANDS],
		(pi, [c, a]) => {
			const value = 100 + idx(COUNTIES, c!) * 10 + idx(AGE_BANDS, a!) * 5 + pi * 20;
			return { value, people: value, base: value * 2 };
		},
		([c, a]) => isSuppressed(c!, a!)
	).map((cell) => ({ ...cell, people: cell.value }));
	const members = [`EE/GOV/${AGENCY_A.code}`, `EE/GOV/${AGENCY_B.code}`, 'EE/COM/*'];
	const flows = new Map([
		[`${members[0]}|${members[1]}`, 300],
		[`${members[1]}|${members[0]}`, 40],
		[`${members[2]}|${members[0]}`, 120]
	]);
	const exchange = cube(
		'exchange',
		MONTHS,
		[members, members],
		(pi, [a, b]) => {
			const value = (flows.get(`${a}|${b}`) ?? 0) + (flows.has(`${a}|${b}`) ? pi : 0);
			return { value, people: 0, base: value * 1000 };
		},
		() => false
	).filter((c) => c.d1 !== c.d2 || c.d1 === '*');
	const coverage: FixtureCell[] = [];
	MONTHS.forEach((period, pi) => {
		const add = (d1: string, d2: string, value: number, people: number, suppressed = false) =>
			coverage.push({ release_id: RELEASE_ID, dataset: 'coverage', period, d1, d2, d3: '', d4: '', value: suppressed ? 0 : value, people: suppressed ? 0 : people, base: 0, suppressed });
		add('agencies_reporting', '*', 12 + (pi % 3), 0);
		add('usage_events', '*', 5000 + pi * 100, 900 + pi);
		add('citizens_viewed', '*', 300 + pi * 7, 300 + pi * 7);
		// Few flags: the kinds are withheld (and so the total is, consistently).
		add('flags', 'unrecognised', 0, 0, true);
		add('flags', 'unjustified', 0, 0, true);
		add('flags', '*', 0, 0, true);
		add('cases_closed', 'justified', 20 + pi, 20 + pi);
		add('cases_closed', 'misuse', 11, 11);
		add('cases_closed', 'inconclusive', 15, 15);
		add('cases_closed', '*', 46 + pi, 46 + pi);
	});
	return [...signatures, ...services, ...adoption, ...exchange, ...coverage];
}

/**
 * Where the release engine is present (migration 0018), the server releases at start when
 * the rollups differ from what the latest release was made from. This release is stamped
 * with the fingerprint of the (empty) rollups, so the server keeps it as the latest.
 */
async function releaseFingerprint(): Promise<{ fingerprint?: string }> {
	const { queryOne } = await import('../../src/lib/server/db/query');
	const { z } = await import('zod');
	const column = await queryOne(
		"SELECT count() AS n FROM system.columns WHERE database = currentDatabase() AND table = 'stats_release' AND name = 'fingerprint'",
		{},
		z.object({ n: z.coerce.number() })
	);
	if (!column?.n) return {};
	// Not a literal path: the module exists only once the release engine is merged.
	const modulePath = '../../src/lib/server/stats/release/fingerprint';
	const { rollupsFingerprint } = (await import(/* @vite-ignore */ modulePath)) as { rollupsFingerprint: () => Promise<string> };
	return { fingerprint: await rollupsFingerprint() };
}

/** Migrate the data directory and write the release, agencies and e-service names into it. */
export async function writeSiteRelease(): Promise<void> {
	const { migrate } = await import('../../src/lib/server/db/migrate');
	const { insertRows } = await import('../../src/lib/server/db/query');
	const { closeDb } = await import('../../src/lib/server/db/client');
	const { chTime } = await import('../../src/lib/server/db/columns');
	try {
		await migrate();
		await insertRows('agency', [
			{ ...AGENCY_A, kind: 'board', version: 1 },
			{ ...AGENCY_B, kind: 'agency', version: 1 }
		]);
		await insertRows('e_service', [
			{ agency_code: AGENCY_A.code, code: 'tax-return', name_en: 'Income tax return', name_et: 'Tuludeklaratsioon', name_ru: 'Декларация о доходах', version: 1 },
			{ agency_code: AGENCY_A.code, code: 'vehicle', name_en: 'Vehicle registration', name_et: 'Sõiduki registreerimine', name_ru: '', version: 1 }
		]);
		const cells = fixtureCells();
		for (let i = 0; i < cells.length; i += 20_000) await insertRows('stats_release_cell', cells.slice(i, i + 20_000) as unknown as Record<string, unknown>[]);
		await insertRows('stats_release', [
			{
				release_id: RELEASE_ID,
				created_at: chTime(now),
				method: 'suppression',
				min_people: 10,
				epsilon: 0,
				epsilon_per_person: 0,
				cells: cells.length,
				suppressed: cells.filter((c) => c.suppressed).length,
				...(await releaseFingerprint())
			}
		]);
	} finally {
		await closeDb();
	}
}
