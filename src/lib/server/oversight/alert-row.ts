/**
 * An alert as the auditors' pages and JSON read it: the row detection wrote, its measured
 * values parsed, and its current triage (the latest alert_triage row, or none).
 */
import { z } from 'zod';
import { SEVERITIES, TRIAGE_DECISIONS, type Severity, type TriageDecision } from '$lib/oversight/rules';
import type { TriageState } from '$lib/oversight/alert-filters';
import { int64, utcDateTime } from '../db/columns';

export interface CurrentTriage {
	seq: number;
	decision: TriageDecision;
	reason: string;
	actor: string;
	at: string;
}

export interface Alert {
	alert_id: string;
	/** One of RULE_IDS; kept as text so a rule newer than this code is still listed (isRuleId tells). */
	rule: string;
	severity: Severity;
	/** The official, country-prefixed ('' when the finding is about a person only). */
	actor_code: string;
	agency_code: string;
	/** The person ('' when the finding is about an official only). */
	subject_code: string;
	event_ids: string[];
	/** Each evidence event's person, in the order of event_ids. */
	event_subjects: string[];
	first_at: string;
	last_at: string;
	/** The rule's measured values (counts, baseline, the family link, ...). */
	detail: Record<string, unknown>;
	detected_at: string;
	triage: CurrentTriage | null;
}

/**
 * The latest triage row per alert, joined to `alert AS a` as `t`. Aliases differ from the
 * columns: ClickHouse would otherwise resolve `seq` inside argMax to the alias.
 * An alert without triage gets the join's defaults: last_seq = 0 marks it untriaged.
 */
export const CURRENT_TRIAGE_JOIN = `LEFT JOIN (
	SELECT alert_id, max(seq) AS last_seq, argMax(decision, seq) AS last_decision, argMax(reason, seq) AS last_reason,
		argMax(actor, seq) AS last_actor, argMax(at, seq) AS last_at_triage
	FROM alert_triage GROUP BY alert_id
) AS t ON t.alert_id = a.alert_id`;

export const ALERT_COLUMNS = `toString(a.alert_id) AS alert_id, a.rule AS rule, a.severity AS severity, a.actor_code AS actor_code,
	a.agency_code AS agency_code, a.subject_code AS subject_code, arrayMap(x -> toString(x), a.event_ids) AS event_ids,
	a.event_subjects AS event_subjects, a.first_at AS first_at, a.last_at AS last_at, a.detail AS detail, a.detected_at AS detected_at,
	t.last_seq AS triage_seq, toString(t.last_decision) AS triage_decision, t.last_reason AS triage_reason,
	t.last_actor AS triage_actor, t.last_at_triage AS triage_at`;

/** The SQL condition for a triage state (on the join above). */
export function triageStateCondition(state: TriageState): { sql: string; params: Record<string, unknown> } {
	if (state === 'untriaged') return { sql: 't.last_seq = 0', params: {} };
	return { sql: 't.last_seq > 0 AND t.last_decision = {triageState:String}', params: { triageState: state } };
}

/** detail is JSON text written by detection; anything but an object reads as no values. */
function parseDetail(text: string): Record<string, unknown> {
	try {
		const v: unknown = JSON.parse(text);
		return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

export const alertRow = z
	.object({
		alert_id: z.string(),
		// A rule id the pages do not know yet (a newer detection module) is still listed.
		rule: z.string(),
		severity: z.enum(SEVERITIES),
		actor_code: z.string(),
		agency_code: z.string(),
		subject_code: z.string(),
		event_ids: z.array(z.string()),
		event_subjects: z.array(z.string()),
		first_at: utcDateTime,
		last_at: utcDateTime,
		detail: z.string(),
		detected_at: utcDateTime,
		triage_seq: int64,
		triage_decision: z.string(),
		triage_reason: z.string(),
		triage_actor: z.string(),
		triage_at: utcDateTime
	})
	.transform(
		(r): Alert => ({
			alert_id: r.alert_id,
			rule: r.rule,
			severity: r.severity,
			actor_code: r.actor_code,
			agency_code: r.agency_code,
			subject_code: r.subject_code,
			event_ids: r.event_ids,
			event_subjects: r.event_subjects,
			first_at: r.first_at,
			last_at: r.last_at,
			detail: parseDetail(r.detail),
			detected_at: r.detected_at,
			triage:
				r.triage_seq > 0 && (TRIAGE_DECISIONS as readonly string[]).includes(r.triage_decision)
					? { seq: r.triage_seq, decision: r.triage_decision as TriageDecision, reason: r.triage_reason, actor: r.triage_actor, at: r.triage_at }
					: null
		})
	);
