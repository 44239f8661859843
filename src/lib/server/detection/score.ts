/**
 * Detection quality against labelled scenarios, as the rules' semantics define it: an
 * alert is a true positive when its rule is a scenario's rule and its evidence shares at
 * least one event with that scenario; precision = true-positive alerts / all alerts,
 * recall = scenarios with at least one matching alert / scenarios; overall and per rule.
 * False positives are traced to what they touched: a decoy, another rule's scenario, or
 * only ordinary background traffic. Pure: the bench reads the alerts and calls it.
 */
import { RULE_IDS, type RuleId } from '../../oversight/rules';
import type { ScenarioLabel } from './scenarios';

export interface ScoredAlert {
	alert_id: string;
	rule: string;
	actor_code: string;
	subject_code: string;
	event_ids: readonly string[];
}

export interface Counts {
	scenarios: number;
	detected: number;
	alerts: number;
	true_positives: number;
	/** null when there is nothing to divide by (no alerts; no scenarios). */
	precision: number | null;
	recall: number | null;
}

export interface FalseAlert<A extends ScoredAlert = ScoredAlert> {
	alert: A;
	/** What its evidence touched: 'decoy:<kind>', 'scenario:<rule>' (another rule's), or 'background'. */
	cause: string;
}

export interface Score<A extends ScoredAlert = ScoredAlert> {
	overall: Counts;
	rules: Record<RuleId, Counts>;
	/** Scenarios no alert of their rule matched. */
	missed: ScenarioLabel[];
	falseAlerts: FalseAlert<A>[];
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

function counts(scenarios: number, detected: number, alerts: number, truePositives: number): Counts {
	return { scenarios, detected, alerts, true_positives: truePositives, precision: ratio(truePositives, alerts), recall: ratio(detected, scenarios) };
}

/**
 * `decoyOf` maps a decoy's event id to its kind (for tracing false positives); events of
 * neither a scenario nor a decoy are background.
 */
export function scoreDetection<A extends ScoredAlert>(labels: readonly ScenarioLabel[], alerts: readonly A[], decoyOf: ReadonlyMap<string, string> = new Map()): Score<A> {
	// Event id -> the labels whose evidence contains it.
	const labelsOf = new Map<string, ScenarioLabel[]>();
	for (const l of labels) for (const id of l.event_ids) labelsOf.set(id, [...(labelsOf.get(id) ?? []), l]);

	const detected = new Set<ScenarioLabel>();
	const truePositive = new Set<A>();
	const falseAlerts: FalseAlert<A>[] = [];
	for (const a of alerts) {
		const touched = new Set<ScenarioLabel>();
		for (const id of a.event_ids) for (const l of labelsOf.get(id) ?? []) touched.add(l);
		const matches = [...touched].filter((l) => l.rule === a.rule);
		if (matches.length > 0) {
			truePositive.add(a);
			for (const l of matches) detected.add(l);
			continue;
		}
		const decoy = a.event_ids.map((id) => decoyOf.get(id)).find((k) => k !== undefined);
		const other = [...touched][0];
		falseAlerts.push({ alert: a, cause: decoy !== undefined ? `decoy:${decoy}` : other ? `scenario:${other.rule}` : 'background' });
	}

	const rules = {} as Record<RuleId, Counts>;
	for (const rule of RULE_IDS) {
		const ls = labels.filter((l) => l.rule === rule);
		const as = alerts.filter((a) => a.rule === rule);
		rules[rule] = counts(ls.length, ls.filter((l) => detected.has(l)).length, as.length, as.filter((a) => truePositive.has(a)).length);
	}
	return {
		overall: counts(labels.length, detected.size, alerts.length, truePositive.size),
		rules,
		missed: labels.filter((l) => !detected.has(l)),
		falseAlerts
	};
}
