/** consecutive-codes: browsing the register by personal code. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { params } from '../../src/lib/server/detection/rules/consecutive-codes';
import { alertsOf, closeDetectionDb, newAgencyCode, newCode, newPersonalCode, openDetectionDb, randomBirth, runDetection, storeEvents, tallinnWinter } from '../support/detection';

beforeAll(openDetectionDb);
afterAll(closeDetectionDb);

/** People born the same day, of the same sex, with these serial numbers. */
const neighbours = (serials: number[]) => {
	const birth = randomBirth();
	return serials.map((s) => `EE${newPersonalCode(birth, s, 'F')}`);
};

describe('consecutive-codes', () => {
	it('documents its parameters', () => {
		expect(params).toMatchObject({ minRun: 5, windowMinutes: 60, maxStep: 3 });
	});

	it('fires on five neighbouring codes within the hour, whatever order they were opened in, once', async () => {
		const [official, agency] = [newCode(), newAgencyCode()];
		const people = neighbours([101, 102, 104, 107, 108]);
		const order = [2, 0, 4, 1, 3];
		const stored = await storeEvents(order.map((k, i) => ({ subject: people[k]!, actor: official, agency, at: tallinnWinter('2025-02-11', 14, i * 8), caseRef: 'C' })));
		await runDetection();
		await runDetection();
		const alerts = await alertsOf('consecutive-codes', [official]);
		expect(alerts).toHaveLength(1);
		expect(alerts[0]).toMatchObject({
			severity: 'high',
			actor_code: official,
			dedupe_key: `consecutive-codes:${official}:${people[0]}`,
			detail: { people: 5, first_code: people[0], last_code: people[4], minutes: 32 }
		});
		expect(alerts[0]!.event_ids).toEqual(stored.map((e) => e.event_id));
	});

	it('stays quiet on ordinary traffic: gaps wider than the step, the same people over a day, four neighbours', async () => {
		const [a, b, c, agency] = [newCode(), newCode(), newCode(), newAgencyCode()];
		const wide = neighbours([101, 105, 109, 113, 117]);
		const slow = neighbours([201, 202, 203, 204, 205]);
		const four = neighbours([301, 302, 303, 304]);
		await storeEvents([
			...wide.map((subject, i) => ({ subject, actor: a, agency, at: tallinnWinter('2025-02-12', 10, i * 5), caseRef: 'W' })),
			...slow.map((subject, i) => ({ subject, actor: b, agency, at: tallinnWinter('2025-02-12', 8 + 2 * i), caseRef: 'S' })),
			...four.map((subject, i) => ({ subject, actor: c, agency, at: tallinnWinter('2025-02-12', 10, i * 5), caseRef: 'F' }))
		]);
		await runDetection();
		expect(await alertsOf('consecutive-codes', [a, b, c])).toEqual([]);
	});
});
