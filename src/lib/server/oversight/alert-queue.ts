/**
 * The alert queue: alerts matching the filters, newest detection first, a page at a time
 * by keyset (detected_at, alert_id: the table's own order), and how many match per rule.
 * The alert table holds findings, not events (thousands, not millions), so reading it
 * with the triage join is cheap.
 */
import { z } from 'zod';
import type { AlertFilters } from '$lib/oversight/alert-filters';
import { encodeCursor } from '$lib/oversight/alert-filters';
import { chTime, int64 } from '../db/columns';
import { queryRows } from '../db/query';
import { ALERT_COLUMNS, CURRENT_TRIAGE_JOIN, alertRow, triageStateCondition, type Alert } from './alert-row';

export const QUEUE_PAGE_SIZE = 50;

type Where = { conditions: string[]; params: Record<string, unknown> };

/** The filters as SQL conditions on `alert AS a` joined with the current triage `t`. */
function whereOf(f: AlertFilters, opts: { rule: boolean; cursor: boolean }): Where {
	const conditions: string[] = [];
	const params: Record<string, unknown> = {};
	if (opts.rule && f.rule) {
		conditions.push('a.rule = {rule:String}');
		params.rule = f.rule;
	}
	if (f.severity) {
		conditions.push('a.severity = {severity:String}');
		params.severity = f.severity;
	}
	if (f.state) {
		const c = triageStateCondition(f.state);
		conditions.push(c.sql);
		Object.assign(params, c.params);
	}
	// By evidence time: the evidence overlaps the period (some of it falls inside).
	if (f.from) {
		conditions.push(f.by === 'evidence' ? "a.last_at >= {from:DateTime64(3, 'UTC')}" : "a.detected_at >= {from:DateTime64(3, 'UTC')}");
		params.from = chTime(f.from);
	}
	if (f.to) {
		conditions.push(f.by === 'evidence' ? "a.first_at < {to:DateTime64(3, 'UTC')}" : "a.detected_at < {to:DateTime64(3, 'UTC')}");
		params.to = chTime(f.to);
	}
	if (opts.cursor && f.after) {
		conditions.push("(a.detected_at, a.alert_id) < ({afterAt:DateTime64(3, 'UTC')}, {afterId:UUID})");
		params.afterAt = chTime(f.after.detectedAt);
		params.afterId = f.after.alertId;
	}
	return { conditions, params };
}

const sqlWhere = (w: Where) => (w.conditions.length > 0 ? `WHERE ${w.conditions.join(' AND ')}` : '');

export interface QueuePage {
	alerts: Alert[];
	/** The `after` of the next page, or null on the last one. */
	next: string | null;
}

/** One page of the queue. */
export async function alertQueue(f: AlertFilters, limit = QUEUE_PAGE_SIZE): Promise<QueuePage> {
	const w = whereOf(f, { rule: true, cursor: true });
	const rows = await queryRows(
		`SELECT ${ALERT_COLUMNS}
		 FROM alert AS a ${CURRENT_TRIAGE_JOIN}
		 ${sqlWhere(w)}
		 ORDER BY a.detected_at DESC, a.alert_id DESC
		 LIMIT {limit:UInt32}`,
		{ ...w.params, limit: limit + 1 },
		alertRow
	);
	const alerts = rows.slice(0, limit);
	const last = alerts.at(-1);
	return { alerts, next: rows.length > limit && last ? encodeCursor({ detectedAt: last.detected_at, alertId: last.alert_id }) : null };
}

const countRow = z.object({ rule: z.string(), alerts: int64, untriaged: int64 });

export interface RuleCount {
	rule: string;
	alerts: number;
	untriaged: number;
}

/** Per rule, the alerts matching every filter but the rule (so each rule's count shows beside the choice). */
export async function alertCountsByRule(f: AlertFilters): Promise<RuleCount[]> {
	const w = whereOf(f, { rule: false, cursor: false });
	return queryRows(
		`SELECT a.rule AS rule, count() AS alerts, countIf(t.last_seq = 0) AS untriaged
		 FROM alert AS a ${CURRENT_TRIAGE_JOIN}
		 ${sqlWhere(w)}
		 GROUP BY rule ORDER BY rule`,
		w.params,
		countRow
	);
}
