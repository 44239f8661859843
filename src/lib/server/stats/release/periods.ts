/** The periods a release covers: from the first with data to now, in Tallinn's calendar. */
import { tallinnIsoDate } from '$lib/format';

/** 'YYYY-MM' of now in Tallinn. */
export function currentMonth(now = new Date()): string {
	return tallinnIsoDate(now).slice(0, 7);
}

/** Every month from first (or now, when there is no data) to the later of last and now. */
export function monthRange(first: string | null, last: string | null, now = new Date()): string[] {
	const current = currentMonth(now);
	const from = first && first < current ? first : current;
	const to = last && last > current ? last : current;
	const months: string[] = [];
	let [y, m] = from.split('-').map(Number) as [number, number];
	for (let p = from; p <= to; ) {
		months.push(p);
		m++;
		if (m > 12) [y, m] = [y + 1, 1];
		p = `${y}-${String(m).padStart(2, '0')}`;
	}
	return months;
}

export function yearRange(first: number | null, last: number | null, now = new Date()): string[] {
	const current = Number(currentMonth(now).slice(0, 4));
	const from = first !== null && first < current ? first : current;
	const to = last !== null && last > current ? last : current;
	return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}
