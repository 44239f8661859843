/**
 * The time slots of an official's volume chart: every week (named by its Monday) or every
 * month of the period's axis, empty ones included, with the counts the query returned.
 * Weeks are offered up to MAX_WEEKS; a longer period is counted per month.
 */
import { monthKey, type Month } from './months';
import { earlierDay, firstDayOf, lastDayOf, weeksBetween } from './weeks';

export const MAX_WEEKS = 120;

export interface VolumeSlots {
	unit: 'week' | 'month';
	/** Week: YYYY-MM-DD of its Monday; month: YYYY-MM. Oldest first. */
	slots: string[];
	counts: number[];
	/** Weeks were asked for, but the period was too long. */
	fellBack: boolean;
}

/** The slots of the unit to count per, given the axis months (oldest first) and today (YYYY-MM-DD, Tallinn). */
export function volumeUnit(wanted: 'week' | 'month', axis: readonly Month[], today: string): { unit: 'week' | 'month'; fellBack: boolean; slots: string[] } {
	if (wanted === 'week' && axis.length > 0) {
		const weeks = weeksBetween(firstDayOf(axis[0]!), earlierDay(lastDayOf(axis[axis.length - 1]!), today));
		if (weeks.length <= MAX_WEEKS) return { unit: 'week', fellBack: false, slots: weeks };
	}
	return { unit: 'month', fellBack: wanted === 'week', slots: axis.map(monthKey) };
}

/** The counts of each slot (slots the query did not return are 0; counts off the axis are left out). */
export function volumeSlots(wanted: 'week' | 'month', axis: readonly Month[], today: string, rows: readonly { slot: string; events: number }[]): VolumeSlots {
	const { unit, fellBack, slots } = volumeUnit(wanted, axis, today);
	const byKey = new Map(rows.map((r) => [r.slot, r.events]));
	return { unit, fellBack, slots, counts: slots.map((s) => byKey.get(s) ?? 0) };
}
