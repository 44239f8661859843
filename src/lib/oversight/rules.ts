/**
 * The detection rules by id (src/lib/server/detection has one module per rule), shared by
 * the server and the auditors' pages (filters, names). An alert's rule is one of these.
 */
export const RULE_IDS = [
	'self-lookup',
	'relative-lookup',
	'protected-person',
	'no-case-ref',
	'off-hours',
	'volume-spike',
	'many-officials',
	'consecutive-codes',
	'after-employment'
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const TRIAGE_DECISIONS = ['incident', 'explained', 'false_positive'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

export function isRuleId(s: string): s is RuleId {
	return (RULE_IDS as readonly string[]).includes(s);
}
