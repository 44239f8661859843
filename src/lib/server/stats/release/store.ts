/**
 * Writing and reading release rows. A release's cells go in one insert and its
 * stats_release row after them: the site reads the latest release ROW, so a crash between
 * the two leaves cells nobody reads (and the next release takes a higher id than them).
 */
import { z } from 'zod';
import type { ReleaseCell } from '$lib/stats/suppression';
import { bulkInsert } from '../../db/bulk-insert';
import { chTime, int64 } from '../../db/columns';
import { insertRows, queryOne } from '../../db/query';

export interface ReleaseMeta {
	method: 'suppression' | 'dp';
	minPeople: number;
	epsilon: number;
	epsilonPerPerson: number;
	fingerprint: string;
}

const CELL_COLUMNS = 'release_id, dataset, period, d1, d2, d3, d4, value, people, base, suppressed';
const CELL_STRUCTURE =
	'release_id UInt32, dataset String, period String, d1 String, d2 String, d3 String, d4 String, value UInt64, people UInt64, base UInt64, suppressed Bool';

/** The cells as RowBinary (texts: LEB128 length and UTF-8; integers little-endian). */
function encodeCells(releaseId: number, cells: readonly ReleaseCell[]): Uint8Array {
	let buf = Buffer.allocUnsafe(Math.max(1024, cells.length * 96));
	let pos = 0;
	const reserve = (n: number) => {
		if (pos + n <= buf.byteLength) return;
		const grown = Buffer.allocUnsafe(Math.max(buf.byteLength * 2, pos + n));
		buf.copy(grown, 0, 0, pos);
		buf = grown;
	};
	const text = (s: string) => {
		const bytes = Buffer.byteLength(s, 'utf8');
		reserve(bytes + 5);
		let n = bytes;
		do {
			buf[pos++] = (n & 0x7f) | (n > 0x7f ? 0x80 : 0);
			n >>>= 7;
		} while (n > 0);
		pos += buf.write(s, pos, 'utf8');
	};
	const u64 = (n: number) => {
		reserve(8);
		buf.writeBigUInt64LE(BigInt(n), pos);
		pos += 8;
	};
	for (const c of cells) {
		reserve(4);
		buf.writeUInt32LE(releaseId, pos);
		pos += 4;
		for (const s of [c.dataset, c.period, c.d1, c.d2, c.d3, c.d4]) text(s);
		u64(c.value);
		u64(c.people);
		u64(c.base);
		reserve(1);
		buf[pos++] = c.suppressed ? 1 : 0;
	}
	return buf.subarray(0, pos);
}

const idRow = z.object({ next: int64 });

/** Higher than every release row AND every cell (cells of a release whose row was never written). */
async function nextReleaseId(): Promise<number> {
	const row = await queryOne(
		`SELECT greatest((SELECT max(release_id) FROM stats_release), (SELECT max(release_id) FROM stats_release_cell)) + 1 AS next`,
		{},
		idRow
	);
	return row?.next ?? 1;
}

export async function writeRelease(cells: readonly ReleaseCell[], meta: ReleaseMeta): Promise<number> {
	const releaseId = await nextReleaseId();
	await bulkInsert(
		{ into: `stats_release_cell (${CELL_COLUMNS})`, select: CELL_COLUMNS, structure: CELL_STRUCTURE },
		encodeCells(releaseId, cells)
	);
	await insertRows('stats_release', [
		{
			release_id: releaseId,
			created_at: chTime(new Date()),
			method: meta.method,
			min_people: meta.minPeople,
			epsilon: meta.epsilon,
			epsilon_per_person: meta.epsilonPerPerson,
			cells: cells.length,
			suppressed: cells.filter((c) => c.suppressed).length,
			fingerprint: meta.fingerprint
		}
	]);
	return releaseId;
}

const latestRow = z.object({ release_id: z.number().int(), fingerprint: z.string() });

export async function latestRelease(): Promise<z.output<typeof latestRow> | null> {
	return queryOne(`SELECT release_id, fingerprint FROM stats_release ORDER BY release_id DESC LIMIT 1`, {}, latestRow);
}
