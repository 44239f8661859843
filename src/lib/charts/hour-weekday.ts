/**
 * An official's events by hour of day and day of week (Estonian time): the 7 × 24 matrix the
 * heat map and its table show, and the numbers its text summary states.
 */

/** ISO weekdays, Monday = 1 … Sunday = 7 (ClickHouse's toDayOfWeek, mode 0). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Office hours as the summary counts them: Monday to Friday, 08:00 to 18:00. */
export const OFFICE_HOURS = { from: 8, to: 18, lastWeekday: 5 } as const;

export interface HourWeekdayCount {
	/** 1 = Monday … 7 = Sunday */
	weekday: number;
	/** 0-23 */
	hour: number;
	events: number;
}

/** matrix[weekday - 1][hour]: events in that hour of that weekday. */
export type HourWeekdayMatrix = number[][];

/** The full matrix (empty cells 0); cells outside 1-7 × 0-23 are ignored. */
export function hourWeekdayMatrix(rows: readonly HourWeekdayCount[]): HourWeekdayMatrix {
	const m = WEEKDAYS.map(() => HOURS.map(() => 0));
	for (const r of rows) {
		const row = m[r.weekday - 1];
		if (row && r.hour >= 0 && r.hour < 24 && Number.isInteger(r.hour)) row[r.hour]! += r.events;
	}
	return m;
}

export function isOfficeHour(weekday: number, hour: number): boolean {
	return weekday <= OFFICE_HOURS.lastWeekday && hour >= OFFICE_HOURS.from && hour < OFFICE_HOURS.to;
}

export interface HourWeekdaySummary {
	total: number;
	max: number;
	/** The busiest cell (ties: the earlier weekday, then the earlier hour), or null. */
	busiest: { weekday: number; hour: number; events: number } | null;
	/** Events outside office hours (evenings, nights, weekends). */
	outsideOffice: number;
}

export function hourWeekdaySummary(m: HourWeekdayMatrix): HourWeekdaySummary {
	let total = 0;
	let outsideOffice = 0;
	let busiest: HourWeekdaySummary['busiest'] = null;
	for (const weekday of WEEKDAYS) {
		for (const hour of HOURS) {
			const events = m[weekday - 1]?.[hour] ?? 0;
			total += events;
			if (!isOfficeHour(weekday, hour)) outsideOffice += events;
			if (events > 0 && (busiest === null || events > busiest.events)) busiest = { weekday, hour, events };
		}
	}
	return { total, max: busiest?.events ?? 0, busiest, outsideOffice };
}
