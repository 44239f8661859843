/** after-employment: look-ups outside every employment at the event's agency, judged by the Tallinn date. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsOf, closeDetectionDb, newAgencyCode, newCode, openDetectionDb, runDetection, storeEvents, storeOfficial, tallinnWinter } from '../support/detection';

beforeAll(openDetectionDb);
afterAll(closeDetectionDb);

describe('after-employment', () => {
	it('fires after the last day (by Tallinn date), before the first, and at an agency never worked for', async () => {
		const [official, p1, p2, p3, p4, agency, other] = [newCode(), newCode(), newCode(), newCode(), newCode(), newAgencyCode(), newAgencyCode()];
		await storeOfficial(official, agency, '2020-03-01', '2025-01-31');
		await storeEvents([
			{ subject: p1, actor: official, agency, at: tallinnWinter('2025-02-01', 0, 30), caseRef: 'A-1' }, // 2025-01-31 22:30 UTC
			{ subject: p2, actor: official, agency, at: tallinnWinter('2020-02-29', 12), caseRef: 'A-2' },
			{ subject: p3, actor: official, agency: other, at: tallinnWinter('2024-06-03', 12), caseRef: 'A-3' },
			{ subject: p4, actor: official, agency, at: tallinnWinter('2025-01-31', 23, 30), caseRef: 'A-4' } // the last day: fine
		]);
		await runDetection();
		const alerts = await alertsOf('after-employment', [official]);
		expect(new Map(alerts.map((a) => [a.subject_code, a.detail]))).toEqual(
			new Map([
				[p1, { day: '2025-02-01', employed_there: true, employment: '2020-03-01..2025-01-31', events: 1 }],
				[p2, { day: '2020-02-29', employed_there: true, employment: '2020-03-01..2025-01-31', events: 1 }],
				[p3, { day: '2024-06-03', employed_there: false, employment: '', events: 1 }]
			])
		);
		expect(alerts.every((a) => a.severity === 'high')).toBe(true);
	});

	it('stays quiet on ordinary traffic: during an employment, open-ended or one of several', async () => {
		const [official, person, agency] = [newCode(), newCode(), newAgencyCode()];
		await storeOfficial(official, agency, '2010-01-01', '2015-12-31');
		await storeOfficial(official, agency, '2019-05-01', null);
		await storeEvents([
			{ subject: person, actor: official, agency, at: tallinnWinter('2012-01-10', 10), caseRef: 'B-1' },
			{ subject: person, actor: official, agency, at: tallinnWinter('2025-01-10', 10), caseRef: 'B-2' },
			{ subject: person, agency, at: tallinnWinter('2017-01-10', 10) }
		]);
		await runDetection();
		expect(await alertsOf('after-employment', [official, person])).toEqual([]);
	});
});
