import { describe, expect, it } from 'vitest';
import { scoreDetection, type ScoredAlert } from './score';
import type { ScenarioLabel } from './scenarios';

const label = (rule: ScenarioLabel['rule'], ...event_ids: string[]): ScenarioLabel => ({ rule, actor_code: 'EE1', subject_code: 'EE2', event_ids });
const alert = (alert_id: string, rule: string, ...event_ids: string[]): ScoredAlert => ({ alert_id, rule, actor_code: 'EE1', subject_code: 'EE2', event_ids });

describe('scoreDetection', () => {
	// Four scenarios (two self-lookup, one off-hours, one many-officials) and six alerts:
	// a1, a2 match self-lookup scenario s1 (two alerts, one scenario); a3 matches off-hours;
	// a4 is an off-hours alert on s1's event (right event, wrong rule); a5 fires on a decoy;
	// a6 on background only. s2 and the many-officials scenario are missed.
	const labels = [label('self-lookup', 'e1', 'e2'), label('self-lookup', 'e3'), label('off-hours', 'e4', 'e5'), label('many-officials', 'e6')];
	const alerts = [alert('a1', 'self-lookup', 'e1'), alert('a2', 'self-lookup', 'e2', 'x9'), alert('a3', 'off-hours', 'e5'), alert('a4', 'off-hours', 'e1'), alert('a5', 'volume-spike', 'd1', 'd2'), alert('a6', 'relative-lookup', 'b1')];
	const score = scoreDetection(labels, alerts, new Map([['d2', 'busy-official']]));

	it('counts precision over alerts and recall over scenarios, overall', () => {
		expect(score.overall).toEqual({ scenarios: 4, detected: 2, alerts: 6, true_positives: 3, precision: 3 / 6, recall: 2 / 4 });
	});

	it('counts them per rule, with null where there is nothing to divide by', () => {
		expect(score.rules['self-lookup']).toEqual({ scenarios: 2, detected: 1, alerts: 2, true_positives: 2, precision: 1, recall: 0.5 });
		expect(score.rules['off-hours']).toEqual({ scenarios: 1, detected: 1, alerts: 2, true_positives: 1, precision: 0.5, recall: 1 });
		expect(score.rules['many-officials']).toEqual({ scenarios: 1, detected: 0, alerts: 0, true_positives: 0, precision: null, recall: 0 });
		expect(score.rules['volume-spike']).toEqual({ scenarios: 0, detected: 0, alerts: 1, true_positives: 0, precision: 0, recall: null });
		expect(score.rules['consecutive-codes']).toEqual({ scenarios: 0, detected: 0, alerts: 0, true_positives: 0, precision: null, recall: null });
	});

	it('lists the missed scenarios and traces each false alert to what it touched', () => {
		expect(score.missed.map((l) => l.event_ids[0])).toEqual(['e3', 'e6']);
		expect(score.falseAlerts.map((f) => [f.alert.alert_id, f.cause])).toEqual([
			['a4', 'scenario:self-lookup'],
			['a5', 'decoy:busy-official'],
			['a6', 'background']
		]);
	});

	it('is perfect when every scenario has its alert and nothing else fires, and empty input divides by nothing', () => {
		const perfect = scoreDetection([label('self-lookup', 'e1')], [alert('a1', 'self-lookup', 'e1')]);
		expect([perfect.overall.precision, perfect.overall.recall]).toEqual([1, 1]);
		const empty = scoreDetection([], []);
		expect([empty.overall.precision, empty.overall.recall, empty.falseAlerts.length]).toEqual([null, null, 0]);
	});
});
