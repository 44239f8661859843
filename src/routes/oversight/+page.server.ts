/**
 * The auditors' search (GET form): every usage event by person, official, agency,
 * information system, purpose, case reference and period, newest first, 50 a page. Results
 * are shown only with the case reference the look-up is for, and each person shown gets
 * the look-up on their timeline first (search-results.ts). Bad values are reported per
 * field, naming it; nothing is searched then.
 */
import { translator } from '$lib/i18n/translator';
import { parseSearch, searchQuery, searchSubmitted, SEARCH_FIELDS, type ProblemField } from '$lib/oversight/search-filters';
import { requireRole } from '$lib/server/auth/require-role';
import { searchAndRecord } from '$lib/server/oversight/search-results';
import type { PageServerLoad } from './$types';

/** The fields as typed, so a mistake can be corrected in place. */
const FORM_FIELDS = SEARCH_FIELDS.filter((f) => f !== 'before');

export interface SearchRow {
	id: string;
	at: string;
	subject: string;
	personName: string | null;
	agency: string;
	agencyCode: string;
	onBehalf: string | null;
	system: string;
	purpose: string;
	action: string;
	official: { code: string; name: string; href: string } | null;
	caseRef: string;
	visibility: 'visible' | 'restricted' | 'sealed';
	discloseAfter: string | null;
	ledgerIndex: number;
}

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	// The layout guards the page too, but loads run side by side: this one must not search first.
	const user = requireRole(locals, url, 'auditor', 'page');
	setHeaders({ 'cache-control': 'private, no-store' });
	const i18n = translator(locals.lang);
	const form = Object.fromEntries(FORM_FIELDS.map((f) => [f, url.searchParams.get(f) ?? ''])) as Record<(typeof FORM_FIELDS)[number], string>;
	if (!searchSubmitted(url.searchParams)) return { form, submitted: false, errors: [], result: null };

	const parsed = parseSearch(url.searchParams);
	if (!parsed.ok) {
		const label = (f: ProblemField) => i18n.t(`oversightSearch.form.${f}`);
		const errors = parsed.problems.map((p) => ({ field: p.field, label: label(p.field), message: i18n.t(`oversightSearch.errors.${p.key}`) }));
		return { form, submitted: true, errors, result: null };
	}

	const { request } = parsed;
	const result = await searchAndRecord(user.code, request, locals.lang, 'table');
	const { total, events, names, record } = result.timing;
	setHeaders({
		'server-timing': [
			`search;desc="search, names and the recorded look-up";dur=${total.toFixed(1)}`,
			`events;desc="the page of events";dur=${events.toFixed(1)}`,
			`names;dur=${names.toFixed(1)}`,
			`record;desc="the look-up recorded";dur=${record.toFixed(1)}`
		].join(', ')
	});
	const caseParam = encodeURIComponent(request.caseRef);
	const rows: SearchRow[] = result.events.map((e) => ({
		id: e.event_id,
		at: e.logged_at,
		subject: e.subject_code,
		personName: e.person_name,
		agency: e.agency_name,
		agencyCode: e.agency_code,
		onBehalf: e.intermediary_name && e.intermediary_code !== e.agency_code ? e.intermediary_name : null,
		system: e.system_name,
		purpose: e.purpose_text ?? e.purpose_code,
		action: e.action,
		official: e.actor_code
			? { code: e.actor_code, name: e.official?.name ?? e.actor_code, href: `/oversight/officials/${encodeURIComponent(e.actor_code)}?case=${caseParam}` }
			: null,
		caseRef: e.case_ref,
		visibility: e.visibility,
		discloseAfter: e.disclose_after,
		ledgerIndex: e.ledger_index
	}));
	return {
		form,
		submitted: true,
		errors: [],
		result: {
			rows,
			people: result.people,
			caseRef: request.caseRef,
			olderHref: result.older ? `/oversight?${searchQuery(request, result.older)}` : null,
			newestHref: request.before ? `/oversight?${searchQuery(request, null)}` : null
		}
	};
};
