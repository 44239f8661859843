/** many-officials: many officials on one person within a short window. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { params } from '../../src/lib/server/detection/rules/many-officials';
import { alertsOf, closeDetectionDb, explainedOf, newAgencyCode, newCode, openDetectionDb, runDetection, storeEvents, tallinnWinter } from '../support/detection';

beforeAll(openDetectionDb);
afterAll(closeDetectionDb);

const hoursAfter = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();
const START = tallinnWinter('2025-02-10', 9);

describe('many-officials', () => {
	it('documents its parameters', () => {
		expect(params).toMatchObject({ minOfficials: 5, windowHours: 24 });
	});

	it('fires when five officials look a person up within 24 hours, once for overlapping windows', async () => {
		const person = newCode();
		const officials = Array.from({ length: 6 }, () => newCode());
		const stored = await storeEvents(officials.map((actor, i) => ({ subject: person, actor, agency: newAgencyCode(), at: hoursAfter(START, i * 2), caseRef: `M-${i}` })));
		await runDetection();
		const alerts = await alertsOf('many-officials', [person]);
		expect(alerts).toHaveLength(1);
		expect(alerts[0]).toMatchObject({ severity: 'medium', actor_code: '', subject_code: person, dedupe_key: `many-officials:${person}:2025-02-10`, detail: { officials: 6, window_hours: 24 } });
		expect(alerts[0]!.event_ids).toEqual(stored.map((e) => e.event_id));
		expect(alerts[0]!.event_subjects).toEqual(stored.map(() => person));
	});

	it('stays quiet on ordinary traffic: four officials, five spread over more than a day, one official many times', async () => {
		const [four, spread, one] = [newCode(), newCode(), newCode()];
		const busy = newCode();
		await storeEvents([
			...Array.from({ length: 4 }, (_, i) => ({ subject: four, actor: newCode(), agency: newAgencyCode(), at: hoursAfter(START, i), caseRef: 'F' })),
			...Array.from({ length: 5 }, (_, i) => ({ subject: spread, actor: newCode(), agency: newAgencyCode(), at: hoursAfter(START, i * 7), caseRef: 'S' })),
			...Array.from({ length: 8 }, (_, i) => ({ subject: one, actor: busy, agency: newAgencyCode(), at: hoursAfter(START, i), caseRef: 'O' }))
		]);
		await runDetection();
		expect(await alertsOf('many-officials', [four, spread, one])).toEqual([]);
	});

	it('does not count an official whose look-up a corroborated case explains, and records the dropped finding', async () => {
		const person = newCode();
		const agencies = Array.from({ length: 5 }, () => newAgencyCode());
		await storeEvents([
			{ subject: person, agency: agencies[0]!, at: hoursAfter(START, -1), caseRef: 'E-0' },
			...agencies.map((agency, i) => ({ subject: person, actor: newCode(), agency, at: hoursAfter(START, i), caseRef: `E-${i}` }))
		]);
		await runDetection();
		expect(await alertsOf('many-officials', [person])).toEqual([]);
		const explained = await explainedOf('many-officials', [person]);
		expect(explained).toHaveLength(1);
		expect(explained[0]).toMatchObject({ case_ref: 'E-0', detail: { officials_left: 4, explained_events: 1 } });
	});
});
