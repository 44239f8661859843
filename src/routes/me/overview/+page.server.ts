/**
 * The citizen's overview: uses of the subject's data per month and agency, per agency and per
 * information system, in a period chosen with a GET form. A bad period value is reported on
 * the page naming the field and left out; it never causes an error page.
 */
import { monthKey, parseMonthKey, tallinnMonth, type Month } from '$lib/charts/months';
import { translator } from '$lib/i18n/translator';
import { monthAxis, parsePeriod, periodBounds, type PeriodField } from '$lib/overview/period';
import { requireSubject } from '$lib/server/auth/require-subject';
import { agencyDirectory, localAgencyName } from '$lib/server/reference/agencies';
import { usesByAgency, usesByMonthAndAgency, usesBySystem } from '$lib/server/usage/subject-overview';
import type { PageServerLoad } from './$types';

/** How many agencies and systems the ranking charts list. */
const TOP = 10;

export interface OverviewError {
	field: PeriodField;
	label: string;
	message: string;
}

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const { subject } = requireSubject(locals, url);
	// A person's own records: never cached by the browser or anything in between.
	setHeaders({ 'cache-control': 'private, no-store' });

	const current = tallinnMonth(new Date());
	const period = parsePeriod(url.searchParams, current);
	const query = { subject: subject.code, ...periodBounds(period) };
	const [monthly, agencies, systems, directory] = await Promise.all([
		usesByMonthAndAgency(query),
		usesByAgency(query, TOP),
		usesBySystem(query, TOP),
		agencyDirectory()
	]);

	const tr = translator(locals.lang);
	const agencyName = (code: string) => {
		const a = directory.agency(code);
		return a ? localAgencyName(a, locals.lang) : tr.t('overview.unknownAgency', { code });
	};
	const codes = new Set([...monthly.map((r) => r.agency), ...agencies.items.map((a) => a.agency), ...systems.items.map((s) => s.agency)]);
	codes.delete('');

	const axis = monthAxis(
		period,
		monthly.map((r) => parseMonthKey(r.month)).filter((m): m is Month => m !== null),
		current
	);

	const fieldLabel: Record<PeriodField, string> = {
		period: tr.t('overview.period.legend'),
		from: tr.t('overview.period.from'),
		to: tr.t('overview.period.to')
	};
	const errors: OverviewError[] = period.errors.map((e) => ({
		field: e.field,
		label: fieldLabel[e.field],
		message: tr.t(`overview.errors.${e.problem}`)
	}));

	return {
		choice: period.choice,
		form: period.form,
		errors,
		axis: { from: monthKey(axis[0]!), to: monthKey(axis[axis.length - 1]!) },
		monthly,
		agencyNames: Object.fromEntries([...codes].map((c) => [c, agencyName(c)])),
		agencies: agencies.items,
		agencyCount: agencies.named,
		systems: systems.items.map((s) => ({
			agency: s.agency,
			system: s.system,
			name: s.agency === '' ? '' : directory.systemName(s.agency, s.system),
			uses: s.uses
		})),
		systemCount: systems.named
	};
};
