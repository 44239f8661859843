/**
 * The alert queue: detection's findings, newest first, filtered by rule, severity, triage
 * state and period (by detection or evidence time), a page at a time, with the count per
 * rule. Bad filter values are named on the page and ignored. The queue names officials and
 * people but shows no events, so it is not a look-up of anyone's events (the alert's own
 * page, which shows them, records that).
 */
import { FILTER_PARAMS, filterQuery, parseAlertFilters, type FilterParam, type TriageState } from '$lib/oversight/alert-filters';
import { RULE_IDS } from '$lib/oversight/rules';
import { requireRole } from '$lib/server/auth/require-role';
import { alertCountsByRule, alertQueue } from '$lib/server/oversight/alerts';
import { officialIdentities } from '$lib/server/oversight/officials';
import { agencyDirectory } from '$lib/server/reference/agencies';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	requireRole(locals, url, 'auditor', 'page');
	setHeaders({ 'cache-control': 'private, no-store' });
	const { filters, errors } = parseAlertFilters(url.searchParams);
	const [page, counts, directory] = await Promise.all([alertQueue(filters), alertCountsByRule(filters), agencyDirectory()]);
	const officials = await officialIdentities(page.alerts.map((a) => a.actor_code).filter((c) => c !== ''));

	// The form shows what was asked for (a bad value too, so it can be corrected).
	const form = Object.fromEntries(FILTER_PARAMS.map((p) => [p, (url.searchParams.get(p) ?? '').trim()])) as Record<FilterParam, string>;
	const kept = { ...form, after: '' };
	for (const e of errors) kept[e.param] = '';

	// Every rule, in the catalogue's order, then any rule detection knows and this code does not.
	const byRule = new Map(counts.map((c) => [c.rule, c]));
	const rules = [...RULE_IDS, ...counts.map((c) => c.rule).filter((r) => !(RULE_IDS as readonly string[]).includes(r))].map((rule) => ({
		rule,
		alerts: byRule.get(rule)?.alerts ?? 0,
		untriaged: byRule.get(rule)?.untriaged ?? 0,
		href: `/oversight/alerts?${filterQuery({ ...kept, rule })}`
	}));
	const total = filters.rule ? (byRule.get(filters.rule)?.alerts ?? 0) : counts.reduce((n, c) => n + c.alerts, 0);

	return {
		form,
		errors: errors.map((e) => ({ param: e.param, code: e.code })),
		rules,
		total,
		paged: filters.after !== null,
		firstHref: `/oversight/alerts?${filterQuery(kept)}`,
		nextHref: page.next ? `/oversight/alerts?${filterQuery({ ...kept, after: page.next })}` : null,
		alerts: page.alerts.map((a) => ({
			id: a.alert_id,
			rule: a.rule,
			severity: a.severity,
			detectedAt: a.detected_at,
			firstAt: a.first_at,
			lastAt: a.last_at,
			official: a.actor_code ? { code: a.actor_code, name: officials.get(a.actor_code)?.name ?? a.actor_code } : null,
			person: a.subject_code,
			agency: a.agency_code ? directory.agencyName(a.agency_code, locals.lang) : '',
			evidence: a.event_ids.length,
			state: (a.triage?.decision ?? 'untriaged') as TriageState
		}))
	};
};
