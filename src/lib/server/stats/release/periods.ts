/** The periods a release covers, in Tallinn's calendar. */
import { tallinnIsoDate } from '$lib/format';

/** 'YYYY-MM' of now in Tallinn. */
export function currentMonth(now = new Date()): string {
	return tallinnIsoDate(now).slice(0, 7);
}

/**
 * Every month from first through `through`, by default the last complete one: the month
 * under way is left out. Early in a month every combination is small, and since a
 * combination small in any month is suppressed in all (suppression.ts), releasing it would
 * hide most of the history until the month fills up. An operator may release through the
 * month under way (npm run stats:release -- --through YYYY-MM); that release is
 * self-consistent like any other.
 */
export function monthRange(first: string | null, now = new Date(), through?: string): string[] {
	const last = through ?? previousMonth(currentMonth(now));
	if (!first || first > last) return [];
	const months: string[] = [];
	let [y, m] = first.split('-').map(Number) as [number, number];
	for (let p = first; p <= last; ) {
		months.push(p);
		m++;
		if (m > 12) [y, m] = [y + 1, 1];
		p = `${y}-${String(m).padStart(2, '0')}`;
	}
	return months;
}

function previousMonth(month: string): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function yearRange(first: number | null, last: number | null, now = new Date()): string[] {
	const current = Number(currentMonth(now).slice(0, 4));
	const from = first !== null && first < current ? first : current;
	const to = last !== null && last > current ? last : current;
	return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}
