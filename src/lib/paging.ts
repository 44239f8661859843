/** Paging arithmetic for lists shown a page at a time (1-based pages). Browser-safe. */

/** How many pages `total` items take; at least 1, so an empty list still has page 1. */
export function pageCount(total: number, pageSize: number): number {
	if (!(pageSize > 0)) throw new Error(`page size must be positive, got ${pageSize}`);
	return Math.max(1, Math.ceil(Math.max(0, total) / pageSize));
}

/** A requested page brought into 1..pageCount (non-numbers and fractions become whole pages). */
export function clampPage(page: number, total: number, pageSize: number): number {
	const last = pageCount(total, pageSize);
	if (!Number.isFinite(page)) return 1;
	return Math.min(last, Math.max(1, Math.floor(page)));
}

/** Rows to skip to reach a page. */
export function pageOffset(page: number, pageSize: number): number {
	return (Math.max(1, Math.floor(page)) - 1) * pageSize;
}

export interface PageRange {
	/** 1-based position of the first item shown; 0 when nothing is shown. */
	first: number;
	/** 1-based position of the last item shown; 0 when nothing is shown. */
	last: number;
	total: number;
}

/** Which items a page shows. */
export function pageRange(page: number, pageSize: number, total: number): PageRange {
	const offset = pageOffset(page, pageSize);
	if (total <= 0 || offset >= total) return { first: 0, last: 0, total: Math.max(0, total) };
	return { first: offset + 1, last: Math.min(total, offset + pageSize), total };
}

/**
 * Page numbers to offer as links: the first, the last, and `around` pages either side of
 * the current one, with null where pages are skipped. [1, null, 4, 5, 6, null, 20]
 */
export function pageLinks(current: number, count: number, around = 2): (number | null)[] {
	const pages = new Set<number>([1, count]);
	for (let p = current - around; p <= current + around; p++) if (p >= 1 && p <= count) pages.add(p);
	const sorted = [...pages].sort((a, b) => a - b);
	const out: (number | null)[] = [];
	for (let i = 0; i < sorted.length; i++) {
		const p = sorted[i]!;
		const prev = sorted[i - 1];
		if (prev !== undefined && p - prev === 2) out.push(p - 1);
		else if (prev !== undefined && p - prev > 2) out.push(null);
		out.push(p);
	}
	return out;
}
