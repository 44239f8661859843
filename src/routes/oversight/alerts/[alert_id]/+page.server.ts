/**
 * One alert: its rule, severity and measured values, the evidence events with the
 * officials' identities, its triage history, the triage form (appends a decision; POST,
 * redirect, GET) and the form that opens a case from it (handled by /oversight/cases).
 * The evidence is people's events: the look-up is recorded on each person's timeline,
 * under the alert's case reference, before the page is returned.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { caseRefOfAlert } from '$lib/oversight/case-reference';
import { UUID_RE, type TriageState } from '$lib/oversight/alert-filters';
import type { TriageFieldError } from '$lib/oversight/triage-input';
import { requireRole } from '$lib/server/auth/require-role';
import { alertById, alertEvidence, triageAlert, triageHistory } from '$lib/server/oversight/alerts';
import { recordOversightLookup } from '$lib/server/oversight/record-lookup';
import { agencyDirectory } from '$lib/server/reference/agencies';
import { purposeCatalogue, purposeText } from '$lib/server/reference/purposes';
import { personNames } from '$lib/server/oversight/person-names';
import type { Actions, PageServerLoad } from './$types';

function alertId(raw: string): string {
	const id = raw.toLowerCase();
	if (!UUID_RE.test(id)) error(404, 'Not found');
	return id;
}

/** A measured value as the page shows it: numbers formatted there, lists joined, the rest as text. */
function detailValue(v: unknown): { kind: 'number'; value: number } | { kind: 'text'; value: string } {
	if (typeof v === 'number' && Number.isFinite(v)) return { kind: 'number', value: v };
	if (typeof v === 'string') return { kind: 'text', value: v };
	if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return { kind: 'text', value: v.join(', ') };
	return { kind: 'text', value: JSON.stringify(v) };
}

export const load: PageServerLoad = async ({ locals, url, params, setHeaders }) => {
	const auditor = requireRole(locals, url, 'auditor', 'page');
	setHeaders({ 'cache-control': 'private, no-store' });
	const id = alertId(params.alert_id);
	const alert = await alertById(id);
	if (!alert) error(404, 'Not found');
	const caseRef = caseRefOfAlert(id);

	const [evidence, history, directory, purposes] = await Promise.all([alertEvidence(alert), triageHistory(id), agencyDirectory(), purposeCatalogue()]);
	// Watching the watchers: every person whose events this page shows, before it is shown.
	await recordOversightLookup({ auditor: auditor.code, caseRef, action: 'Alert review', subjects: evidence.events.map((e) => e.subject_code) });
	const auditors = await personNames(history.map((h) => h.actor));

	const official = (code: string) =>
		code === '' ? null : { code, name: evidence.officials.get(code)?.name ?? code, href: `/oversight/officials/${encodeURIComponent(code)}?case=${encodeURIComponent(caseRef)}` };
	const person = (code: string) =>
		code === '' ? null : { code, name: evidence.people.get(code) ?? null, href: `/oversight?person=${encodeURIComponent(code)}&case=${encodeURIComponent(caseRef)}` };
	const lang = locals.lang;

	return {
		caseRef,
		// The redirect after a decision names its seq; anything else in the address is ignored.
		triaged: /^\d{1,9}$/.test(url.searchParams.get('triaged') ?? '') ? Number(url.searchParams.get('triaged')) : null,
		alert: {
			id: alert.alert_id,
			rule: alert.rule,
			severity: alert.severity,
			official: official(alert.actor_code),
			officialJobs: (evidence.officials.get(alert.actor_code)?.jobs ?? []).map((j) => ({ ...j, agency: directory.agencyName(j.agency_code, lang) })),
			person: person(alert.subject_code),
			agency: alert.agency_code ? directory.agencyName(alert.agency_code, lang) : '',
			firstAt: alert.first_at,
			lastAt: alert.last_at,
			detectedAt: alert.detected_at,
			evidenceCount: alert.event_ids.length,
			state: (alert.triage?.decision ?? 'untriaged') as TriageState,
			detail: Object.entries(alert.detail).map(([key, value]) => ({ key, ...detailValue(value) }))
		},
		events: evidence.events.map((e) => {
			const purpose = purposes.get(e.purpose_code);
			return {
				id: e.event_id,
				at: e.logged_at,
				person: person(e.subject_code)!,
				official: official(e.actor_code),
				agency: directory.agencyName(e.agency_code, lang),
				system: directory.systemName(e.agency_code, e.system),
				action: e.action,
				purpose: purpose ? purposeText(purpose, lang) : e.purpose_code,
				caseRef: e.case_ref,
				visibility: e.visibility,
				ledgerIndex: e.ledger_index
			};
		}),
		history: history.map((h) => ({ ...h, actorName: auditors.get(h.actor) ?? h.actor }))
	};
};

function text(form: FormData, name: string): string {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
}

export const actions: Actions = {
	triage: async ({ locals, url, params, request }) => {
		// Layouts do not guard form actions: the action checks the role itself.
		const auditor = requireRole(locals, url, 'auditor', 'api');
		const id = alertId(params.alert_id);
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			const errors: TriageFieldError[] = [{ field: 'decision', code: 'decisionMissing', message: '' }];
			return fail(400, { errors, values: { decision: '', reason: '' } });
		}
		const values = { decision: text(form, 'decision'), reason: text(form, 'reason') };
		const result = await triageAlert({ alertId: id, decision: values.decision || undefined, reason: values.reason, actor: auditor.code });
		if (!result.ok) {
			if (result.status === 404) error(404, 'Not found');
			return fail(400, { errors: [result.error], values });
		}
		redirect(303, `/oversight/alerts/${id}?triaged=${result.entry.seq}#triage-history`);
	}
};
