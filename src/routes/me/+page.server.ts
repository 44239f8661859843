/**
 * The citizen's timeline: uses of the signed-in person's data, newest first, a page at a
 * time, filtered by period (Tallinn calendar days) and agency. Bad filter values are
 * reported on the page, naming the field, and ignored; they never cause a 500.
 */
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { categoryLabel, formatDateTime, parseIsoDate, zoneDayEnd, zoneDayStart } from '$lib/format';
import { clampPage, pageCount, pageOffset } from '$lib/paging';
import { config } from '$lib/server/config';
import { agencyDirectory } from '$lib/server/reference/agencies';
import { purposeCatalogue } from '$lib/server/reference/purposes';
import { subjectEvents, type SubjectEvent } from '$lib/server/usage/citizen-view';
import { verifierKey } from '$lib/server/ledger/checkpoints';
import { witnessKeyTexts } from '$lib/server/ledger/cosignatures';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

const dateParam = z
	.string()
	.trim()
	.refine((v) => v === '' || parseIsoDate(v) !== null, 'must be a real date written YYYY-MM-DD (years 1900-2299)');
const agencyParam = z.string().trim().regex(/^(\d{8})?$/, 'must be an agency’s 8-digit registry code');
const pageParam = z
	.string()
	.trim()
	.regex(/^(\d{1,9})?$/, 'must be a whole number, 1 or more')
	.transform((v) => (v === '' ? 1 : Number(v)))
	.refine((n) => n >= 1, 'must be a whole number, 1 or more');

const PARAMS = {
	from: { label: 'From', schema: dateParam, fallback: '' },
	to: { label: 'To', schema: dateParam, fallback: '' },
	agency: { label: 'Agency', schema: agencyParam, fallback: '' },
	page: { label: 'Page', schema: pageParam, fallback: 1 }
} as const;

export interface FieldError {
	field: keyof typeof PARAMS;
	label: string;
	message: string;
}

function parseParam<K extends keyof typeof PARAMS>(url: URL, name: K, errors: FieldError[]): z.output<(typeof PARAMS)[K]['schema']> {
	const spec = PARAMS[name];
	const parsed = spec.schema.safeParse(url.searchParams.get(name) ?? '');
	if (parsed.success) return parsed.data as z.output<(typeof PARAMS)[K]['schema']>;
	errors.push({ field: name, label: spec.label, message: parsed.error.issues[0]?.message ?? 'is not valid' });
	return spec.fallback as z.output<(typeof PARAMS)[K]['schema']>;
}

export type TimelineRow =
	| { id: string; at: string; time: string; restricted: true }
	| {
			id: string;
			at: string;
			time: string;
			restricted: false;
			agency: string;
			agencyCode: string;
			via: string | null;
			system: string;
			purpose: string;
			/** The agency's own wording, when a catalogue purpose is shown above it. */
			action: string | null;
			legalBasis: string;
			categories: string[];
			bulk: boolean;
	  };

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const user = locals.user;
	if (!user) {
		const back = `${url.pathname}${url.search}`;
		if (config().PEEGEL_DEMO) redirect(303, `/auth/demo?next=${encodeURIComponent(back).replaceAll('%2F', '/')}`);
		redirect(303, '/');
	}
	// A person's own records: never cached by the browser or anything in between.
	setHeaders({ 'cache-control': 'private, no-store' });

	const errors: FieldError[] = [];
	const from = parseParam(url, 'from', errors);
	let to = parseParam(url, 'to', errors);
	const agency = parseParam(url, 'agency', errors);
	const requestedPage = parseParam(url, 'page', errors);
	if (from && to && to < from) {
		errors.push({ field: 'to', label: 'To', message: 'must not be before From' });
		to = '';
	}

	const t0 = performance.now();
	const query = {
		subject: user.code,
		from: from ? zoneDayStart(from).toISOString() : null,
		to: to ? zoneDayEnd(to).toISOString() : null,
		agency: agency || null,
		limit: PAGE_SIZE
	};
	const [first, directory, purposes] = await Promise.all([
		subjectEvents({ ...query, offset: pageOffset(requestedPage, PAGE_SIZE) }),
		agencyDirectory(),
		purposeCatalogue()
	]);
	let result = first;
	let page = requestedPage;
	if (result.events.length === 0 && result.total > 0 && page > 1) {
		// Past the last page (the list shrank, or a hand-edited URL): show the last page.
		page = clampPage(page, result.total, PAGE_SIZE);
		result = await subjectEvents({ ...query, offset: pageOffset(page, PAGE_SIZE) });
	}
	setHeaders({ 'server-timing': `db;desc="timeline queries";dur=${(performance.now() - t0).toFixed(1)}` });

	const agencyName = (code: string) => directory.agency(code)?.name ?? `Agency ${code}`;
	const toRow = (e: SubjectEvent): TimelineRow => {
		const base = { id: e.event_id, at: e.logged_at, time: formatDateTime(e.logged_at) };
		if (e.restricted) return { ...base, restricted: true };
		const purpose = e.purpose_code ? purposes.get(e.purpose_code) : undefined;
		const action = e.action.trim();
		return {
			...base,
			restricted: false,
			agency: agencyName(e.agency_code),
			agencyCode: e.agency_code,
			via: e.intermediary_code && e.intermediary_code !== e.agency_code ? agencyName(e.intermediary_code) : null,
			system: e.system ? directory.systemName(e.agency_code, e.system) : '',
			purpose: purpose?.text_en || action || 'No purpose given',
			action: purpose?.text_en && action && action !== purpose.text_en ? action : null,
			// "Act § 12" never breaks between the sign and its number.
			legalBasis: (e.legal_basis || purpose?.legal_basis || '').replace(/§\s+/g, '§\u00a0'),
			categories: e.data_categories.map(categoryLabel),
			bulk: e.bulk
		};
	};

	const agencyOptions = result.agencies.map((a) => ({ code: a.agency_code, name: agencyName(a.agency_code), events: a.events }));
	if (agency && !agencyOptions.some((a) => a.code === agency)) agencyOptions.push({ code: agency, name: agencyName(agency), events: 0 });
	agencyOptions.sort((a, b) => a.name.localeCompare(b.name, 'en'));

	return {
		// What the filter form shows: the values as typed, so a mistake can be corrected.
		form: {
			from: url.searchParams.get('from') ?? '',
			to: url.searchParams.get('to') ?? '',
			agency: url.searchParams.get('agency') ?? ''
		},
		// The filters in force (invalid values dropped).
		filters: { from, to, agency },
		errors,
		agencies: agencyOptions,
		selectedAgency: agency ? agencyName(agency) : null,
		total: result.total,
		page,
		pageCount: pageCount(result.total, PAGE_SIZE),
		pageSize: PAGE_SIZE,
		rows: result.events.map(toRow),
		// The key the browser checks the log's checkpoints with (ledger/browser-check.ts).
		ledgerKey: verifierKey(),
		witnessKeys: witnessKeyTexts()
	};
};
