/**
 * The latest statistics release, which is all the public site reads. A release never
 * changes once written, so its cells are loaded once per dataset and answered from memory;
 * which release is the latest is looked up again at most every few seconds.
 */
import { z } from 'zod';
import { CellIndex, type ReleasedCell } from '$lib/stats/cube';
import { DATASETS, type Dataset } from '$lib/stats/datasets';
import { bool, int64, utcDateTime } from '../../db/columns';
import { queryOne, queryRows } from '../../db/query';

export interface ReleaseInfo {
	release_id: number;
	/** ISO 8601 (UTC) */
	created_at: string;
	method: 'suppression' | 'dp' | string;
	min_people: number;
	epsilon: number;
	epsilon_per_person: number;
}

/** How long the latest release id is trusted before it is looked up again. */
const CHECK_MS = 5_000;

const releaseRow = z.object({
	release_id: int64,
	created_at: utcDateTime,
	method: z.string(),
	min_people: int64,
	epsilon: z.number(),
	epsilon_per_person: z.number()
});

const cellRow = z.object({
	period: z.string(),
	d1: z.string(),
	d2: z.string(),
	d3: z.string(),
	d4: z.string(),
	value: int64,
	people: int64,
	base: int64,
	suppressed: bool
});

let latest: { info: ReleaseInfo | null; checkedAt: number } | null = null;
let checking: Promise<ReleaseInfo | null> | null = null;
/** The current release's datasets, loaded on first use (one load at a time per dataset). */
let indexes: { releaseId: number; byDataset: Map<Dataset, Promise<CellIndex>> } | null = null;

async function readLatest(): Promise<ReleaseInfo | null> {
	return queryOne(
		`SELECT release_id, created_at, method, min_people, epsilon, epsilon_per_person
		 FROM stats_release ORDER BY release_id DESC LIMIT 1`,
		{},
		releaseRow
	);
}

/** The latest release's metadata, or null before the first release. */
export async function latestRelease(): Promise<ReleaseInfo | null> {
	if (latest && Date.now() - latest.checkedAt < CHECK_MS) return latest.info;
	checking ??= readLatest()
		.then((info) => {
			latest = { info, checkedAt: Date.now() };
			// A new release: load every dataset now, not on the first request of each page.
			if (info && indexes?.releaseId !== info.release_id) for (const d of DATASETS) void releaseCells(info.release_id, d).catch(() => {});
			return info;
		})
		.finally(() => (checking = null));
	return checking;
}

async function loadCells(releaseId: number, dataset: Dataset): Promise<CellIndex> {
	const rows: ReleasedCell[] = await queryRows(
		`SELECT period, d1, d2, d3, d4, value, people, base, suppressed
		 FROM stats_release_cell WHERE release_id = {release:UInt32} AND dataset = {dataset:String}`,
		{ release: releaseId, dataset },
		cellRow
	);
	return new CellIndex(dataset, rows);
}

/** A dataset's cells in a release (kept in memory for the latest release only). */
export function releaseCells(releaseId: number, dataset: Dataset): Promise<CellIndex> {
	if (!indexes || indexes.releaseId !== releaseId) indexes = { releaseId, byDataset: new Map() };
	const held = indexes;
	let index = held.byDataset.get(dataset);
	if (!index) {
		index = loadCells(releaseId, dataset);
		held.byDataset.set(dataset, index);
		// A failed load is not kept: the next request tries again.
		index.catch(() => {
			if (held.byDataset.get(dataset) === index) held.byDataset.delete(dataset);
		});
	}
	return index;
}
