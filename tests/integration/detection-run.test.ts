/** The engine: cursors, incremental runs, single flight, parts of a backlog, the run record. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/lib/oversight/rules';
import { closeDetectionDb, detection, newAgencyCode, newCode, openDetectionDb, runDetection, storeEvents, tallinnWinter } from '../support/detection';

beforeAll(openDetectionDb);
afterAll(closeDetectionDb);

describe('runDetection', () => {
	it('covers every rule from its cursor to the ledger size at the start, and next time only what is new', async () => {
		const agency = newAgencyCode();
		await storeEvents(Array.from({ length: 5 }, () => ({ subject: newCode(), actor: newCode(), agency, at: tallinnWinter('2025-01-14', 10), caseRef: 'R' })));
		const first = await runDetection();
		expect(first.rules.map((r) => r.rule)).toEqual([...RULE_IDS]);
		for (const r of first.rules) expect(r).toMatchObject({ to_index: first.size });
		await storeEvents([{ subject: newCode(), actor: newCode(), agency, at: tallinnWinter('2025-01-14', 11), caseRef: 'R' }]);
		const second = await runDetection();
		expect(second.size).toBe(first.size + 1);
		for (const r of second.rules) expect(r).toMatchObject({ from_index: first.size, to_index: first.size + 1 });
		const idle = await runDetection();
		for (const r of idle.rules) expect(r).toMatchObject({ from_index: idle.size, to_index: idle.size, hits: 0, alerts: 0 });
	});

	it('runs one at a time: calls during a run share the next run, which starts after it', async () => {
		const agency = newAgencyCode();
		const self = newCode();
		await storeEvents([{ subject: self, actor: self, agency, at: tallinnWinter('2025-01-15', 10) }]);
		const a = runDetection();
		const b = runDetection();
		const c = detection.runDetection({ trigger: 'schedule', rules: ['self-lookup'] });
		const [ra, rb, rc] = await Promise.all([a, b, c]);
		expect(rb.run_id).not.toBe(ra.run_id);
		expect(rc.run_id).toBe(rb.run_id);
		expect(rb.trigger).toBe('manual');
		expect(ra.rules.find((r) => r.rule === 'self-lookup')).toMatchObject({ alerts: 1 });
		expect(rb.rules.find((r) => r.rule === 'self-lookup')).toMatchObject({ from_index: ra.size, alerts: 0 });
	});

	it('runs only the rules asked for', async () => {
		const summary = await detection.runDetection({ trigger: 'manual', rules: ['no-case-ref', 'off-hours'] });
		expect(summary.rules.map((r) => r.rule)).toEqual(['no-case-ref', 'off-hours']);
	});

	it('finds the same hits whether a range is worked in one part or several', async () => {
		const agency = newAgencyCode();
		const officials = Array.from({ length: 12 }, () => newCode());
		const stored = await storeEvents(officials.map((o) => ({ subject: o, actor: o, agency, at: tallinnWinter('2025-01-16', 10) })));
		const { rule } = await import('../../src/lib/server/detection/rules/self-lookup');
		const { queryOne } = await import('../../src/lib/server/db/query');
		const { z } = await import('zod');
		const size = (await queryOne('SELECT count() AS n FROM usage_event', {}, z.object({ n: z.coerce.number() })))!.n;
		const range = { from: size - stored.length, to: size };
		const whole = (await rule.find(range)).map((h) => h.dedupe_key).sort();
		const parts = (await Promise.all([0, 1, 2].map((part) => rule.find({ ...range, part, parts: 3 })))).flat().map((h) => h.dedupe_key).sort();
		expect(whole).toHaveLength(12);
		expect(parts).toEqual(whole);
	});

	it('records each rule’s run with its range, counts and trigger', async () => {
		const { queryRows } = await import('../../src/lib/server/db/query');
		const { z } = await import('zod');
		const summary = await runDetection();
		const rows = await queryRows(
			"SELECT rule, toString(trigger) AS trigger FROM detection_run WHERE run_id = {id:UUID}",
			{ id: summary.run_id },
			z.object({ rule: z.string(), trigger: z.string() })
		);
		// The events the previous test stored are new to this run: every rule records its range.
		expect(rows.map((r) => r.rule).sort()).toEqual([...RULE_IDS].sort());
		expect(rows.every((r) => r.trigger === 'manual')).toBe(true);
		const again = await runDetection();
		const none = await queryRows('SELECT rule FROM detection_run WHERE run_id = {id:UUID}', { id: again.run_id }, z.object({ rule: z.string() }));
		// An idle run covers nothing new and records nothing.
		expect(none).toEqual([]);
		const earlier = await queryRows(
			"SELECT count() AS n FROM detection_run WHERE trigger = 'manual' AND to_index > from_index",
			{},
			z.object({ n: z.coerce.number() })
		);
		expect(earlier[0]!.n).toBeGreaterThanOrEqual(RULE_IDS.length);
	});
});
