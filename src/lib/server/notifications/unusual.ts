/**
 * What "unusual" means for the notification preference "only unusual uses", until the
 * oversight body's detection rules (issue 5) exist. Kept apart, behind one function, so the
 * rule engine can replace it (or add its alerts as further reasons). A use is unusual when
 * at least one holds:
 * - outside working hours: before 07:00 or from 19:00 Tallinn time, or on a Saturday or
 *   Sunday (public holidays are not known here and count as working days);
 * - a new agency: the agency had not used the person's data in the 365 days before it;
 * - no purpose given: neither a catalogue purpose code nor a purpose text.
 * A restricted use shows the person its time only, so only its time is judged: judging its
 * agency or purpose would tell what the restriction hides.
 */
import { wallTime } from '../../format';

export const UNUSUAL_REASONS = ['outside_hours', 'new_agency', 'no_purpose'] as const;
export type UnusualReason = (typeof UNUSUAL_REASONS)[number];

export const WORKDAY_START_HOUR = 7;
export const WORKDAY_END_HOUR = 19;
export const NEW_AGENCY_DAYS = 365;

const DAY_MS = 86_400_000;

export interface JudgedUse {
	logged_at: string;
	restricted: boolean;
	agency_code: string;
	purpose_code: string;
	action: string;
}

/** Earlier uses of one person's data (visible to them, unrestricted): when, per agency. */
export class UseHistory {
	private readonly byAgency = new Map<string, number[]>();

	constructor(uses: Iterable<{ agency_code: string; logged_at: string }>) {
		for (const u of uses) {
			const list = this.byAgency.get(u.agency_code) ?? [];
			list.push(Date.parse(u.logged_at));
			this.byAgency.set(u.agency_code, list);
		}
	}

	/** Whether the agency used the data at some time in [from, to). */
	usedBetween(agency: string, from: number, to: number): boolean {
		return this.byAgency.get(agency)?.some((t) => t >= from && t < to) ?? false;
	}
}

export function outsideWorkingHours(at: Date): boolean {
	const w = wallTime(at);
	const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay(); // 0 = Sunday
	return weekday === 0 || weekday === 6 || w.hour < WORKDAY_START_HOUR || w.hour >= WORKDAY_END_HOUR;
}

/** Why a use is unusual; empty when it is not. */
export function unusualReasons(use: JudgedUse, history: UseHistory): UnusualReason[] {
	const at = Date.parse(use.logged_at);
	const reasons: UnusualReason[] = [];
	if (outsideWorkingHours(new Date(at))) reasons.push('outside_hours');
	if (use.restricted) return reasons;
	if (!history.usedBetween(use.agency_code, at - NEW_AGENCY_DAYS * DAY_MS, at)) reasons.push('new_agency');
	if (use.purpose_code.trim() === '' && use.action.trim() === '') reasons.push('no_purpose');
	return reasons;
}
