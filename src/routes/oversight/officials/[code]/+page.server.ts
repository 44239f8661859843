/**
 * An official's profile for auditors: who they are, their volume over time, when they work
 * (hour × weekday, Estonian time), distinct people, the share of manual events without a
 * case reference, purposes and systems, a comparison with the other officials of their
 * agency, and detection's rule hits, over a period chosen with a GET form.
 *
 * What shows without a case reference: the figures, charts, peer comparison and rule hits
 * name no person (counts only; rule hits carry rule, severity, dates and a link, not the
 * person, whose alert page records its own look-up), so they are shown to any auditor. The
 * official's most recent events name people: they are shown only with a valid ?case=, and
 * only after the look-up has been recorded on every listed person's timeline.
 */
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { tallinnMonth, monthKey, parseMonthKey, type Month } from '$lib/charts/months';
import { volumeSlots } from '$lib/charts/volume-slots';
import { tallinnDay } from '$lib/charts/weeks';
import { translator } from '$lib/i18n/translator';
import { caseReference } from '$lib/oversight/case-reference';
import { comparePeers } from '$lib/oversight/peer-stats';
import { monthAxis, parsePeriod, periodBounds } from '$lib/overview/period';
import { requireRole } from '$lib/server/auth/require-role';
import { officialIdentities } from '$lib/server/oversight/officials';
import { personNames } from '$lib/server/oversight/person-names';
import { officialHourWeekday } from '$lib/server/oversight/profile/hour-weekday';
import { officialAgencies, officialHasEvents } from '$lib/server/oversight/profile/official-agencies';
import { officialCode } from '$lib/server/oversight/profile/official-code';
import { agencyOfficialStats } from '$lib/server/oversight/profile/peers';
import { officialPurposes, officialSystems } from '$lib/server/oversight/profile/purposes-systems';
import { recentEventsOfOfficial } from '$lib/server/oversight/profile/recent-events';
import { ruleHitsOfOfficial } from '$lib/server/oversight/profile/rule-hits';
import { officialTotals } from '$lib/server/oversight/profile/totals';
import { officialVolume, VOLUME_UNITS } from '$lib/server/oversight/profile/volume';
import { recordOversightLookup } from '$lib/server/oversight/record-lookup';
import { agencyDirectory } from '$lib/server/reference/agencies';
import { purposeCatalogue, purposeText } from '$lib/server/reference/purposes';
import type { PageServerLoad } from './$types';

/** How many purposes and systems the ranking charts list, recent events the table, rule hits the list. */
const TOP = 10;
const RECENT = 50;
const HITS = 50;

const unitParam = z.enum(VOLUME_UNITS);

export interface FieldError {
	field: 'period' | 'from' | 'to' | 'by';
	label: string;
	message: string;
}

export const load: PageServerLoad = async ({ locals, url, params, setHeaders }) => {
	// SvelteKit runs this beside the layout's load, not after it: guard here too, so nothing
	// is read or recorded for someone who is not an auditor.
	const auditor = requireRole(locals, url, 'auditor');
	setHeaders({ 'cache-control': 'private, no-store' });
	const tr = translator(locals.lang);

	const parsedCode = officialCode.safeParse(params.code);
	if (!parsedCode.success) error(400, `code: ${parsedCode.error.issues[0]?.message ?? 'not an official’s code'}`);
	const code = parsedCode.data;

	const current = tallinnMonth(new Date());
	const period = parsePeriod(url.searchParams, current);
	const bounds = periodBounds(period);
	const errors: FieldError[] = period.errors.map((e) => ({
		field: e.field,
		label: tr.t(e.field === 'period' ? 'overview.period.legend' : `overview.period.${e.field}`),
		message: tr.t(`overview.errors.${e.problem}`)
	}));
	const byValue = (url.searchParams.get('by') ?? '').trim();
	const by = unitParam.safeParse(byValue === '' ? 'month' : byValue);
	if (!by.success) errors.push({ field: 'by', label: tr.t('officialProfile.unit.legend'), message: tr.t('officialProfile.unit.error') });

	const caseValue = (url.searchParams.get('case') ?? '').trim();
	const caseRef = caseValue === '' ? null : caseReference.safeParse(caseValue);
	const caseError = caseRef && !caseRef.success ? caseErrorKey(caseRef.error.issues[0]?.code) : null;

	const [identities, agencies] = await Promise.all([officialIdentities([code]), officialAgencies(code, bounds)]);
	const identity = identities.get(code)!;
	if (identity.jobs.length === 0 && agencies.length === 0 && !(await officialHasEvents(code))) {
		error(404, 'No official with this code: not in the register of officials, and no events');
	}

	const scope = { actor: code, agencies: agencies.map((a) => a.agency), ...bounds };
	// Peers: the officials of the agency where this official did the most in the period.
	const peerAgency = agencies[0]?.agency ?? null;
	const showEvents = caseRef?.success === true;
	const [volume, heat, totals, purposes, systems, agencyStats, hits, recent, directory, catalogue] = await Promise.all([
		officialVolume(scope, by.success ? by.data : 'month'),
		officialHourWeekday(scope),
		officialTotals(scope),
		officialPurposes(scope, TOP),
		officialSystems(scope, TOP),
		peerAgency ? agencyOfficialStats(peerAgency, bounds) : Promise.resolve([]),
		ruleHitsOfOfficial(code, bounds, HITS),
		showEvents ? recentEventsOfOfficial(scope, RECENT) : Promise.resolve(null),
		agencyDirectory(),
		purposeCatalogue()
	]);

	const agencyName = (c: string) => (directory.agency(c) ? directory.agencyName(c, locals.lang) : tr.t('officialProfile.unknownAgency', { code: c }));
	const purposeName = (c: string) => {
		const p = catalogue.get(c);
		return p ? purposeText(p, locals.lang) : c;
	};

	let events: null | {
		caseRef: string;
		rows: { event_id: string; logged_at: string; subject_code: string; name: string | null; agency: string; system: string; purpose: string; case_ref: string }[];
		people: number;
		/** The list stopped at its limit: older events are not listed. */
		truncated: boolean;
	} = null;
	if (recent && caseRef?.success) {
		const subjects = [...new Set(recent.map((e) => e.subject_code))];
		const names = await personNames(subjects);
		// Watching the watchers: recorded before anything about these people is returned.
		await recordOversightLookup({ auditor: auditor.code, caseRef: caseRef.data, action: 'Official profile view', subjects });
		events = {
			caseRef: caseRef.data,
			people: subjects.length,
			truncated: recent.length >= RECENT,
			rows: recent.map((e) => ({
				event_id: e.event_id,
				logged_at: e.logged_at,
				subject_code: e.subject_code,
				name: names.get(e.subject_code) ?? null,
				agency: agencyName(e.agency_code),
				system: directory.systemName(e.agency_code, e.system),
				purpose: purposeName(e.purpose_code),
				case_ref: e.case_ref
			}))
		};
	}

	const dataMonths = volume
		.map((v) => parseMonthKey(v.slot.slice(0, 7)))
		.filter((m): m is Month => m !== null);
	const axis = monthAxis(period, dataMonths, current);
	const self = agencyStats.find((s) => s.actor === code) ?? null;
	const peers = agencyStats.filter((s) => s.actor !== code);

	return {
		official: {
			code,
			name: identity.name,
			jobs: identity.jobs.map((j) => ({ ...j, agency: agencyName(j.agency_code) }))
		},
		choice: period.choice,
		form: { ...period.form, by: byValue, case: caseValue },
		errors,
		axis: { from: monthKey(axis[0]!), to: monthKey(axis[axis.length - 1]!) },
		volume: volumeSlots(by.success ? by.data : 'month', axis, tallinnDay(new Date()), volume),
		heat,
		totals,
		agencies: agencies.map((a) => ({ code: a.agency, name: agencyName(a.agency), events: a.events })),
		purposes: { items: purposes.items.map((p) => ({ code: p.purpose, name: purposeName(p.purpose), events: p.events })), total: purposes.total },
		systems: {
			items: systems.items.map((s) => ({ key: `${s.agency}/${s.system}`, name: directory.systemName(s.agency, s.system), agency: agencyName(s.agency), events: s.events })),
			total: systems.total
		},
		peers: peerAgency ? { agency: agencyName(peerAgency), count: peers.length, comparison: comparePeers(self, peers) } : null,
		hits,
		caseError,
		events
	};
};

/** Which message says what is wrong with a case reference (zod's own messages are English only). */
function caseErrorKey(issue: string | undefined): 'short' | 'long' | 'chars' {
	return issue === 'too_small' ? 'short' : issue === 'too_big' ? 'long' : 'chars';
}
