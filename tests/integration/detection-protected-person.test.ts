/** protected-person: look-ups of people on the protected list, and the corroborated cases that explain them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsOf, closeDetectionDb, explainedOf, newAgencyCode, newCode, openDetectionDb, protect, runDetection, storeEvents, tallinnWinter } from '../support/detection';

beforeAll(openDetectionDb);
afterAll(closeDetectionDb);

describe('protected-person', () => {
	it('fires on a look-up of someone on the list, not on someone taken off it', async () => {
		const [official, politician, former, agency] = [newCode(), newCode(), newCode(), newAgencyCode()];
		await protect(politician, 'add');
		await protect(former, 'add', '2025-01-01T00:00:00.000Z');
		await protect(former, 'remove', '2025-02-01T00:00:00.000Z');
		const [event] = await storeEvents([
			{ subject: politician, actor: official, agency, at: tallinnWinter('2025-01-27', 14), caseRef: 'X-1' },
			{ subject: former, actor: official, agency, at: tallinnWinter('2025-01-27', 14), caseRef: 'X-2' }
		]);
		await runDetection();
		const alerts = await alertsOf('protected-person', [politician, former]);
		expect(alerts).toHaveLength(1);
		expect(alerts[0]).toMatchObject({ severity: 'medium', subject_code: politician, actor_code: official, event_ids: [event!.event_id], detail: { category: 'politician' } });
	});

	it('is explained by a case the agency’s automated processing or another official corroborated earlier, not by the official’s own number', async () => {
		const [official, colleague, a, b, c, d, agency] = [newCode(), newCode(), newCode(), newCode(), newCode(), newCode(), newAgencyCode()];
		for (const p of [a, b, c, d]) await protect(p, 'add');
		const early = tallinnWinter('2025-01-28', 8);
		const look = tallinnWinter('2025-01-28', 10);
		const late = tallinnWinter('2025-01-28', 12);
		await storeEvents([
			{ subject: a, agency, at: early, caseRef: 'K-1' }, // automated, earlier: explains
			{ subject: b, actor: colleague, agency, at: early, caseRef: 'K-2' }, // another official, earlier: explains
			{ subject: c, actor: official, agency, at: early, caseRef: 'K-3' }, // the official's own: does not
			{ subject: d, actor: colleague, agency, at: late, caseRef: 'K-4' }, // later: does not
			...[
				[a, 'K-1'],
				[b, 'K-2'],
				[c, 'K-3'],
				[d, 'K-4']
			].map(([subject, caseRef]) => ({ subject: subject!, actor: official, agency, at: look, caseRef }))
		]);
		await runDetection();
		const alerts = await alertsOf('protected-person', [a, b, c, d]);
		const alerted = new Set(alerts.filter((x) => x.actor_code === official).map((x) => x.subject_code));
		expect(alerted).toEqual(new Set([c, d]));
		const explained = await explainedOf('protected-person', [official]);
		expect(new Set(explained.map((e) => e.subject_code))).toEqual(new Set([a, b]));
		expect(explained.find((e) => e.subject_code === a)!.explanation).toContain('automated processing');
	});

	it('stays quiet on ordinary traffic: unprotected people, automated processing of protected people', async () => {
		const [official, ordinary, protectedOne, agency] = [newCode(), newCode(), newCode(), newAgencyCode()];
		await protect(protectedOne, 'add');
		await storeEvents([
			{ subject: ordinary, actor: official, agency, at: tallinnWinter('2025-01-29', 10), caseRef: 'Z-1' },
			{ subject: protectedOne, agency, at: tallinnWinter('2025-01-29', 3) }
		]);
		await runDetection();
		expect(await alertsOf('protected-person', [official, ordinary, protectedOne])).toEqual([]);
	});
});
