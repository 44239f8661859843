/** relative-lookup: family, household and rare-surname links in the register, and what explains them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	alertsOf,
	closeDetectionDb,
	explainedOf,
	newAgencyCode,
	newCode,
	openDetectionDb,
	runDetection,
	storeEvents,
	storePeople,
	tallinnWinter
} from '../support/detection';

beforeAll(openDetectionDb);
afterAll(closeDetectionDb);

const uniqueName = () => `Testname${Math.random().toString(36).slice(2, 10)}`;

describe('relative-lookup', () => {
	it('fires high on a child, a parent, a sibling and a household member, medium on a rare namesake, naming the link', async () => {
		const [official, mother, child, sibling, housemate, namesake, agency] = [newCode(), newCode(), newCode(), newCode(), newCode(), newCode(), newAgencyCode()];
		const surname = uniqueName();
		const household = 3_000_000 + Math.floor(Math.random() * 1_000_000_000);
		await storePeople([
			{ code: official, last_name: surname, mother, household_id: household },
			{ code: mother, last_name: uniqueName() },
			{ code: child, last_name: uniqueName(), father: official },
			{ code: sibling, last_name: uniqueName(), mother },
			{ code: housemate, last_name: uniqueName(), household_id: household },
			{ code: namesake, last_name: surname }
		]);
		const at = tallinnWinter('2025-01-21', 10);
		await storeEvents([child, mother, sibling, housemate, namesake].map((subject) => ({ subject, actor: official, agency, at, caseRef: 'OWN-1' })));
		await runDetection();
		const alerts = await alertsOf('relative-lookup', [official]);
		const bySubject = new Map(alerts.map((a) => [a.subject_code, a]));
		expect(bySubject.get(child)).toMatchObject({ severity: 'high', detail: { link: 'parent-child' } });
		expect(bySubject.get(mother)).toMatchObject({ severity: 'high', detail: { link: 'parent-child' } });
		expect(bySubject.get(sibling)).toMatchObject({ severity: 'high', detail: { link: 'sibling' } });
		expect(bySubject.get(housemate)).toMatchObject({ severity: 'high', detail: { link: 'household' } });
		expect(bySubject.get(namesake)).toMatchObject({ severity: 'medium', detail: { link: 'surname', surname_holders: 2 } });
		expect(alerts).toHaveLength(5);
		expect(alerts[0]!.dedupe_key).toBe(`relative-lookup:${official}:${alerts[0]!.subject_code}:2025-01-21`);
	});

	it('stays quiet on ordinary traffic: strangers, a common surname, and relatives processed automatically', async () => {
		const [official, stranger, relative, agency] = [newCode(), newCode(), newCode(), newAgencyCode()];
		const common = uniqueName();
		const namesakes = Array.from({ length: 31 }, () => newCode());
		await storePeople([
			{ code: official, last_name: common },
			{ code: stranger, last_name: uniqueName() },
			{ code: relative, last_name: uniqueName(), mother: official },
			...namesakes.map((code) => ({ code, last_name: common }))
		]);
		const at = tallinnWinter('2025-01-22', 11);
		await storeEvents([
			{ subject: stranger, actor: official, agency, at, caseRef: 'C-1' },
			{ subject: namesakes[0]!, actor: official, agency, at, caseRef: 'C-2' },
			{ subject: relative, agency, at }
		]);
		await runDetection();
		expect(await alertsOf('relative-lookup', [official, stranger, relative, ...namesakes])).toEqual([]);
	});

	it('is explained only by a case another official corroborated earlier, and records why', async () => {
		const [official, colleague, child, child2, agency] = [newCode(), newCode(), newCode(), newCode(), newAgencyCode()];
		await storePeople([{ code: official }, { code: child, mother: official }, { code: child2, mother: official }, { code: colleague }]);
		await storeEvents([
			// child: the colleague opened the case first; child2: only automated processing did.
			{ subject: child, actor: colleague, agency, at: tallinnWinter('2025-01-23', 9), caseRef: 'CASE-77' },
			{ subject: child2, agency, at: tallinnWinter('2025-01-23', 9), caseRef: 'CASE-78' },
			{ subject: child, actor: official, agency, at: tallinnWinter('2025-01-23', 10), caseRef: 'CASE-77' },
			{ subject: child2, actor: official, agency, at: tallinnWinter('2025-01-23', 10), caseRef: 'CASE-78' }
		]);
		await runDetection();
		const alerts = await alertsOf('relative-lookup', [official]);
		expect(alerts.map((a) => a.subject_code)).toEqual([child2]);
		const explained = await explainedOf('relative-lookup', [official]);
		expect(explained).toHaveLength(1);
		expect(explained[0]).toMatchObject({ subject_code: child, case_ref: 'CASE-77', dedupe_key: `relative-lookup:${official}:${child}:2025-01-23` });
		expect(explained[0]!.explanation).toContain('CASE-77');
		expect(explained[0]!.detail).toMatchObject({ cases: [{ case_ref: 'CASE-77', by_officials: 1, by_automated: 0 }] });
	});
});
