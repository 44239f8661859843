/**
 * GET /oversight/alerts.json?rule=&severity=&state=&from=&to=&by=&after=&limit= for a signed-in
 * auditor: the alert queue as JSON, newest detection first, `limit` (default 100, at most
 * 500) at a time; `next` is the
 * `after` of the following page (null on the last). from/to are Tallinn days (YYYY-MM-DD,
 * `to` inclusive) or RFC 3339 times (`to` exclusive); `by` says whether they apply to
 * detection time (default) or the evidence's time. A bad parameter is a 400 naming it.
 *
 * This lists findings: rules, officials, person codes and evidence event ids, but not the
 * events' contents. It is not a look-up of anyone's events, so nothing is recorded on
 * people's timelines here; the alert's page, which shows the events, records it.
 */
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { parseAlertFilters } from '$lib/oversight/alert-filters';
import { requireRole } from '$lib/server/auth/require-role';
import { jsonError } from '$lib/server/http/json';
import { alertQueue } from '$lib/server/oversight/alerts';
import type { RequestHandler } from './$types';

const limitParam = z
	.string()
	.trim()
	.regex(/^\d{1,3}$/, 'limit must be a whole number from 1 to 500')
	.transform(Number)
	.refine((n) => n >= 1 && n <= 500, 'limit must be a whole number from 1 to 500');

export const GET: RequestHandler = async ({ locals, url, setHeaders }) => {
	requireRole(locals, url, 'auditor', 'api');
	const { filters, errors: filterErrors } = parseAlertFilters(url.searchParams);
	const errors: { param: string; message: string }[] = [...filterErrors];
	const limitText = url.searchParams.get('limit') ?? '';
	const limit = limitText === '' ? null : limitParam.safeParse(limitText);
	if (limit && !limit.success) errors.push({ param: 'limit', message: limit.error.issues[0]!.message });
	if (errors.length > 0) {
		const first = errors[0]!;
		return jsonError(400, first.message, { parameter: first.param, errors: errors.map((e) => ({ parameter: e.param, message: e.message })) });
	}
	setHeaders({ 'cache-control': 'private, no-store' });
	const page = await alertQueue(filters, limit?.data ?? 100);
	return json({
		alerts: page.alerts.map((a) => ({
			alert_id: a.alert_id,
			rule: a.rule,
			severity: a.severity,
			official: a.actor_code,
			person: a.subject_code,
			agency: a.agency_code,
			event_ids: a.event_ids,
			event_subjects: a.event_subjects,
			first_at: a.first_at,
			last_at: a.last_at,
			detail: a.detail,
			detected_at: a.detected_at,
			triage: a.triage
		})),
		next: page.next
	});
};
