/** volume-spike: a day far above the official's own baseline and their peers'. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { params } from '../../src/lib/server/detection/rules/volume-spike';
import { alertsOf, closeDetectionDb, newAgencyCode, newCode, openDetectionDb, runDetection, storeEvents, tallinnWinter, type EventSpec } from '../support/detection';

beforeAll(openDetectionDb);
afterAll(closeDetectionDb);

const DAY = '2025-02-20';

/** `perDay` look-ups on each of the `days` days before DAY (from 09:00, a minute apart). */
function baseline(actor: string, agency: string, perDay: number, days = 28): EventSpec[] {
	const out: EventSpec[] = [];
	for (let d = 1; d <= days; d++) {
		const day = new Date(Date.parse(`${DAY}T00:00:00Z`) - d * 86_400_000).toISOString().slice(0, 10);
		for (let i = 0; i < perDay; i++) out.push({ subject: newCode(), actor, agency, at: tallinnWinter(day, 9, i), caseRef: 'B' });
	}
	return out;
}

/**
 * The alerts about DAY. (A history that starts at 50 or 60 a day from nothing is itself a
 * spike on its first days: the tests look at DAY only.)
 */
const onDayAlerts = async (codes: string[]) => (await alertsOf('volume-spike', codes)).filter((a) => a.detail.day === DAY);

const onDay = (actor: string, agency: string, n: number): EventSpec[] =>
	Array.from({ length: n }, (_, i) => ({ subject: newCode(), actor, agency, at: tallinnWinter(DAY, 8 + Math.floor(i / 50), i % 50), caseRef: 'D' }));

describe('volume-spike', () => {
	it('documents its parameters', () => {
		expect(params).toMatchObject({ minDaily: 40, baselineDays: 28, sdFactor: 4, peerQuantile: 0.99 });
	});

	it('fires when a day exceeds minDaily, the official’s baseline and the peers’ quantile', async () => {
		const [official, peer, steady, agency] = [newCode(), newCode(), newCode(), newAgencyCode()];
		await storeEvents([...baseline(official, agency, 5), ...baseline(peer, agency, 5), ...baseline(steady, agency, 50)]);
		const spike = await storeEvents(onDay(official, agency, 60));
		await storeEvents(onDay(steady, agency, 50));
		await runDetection();
		const alerts = await onDayAlerts([official, peer, steady]);
		expect(alerts).toHaveLength(1);
		expect(alerts[0]).toMatchObject({
			severity: 'medium',
			actor_code: official,
			agency_code: agency,
			dedupe_key: `volume-spike:${official}:${DAY}`,
			detail: { day: DAY, count: 60, baseline_mean: 5, baseline_sd: 0, peer_quantile: 50, peers: 2, people: 60 }
		});
		expect(new Set(alerts[0]!.event_ids)).toEqual(new Set(spike.map((e) => e.event_id)));
	});

	it('stays quiet on ordinary traffic: busy agencies, small days, steady heavy users', async () => {
		const [official, busyPeer, small, agency, otherAgency] = [newCode(), newCode(), newCode(), newAgencyCode(), newAgencyCode()];
		await storeEvents([...baseline(official, agency, 2), ...baseline(busyPeer, agency, 60), ...baseline(small, otherAgency, 1)]);
		await storeEvents([...onDay(official, agency, 45), ...onDay(busyPeer, agency, 60), ...onDay(small, otherAgency, 30)]);
		await runDetection();
		expect(await onDayAlerts([official, busyPeer, small])).toEqual([]);
	});

	it('fires once the day grows past the limit in a later run, and only once', async () => {
		const [official, agency] = [newCode(), newAgencyCode()];
		await storeEvents([...baseline(official, agency, 1), ...onDay(official, agency, 30)]);
		await runDetection();
		expect(await alertsOf('volume-spike', [official])).toEqual([]);
		await storeEvents(onDay(official, agency, 20));
		await runDetection();
		await storeEvents(onDay(official, agency, 5));
		await runDetection();
		const alerts = await alertsOf('volume-spike', [official]);
		expect(alerts).toHaveLength(1);
		expect(alerts[0]!.detail).toMatchObject({ count: 50 });
	});
});
