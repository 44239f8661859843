/**
 * The alert queue's filters, read from a query string (the queue page's form and
 * GET /oversight/alerts.json share them): rule, severity, triage state, a period judged by
 * detection time or by the evidence's time, and the keyset cursor of the next page.
 * Browser-safe: the page builds its links with the same names.
 */
import { z } from 'zod';
import { parseIsoDate, zoneDayEnd, zoneDayStart } from '../format';
import { parseRfc3339 } from '../rfc3339';
import { RULE_IDS, SEVERITIES, TRIAGE_DECISIONS, type RuleId, type Severity } from './rules';

/** An alert's triage state: its latest decision, or untriaged when nobody has decided yet. */
export const TRIAGE_STATES = ['untriaged', ...TRIAGE_DECISIONS] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

/** Which time the period applies to: when detection raised the alert, or when its evidence happened. */
export const PERIOD_BASES = ['detected', 'evidence'] as const;
export type PeriodBasis = (typeof PERIOD_BASES)[number];

export const FILTER_PARAMS = ['rule', 'severity', 'state', 'from', 'to', 'by', 'after'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** Newest first by (detected_at, alert_id): the next page starts below this pair. */
export interface AlertCursor {
	detectedAt: string;
	alertId: string;
}

export interface AlertFilters {
	rule: RuleId | null;
	severity: Severity | null;
	state: TriageState | null;
	/** Inclusive start, an ISO instant. */
	from: string | null;
	/** Exclusive end, an ISO instant. */
	to: string | null;
	by: PeriodBasis;
	after: AlertCursor | null;
}

/** Why a parameter was refused: `code` is a key of the alerts.errors messages, `message` the API's English. */
export interface FilterError {
	param: FilterParam;
	code: 'rule' | 'severity' | 'state' | 'date' | 'toBeforeFrom' | 'by' | 'after';
	message: string;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `<detected_at in epoch ms>-<alert id>`: opaque to callers, who pass `next` back as `after`. */
export function encodeCursor(c: AlertCursor): string {
	return `${Date.parse(c.detectedAt)}-${c.alertId}`;
}

export function decodeCursor(s: string): AlertCursor | null {
	const m = /^(\d{1,15})-([0-9a-f-]{36})$/.exec(s.trim().toLowerCase());
	if (!m || !UUID_RE.test(m[2]!)) return null;
	const ms = Number(m[1]);
	const at = new Date(ms);
	if (!Number.isFinite(at.getTime())) return null;
	return { detectedAt: at.toISOString(), alertId: m[2]! };
}

/**
 * A period's bound: a Tallinn calendar day (YYYY-MM-DD: `from` is its first moment, `to`
 * includes the whole day) or an RFC 3339 instant (used as is; `to` excludes it).
 */
function bound(value: string, end: boolean): string | null {
	if (parseIsoDate(value)) return (end ? zoneDayEnd(value) : zoneDayStart(value)).toISOString();
	const ms = parseRfc3339(value);
	return ms === null ? null : new Date(ms).toISOString();
}

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values);

/**
 * The filters in a query string. Empty parameters mean "any"; a bad one is reported (with
 * the parameter's name) and left out, so a page can still show the rest and the API can
 * answer 400 naming it.
 */
export function parseAlertFilters(params: URLSearchParams): { filters: AlertFilters; errors: FilterError[] } {
	const errors: FilterError[] = [];
	const text = (name: FilterParam) => (params.get(name) ?? '').trim();
	const filters: AlertFilters = { rule: null, severity: null, state: null, from: null, to: null, by: 'detected', after: null };

	const choice = <T extends readonly [string, ...string[]]>(name: FilterParam, values: T, code: FilterError['code']): T[number] | null => {
		const v = text(name);
		if (v === '') return null;
		const parsed = oneOf(values).safeParse(v);
		if (parsed.success) return parsed.data;
		errors.push({ param: name, code, message: `${name} must be one of ${values.join(', ')}` });
		return null;
	};
	filters.rule = choice('rule', RULE_IDS, 'rule');
	filters.severity = choice('severity', SEVERITIES, 'severity');
	filters.state = choice('state', TRIAGE_STATES, 'state');
	filters.by = choice('by', PERIOD_BASES, 'by') ?? 'detected';

	for (const name of ['from', 'to'] as const) {
		const v = text(name);
		if (v === '') continue;
		const at = bound(v, name === 'to');
		if (at === null) errors.push({ param: name, code: 'date', message: `${name} must be a date (YYYY-MM-DD) or an RFC 3339 time` });
		else filters[name] = at;
	}
	if (filters.from && filters.to && filters.to <= filters.from) {
		errors.push({ param: 'to', code: 'toBeforeFrom', message: 'to must be after from' });
		filters.to = null;
	}

	const after = text('after');
	if (after !== '') {
		filters.after = decodeCursor(after);
		if (!filters.after) errors.push({ param: 'after', code: 'after', message: 'after must be the next value of a previous answer' });
	}
	return { filters, errors };
}

/** The query string for these form values (empty ones left out), e.g. for the next page's link. */
export function filterQuery(values: Partial<Record<FilterParam, string | null>>): string {
	const q = new URLSearchParams();
	for (const name of FILTER_PARAMS) {
		const v = values[name];
		if (v) q.set(name, v);
	}
	return q.toString();
}
