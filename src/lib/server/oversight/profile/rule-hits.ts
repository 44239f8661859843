/**
 * The alerts detection raised about an official (alert.actor_code, migration 0012) whose
 * evidence falls in a period, newest first, each with its latest triage decision. Read from
 * the alert table directly: the alert pages have their own queries, this one is the
 * profile's. Rows carry no person (the alert's page shows who, and records that look-up).
 */
import { z } from 'zod';
import { SEVERITIES, TRIAGE_DECISIONS } from '../../../oversight/rules';
import { int64, utcDateTime } from '../../db/columns';
import { queryRows } from '../../db/query';
import { periodParams, type Period } from './scope';

export interface RuleHit {
	alert_id: string;
	rule: string;
	severity: (typeof SEVERITIES)[number];
	first_at: string;
	last_at: string;
	detected_at: string;
	/** How many events the alert's evidence has. */
	events: number;
	/** The latest triage decision, or null while untriaged. */
	decision: (typeof TRIAGE_DECISIONS)[number] | null;
}

const row = z.object({
	alert_id: z.string(),
	rule: z.string(),
	severity: z.enum(SEVERITIES),
	first_at: utcDateTime,
	last_at: utcDateTime,
	detected_at: utcDateTime,
	events: int64,
	decision: z.enum(TRIAGE_DECISIONS).nullable()
});

export async function ruleHitsOfOfficial(actor: string, period: Period, limit: number): Promise<{ hits: RuleHit[]; total: number }> {
	const rows = await queryRows(
		`SELECT toString(a.alert_id) AS alert_id, a.rule AS rule, a.severity AS severity, a.first_at AS first_at, a.last_at AS last_at,
		        a.detected_at AS detected_at, length(a.event_ids) AS events, t.decision AS decision, count() OVER () AS total
		 FROM (
		   SELECT * FROM alert
		   WHERE actor_code = {actor:String}
		     AND last_at >= parseDateTime64BestEffort({from:String}, 3, 'UTC')
		     AND first_at < parseDateTime64BestEffort({to:String}, 3, 'UTC')
		 ) AS a
		 LEFT JOIN (
		   SELECT alert_id, toNullable(argMax(decision, seq)) AS decision FROM alert_triage
		   WHERE alert_id IN (SELECT alert_id FROM alert WHERE actor_code = {actor:String})
		   GROUP BY alert_id
		 ) AS t ON t.alert_id = a.alert_id
		 ORDER BY a.last_at DESC, a.alert_id
		 LIMIT {limit:UInt32}`,
		{ actor, ...periodParams(period), limit },
		row.extend({ total: int64 })
	);
	return { hits: rows.map(({ total: _total, ...hit }) => hit), total: rows[0]?.total ?? 0 };
}
