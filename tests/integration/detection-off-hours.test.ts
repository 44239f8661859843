/** off-hours: night and weekend sessions by officials for whom such work is rare. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { params } from '../../src/lib/server/detection/rules/off-hours';
import {
	alertsOf,
	closeDetectionDb,
	explainedOf,
	newAgencyCode,
	newCode,
	openDetectionDb,
	runDetection,
	storeEvents,
	storePurpose,
	tallinnWinter,
	weekdays,
	type EventSpec
} from '../support/detection';

beforeAll(openDetectionDb);
afterAll(closeDetectionDb);

/** An office pattern: one look-up at 10:00 on each of 30 weekdays before mid-February 2025. */
function officeHistory(actor: string, agency: string, days = 30): EventSpec[] {
	return weekdays('2025-01-06', days).map((d) => ({ subject: newCode(), actor, agency, at: tallinnWinter(d, 10), caseRef: `H-${d}` }));
}

const night = (actor: string, agency: string, day: string, count: number, purpose?: string): EventSpec[] =>
	[21, 22, 23, 5, 6].slice(0, count).map((hour) => ({ subject: newCode(), actor, agency, at: tallinnWinter(day, hour, 10), purpose, caseRef: `N-${hour}` }));

describe('off-hours', () => {
	it('documents its parameters', () => {
		expect(params).toEqual({ dayStart: 7, dayEnd: 20, maxUsualShare: 0.05, historyDays: 90, minHistory: 10, minEvents: 3 });
	});

	it('fires on a night session and on a weekend session of an official who works office hours', async () => {
		const [a, b, agency] = [newCode(), newCode(), newAgencyCode()];
		const session = night(a, agency, '2025-02-19', 3);
		const weekend = [10, 11, 12].map((hour) => ({ subject: newCode(), actor: b, agency, at: tallinnWinter('2025-02-22', hour), caseRef: 'W' }));
		await storeEvents([...officeHistory(a, agency), ...officeHistory(b, agency)]);
		const stored = await storeEvents([...session, ...weekend]);
		await runDetection();
		const alerts = await alertsOf('off-hours', [a, b]);
		expect(alerts.map((x) => x.dedupe_key)).toEqual([`off-hours:${a}:2025-02-19`, `off-hours:${b}:2025-02-22`]);
		expect(alerts[0]).toMatchObject({ severity: 'low', actor_code: a, subject_code: '', detail: { events: 3, prior_events: 30, prior_off_hours: 0, prior_share: 0 } });
		expect(alerts[0]!.event_ids).toEqual(stored.slice(0, 3).map((e) => e.event_id));
		expect(alerts[0]!.event_subjects).toEqual(stored.slice(0, 3).map((e) => e.subject_code));
	});

	it('stays quiet on ordinary traffic: usual night workers, a single late look-up, round-the-clock purposes, no history', async () => {
		const [usual, once, shift, newcomer, agency] = [newCode(), newCode(), newCode(), newCode(), newAgencyCode()];
		const shiftPurpose = `SHIFT-${agency}`;
		await storePurpose(shiftPurpose, { round_the_clock: true });
		await storeEvents([
			...officeHistory(usual, agency),
			...weekdays('2025-01-20', 4).map((d) => ({ subject: newCode(), actor: usual, agency, at: tallinnWinter(d, 22), caseRef: 'U' })),
			...officeHistory(once, agency),
			...officeHistory(shift, agency),
			...officeHistory(newcomer, agency, 5)
		]);
		await storeEvents([
			...night(usual, agency, '2025-02-19', 3),
			...night(once, agency, '2025-02-19', 2),
			...night(shift, agency, '2025-02-19', 3, shiftPurpose),
			...night(newcomer, agency, '2025-02-19', 3)
		]);
		await runDetection();
		expect(await alertsOf('off-hours', [usual, once, shift, newcomer])).toEqual([]);
	});

	it('drops a session that a corroborated case leaves below the minimum, and records why', async () => {
		const [official, agency] = [newCode(), newAgencyCode()];
		const session = night(official, agency, '2025-02-19', 3);
		await storeEvents(officeHistory(official, agency));
		// The agency's own processing opened the first look-up's case earlier that day.
		await storeEvents([{ subject: session[0]!.subject, agency, at: tallinnWinter('2025-02-19', 9), caseRef: session[0]!.caseRef }, ...session]);
		await runDetection();
		expect(await alertsOf('off-hours', [official])).toEqual([]);
		const explained = await explainedOf('off-hours', [official]);
		expect(explained).toHaveLength(1);
		expect(explained[0]).toMatchObject({ dedupe_key: `off-hours:${official}:2025-02-19`, case_ref: 'N-21', detail: { explained_events: 1, unexplained_events: 2 } });
	});
});
