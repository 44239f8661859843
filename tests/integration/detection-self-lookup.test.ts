/** self-lookup: an official looking up their own record, and ordinary work around it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsOf, closeDetectionDb, newAgencyCode, newCode, openDetectionDb, runDetection, storeEvents, tallinnWinter } from '../support/detection';

beforeAll(openDetectionDb);
afterAll(closeDetectionDb);

describe('self-lookup', () => {
	it('raises one high alert per official and Tallinn day for their own record, once however often detection runs', async () => {
		const [official, agency] = [newCode(), newAgencyCode()];
		const [first, second, nextDay] = await storeEvents([
			{ subject: official, actor: official, agency, at: tallinnWinter('2025-01-14', 10) },
			{ subject: official, actor: official, agency, at: tallinnWinter('2025-01-14', 15) },
			{ subject: official, actor: official, agency, at: tallinnWinter('2025-01-15', 0, 30) }
		]);
		await runDetection();
		await runDetection();
		const alerts = await alertsOf('self-lookup', [official]);
		expect(alerts.map((a) => a.dedupe_key)).toEqual([`self-lookup:${official}:${official}:2025-01-14`, `self-lookup:${official}:${official}:2025-01-15`]);
		expect(alerts[0]).toMatchObject({ severity: 'high', actor_code: official, subject_code: official, agency_code: agency });
		expect(alerts[0]!.event_ids).toEqual([first!.event_id, second!.event_id]);
		expect(alerts[0]!.event_subjects).toEqual([official, official]);
		expect(alerts[1]!.event_ids).toEqual([nextDay!.event_id]);
		expect(alerts[0]!.detail).toMatchObject({ day: '2025-01-14', events: 2 });
	});

	it('a later look-up on a day already alerted raises nothing new', async () => {
		const [official, agency] = [newCode(), newAgencyCode()];
		await storeEvents([{ subject: official, actor: official, agency, at: tallinnWinter('2025-02-03', 9) }]);
		await runDetection();
		await storeEvents([{ subject: official, actor: official, agency, at: tallinnWinter('2025-02-03', 11) }]);
		await runDetection();
		expect(await alertsOf('self-lookup', [official])).toHaveLength(1);
	});

	it('stays quiet on ordinary traffic: automated processing of an official’s record, and officials looking up other people', async () => {
		const [official, colleague, person, agency] = [newCode(), newCode(), newCode(), newAgencyCode()];
		await storeEvents([
			{ subject: official, agency, at: tallinnWinter('2025-01-20', 3) },
			{ subject: person, actor: official, agency, at: tallinnWinter('2025-01-20', 10), caseRef: 'T-1' },
			{ subject: official, actor: colleague, agency, at: tallinnWinter('2025-01-20', 11), caseRef: 'T-2' }
		]);
		await runDetection();
		expect(await alertsOf('self-lookup', [official, colleague, person])).toEqual([]);
	});
});
