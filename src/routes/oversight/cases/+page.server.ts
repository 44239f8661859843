/**
 * The auditors' case list: filters from the query string (case-filters.ts; a bad filter is
 * reported beside its field and left out), newest opened first, a page at a time.
 */
import { caseFilterQuery, parseCaseFilters } from '$lib/cases/case-filters';
import { requireRole } from '$lib/server/auth/require-role';
import { auditorNames, auditors } from '$lib/server/cases/auditors';
import { listCases } from '$lib/server/cases/case-list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	// The layout guards too, but runs beside this load: guard before reading anything.
	const auditor = requireRole(locals, url, 'auditor');
	setHeaders({ 'cache-control': 'private, no-store' });
	const { filters, errors } = parseCaseFilters(url.searchParams);
	const [page, team] = await Promise.all([listCases(filters, auditor.code), auditors()]);
	const nameOf = auditorNames(team);
	return {
		filters,
		errors,
		auditors: team,
		cases: page.cases.map((c) => ({
			id: c.case_id,
			openedAt: c.opened_at,
			updatedAt: c.updated_at,
			source: c.source,
			alertId: c.alert_id,
			subject: c.subject_code,
			state: c.state,
			outcome: c.outcome,
			assignee: c.assignee,
			assigneeName: c.assignee === '' ? null : nameOf(c.assignee),
			flags: c.flags
		})),
		nextHref: page.next ? `/oversight/cases${caseFilterQuery(filters, page.next)}` : null,
		firstHref: filters.after ? `/oversight/cases${caseFilterQuery(filters)}` : null
	};
};
