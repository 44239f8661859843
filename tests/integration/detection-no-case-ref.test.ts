/** no-case-ref: manual work without a case where the purpose requires one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsOf, closeDetectionDb, newAgencyCode, newCode, openDetectionDb, runDetection, storeEvents, storePurpose, tallinnWinter } from '../support/detection';

beforeAll(openDetectionDb);
afterAll(closeDetectionDb);

describe('no-case-ref', () => {
	it('fires on a manual look-up without a case reference for a purpose that requires one', async () => {
		const [official, person, agency] = [newCode(), newCode(), newAgencyCode()];
		const purpose = `INV-${agency}`;
		await storePurpose(purpose, { case_required: true });
		const [event] = await storeEvents([{ subject: person, actor: official, agency, at: tallinnWinter('2025-01-14', 10), purpose }]);
		await runDetection();
		const alerts = await alertsOf('no-case-ref', [official]);
		expect(alerts).toHaveLength(1);
		expect(alerts[0]).toMatchObject({ severity: 'medium', subject_code: person, event_ids: [event!.event_id], detail: { purposes: [purpose] } });
	});

	it('stays quiet on ordinary traffic: a case given, automated processing, purposes that need no case', async () => {
		const [official, person, agency] = [newCode(), newCode(), newAgencyCode()];
		const required = `INV-${agency}`;
		const optional = `SRV-${agency}`;
		await storePurpose(required, { case_required: true });
		await storePurpose(optional, { case_required: false });
		await storeEvents([
			{ subject: person, actor: official, agency, at: tallinnWinter('2025-01-15', 10), purpose: required, caseRef: 'INV-2025-1' },
			{ subject: person, agency, at: tallinnWinter('2025-01-15', 2), purpose: required },
			{ subject: person, actor: official, agency, at: tallinnWinter('2025-01-15', 11), purpose: optional }
		]);
		await runDetection();
		expect(await alertsOf('no-case-ref', [official, person])).toEqual([]);
	});

	it('the seeded catalogue requires a case for proceedings, and marks round-the-clock work', async () => {
		const { queryRows } = await import('../../src/lib/server/db/query');
		const { insertReference } = await import('../../src/lib/server/seed/insert-reference');
		const { generateReference } = await import('../../src/lib/server/seed/reference');
		const { z } = await import('zod');
		const ref = generateReference({ people: 10, seed: 5 });
		await insertReference({ ...ref, people: [], officials: [], roleGrants: [], personas: [] });
		const rows = await queryRows(
			"SELECT code, case_required, round_the_clock FROM purpose FINAL WHERE code IN ('PPA-INVESTIGATION', 'MTA-AUDIT', 'RR-ADDR-CHECK', 'HK-EMERGENCY', 'PPA-ID-DOC') ORDER BY code",
			{},
			z.object({ code: z.string(), case_required: z.union([z.boolean(), z.number()]).transform(Boolean), round_the_clock: z.union([z.boolean(), z.number()]).transform(Boolean) })
		);
		expect(rows).toEqual([
			{ code: 'HK-EMERGENCY', case_required: false, round_the_clock: true },
			{ code: 'MTA-AUDIT', case_required: true, round_the_clock: false },
			{ code: 'PPA-ID-DOC', case_required: false, round_the_clock: false },
			{ code: 'PPA-INVESTIGATION', case_required: true, round_the_clock: true },
			{ code: 'RR-ADDR-CHECK', case_required: false, round_the_clock: false }
		]);
	});
});
