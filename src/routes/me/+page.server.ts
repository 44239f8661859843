/**
 * The citizen's timeline: uses of the signed-in person's data, newest first, a page at a
 * time, filtered by period (Tallinn calendar days) and agency. Bad filter values are
 * reported on the page, naming the field, and ignored; they never cause a 500.
 */
import { z } from 'zod';
import { parseIsoDate, zoneDayEnd, zoneDayStart } from '$lib/format';
import { categoryName } from '$lib/i18n/categories';
import { translator, type Translator } from '$lib/i18n/translator';
import { clampPage, pageCount, pageOffset } from '$lib/paging';
import { requireSubject } from '$lib/server/auth/require-subject';
import { agencyDirectory } from '$lib/server/reference/agencies';
import { localiseLegalBasis } from '$lib/server/reference/legal-acts';
import { purposeCatalogue, purposeText, type Purpose } from '$lib/server/reference/purposes';
import { subjectTimeline, type TimelineItem } from '$lib/server/usage/citizen-timeline';
import { recordVisit } from '$lib/server/stats/visits';
import type { SubjectEvent } from '$lib/server/usage/citizen-view';
import { verifierKey } from '$lib/server/ledger/checkpoints';
import { witnessKeyTexts } from '$lib/server/ledger/cosignatures';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

type ParamName = 'from' | 'to' | 'agency' | 'page';

/** Each schema's message is a key of me.errors, translated when reported. */
const dateParam = z
	.string()
	.trim()
	.refine((v) => v === '' || parseIsoDate(v) !== null, 'date');
const agencyParam = z.string().trim().regex(/^(\d{8})?$/, 'agency');
const pageParam = z
	.string()
	.trim()
	.regex(/^(\d{1,9})?$/, 'page')
	.transform((v) => (v === '' ? 1 : Number(v)))
	.refine((n) => n >= 1, 'page');

const PARAMS = {
	from: { schema: dateParam, fallback: '' },
	to: { schema: dateParam, fallback: '' },
	agency: { schema: agencyParam, fallback: '' },
	page: { schema: pageParam, fallback: 1 }
} as const;

type ErrorKey = 'date' | 'agency' | 'page' | 'toBeforeFrom';

export interface FieldError {
	field: ParamName;
	label: string;
	message: string;
}

function parseParam<K extends ParamName>(url: URL, name: K, errors: { field: ParamName; key: ErrorKey }[]): z.output<(typeof PARAMS)[K]['schema']> {
	const spec = PARAMS[name];
	const parsed = spec.schema.safeParse(url.searchParams.get(name) ?? '');
	if (parsed.success) return parsed.data as z.output<(typeof PARAMS)[K]['schema']>;
	errors.push({ field: name, key: (parsed.error.issues[0]?.message ?? name) as ErrorKey });
	return spec.fallback as z.output<(typeof PARAMS)[K]['schema']>;
}

export interface EventRow {
	id: string;
	at: string;
	time: string;
	restricted: boolean;
	agency: string;
	agencyCode: string;
	/** "X on behalf of Y" when an intermediary did it for the agency. */
	onBehalf: string | null;
	system: string;
	purpose: string;
	/** The agency's own wording, when a catalogue purpose is shown above it. */
	action: string | null;
	legalBasis: string;
	legalBasisUrl: string | null;
	categories: string[];
	bulk: boolean;
	automated: boolean;
}

export type TimelineLine =
	| { kind: 'event'; row: EventRow }
	| { kind: 'group'; key: string; title: string; listTitle: string; count: number; rows: EventRow[]; showAllHref: string | null };

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const { subject } = requireSubject(locals, url);
	if (subject.self) recordVisit(subject.code);
	// A person's own records: never cached by the browser or anything in between.
	setHeaders({ 'cache-control': 'private, no-store' });
	const i18n = translator(locals.lang);

	const problems: { field: ParamName; key: ErrorKey }[] = [];
	const from = parseParam(url, 'from', problems);
	let to = parseParam(url, 'to', problems);
	const agency = parseParam(url, 'agency', problems);
	const requestedPage = parseParam(url, 'page', problems);
	const oneByOne = url.searchParams.get('each') === '1';
	if (from && to && to < from) {
		problems.push({ field: 'to', key: 'toBeforeFrom' });
		to = '';
	}

	const t0 = performance.now();
	const query = {
		subject: subject.code,
		from: from ? zoneDayStart(from).toISOString() : null,
		to: to ? zoneDayEnd(to).toISOString() : null,
		agency: agency || null,
		limit: PAGE_SIZE,
		group: !oneByOne
	};
	const [first, directory, purposes] = await Promise.all([
		subjectTimeline({ ...query, offset: pageOffset(requestedPage, PAGE_SIZE) }),
		agencyDirectory(),
		purposeCatalogue()
	]);
	let result = first;
	let page = requestedPage;
	if (result.items.length === 0 && result.lines > 0 && page > 1) {
		// Past the last page (the list shrank, or a hand-edited URL): show the last page.
		page = clampPage(page, result.lines, PAGE_SIZE);
		result = await subjectTimeline({ ...query, offset: pageOffset(page, PAGE_SIZE) });
	}
	setHeaders({ 'server-timing': `db;desc="timeline queries";dur=${(performance.now() - t0).toFixed(1)}` });

	const agencyName = (code: string) => directory.agencyName(code, locals.lang);
	const toRow = eventRow(i18n, agencyName, (a, s) => directory.systemName(a, s), purposes);
	const lines = result.items.map((item) => toLine(item, i18n, agencyName, toRow));

	const agencyOptions = result.agencies.map((a) => ({ code: a.agency_code, name: agencyName(a.agency_code), events: a.events }));
	if (agency && !agencyOptions.some((a) => a.code === agency)) agencyOptions.push({ code: agency, name: agencyName(agency), events: 0 });
	agencyOptions.sort((a, b) => a.name.localeCompare(b.name, locals.lang));

	const labels: Record<ParamName, string> = {
		from: i18n.t('me.filter.from'),
		to: i18n.t('me.filter.to'),
		agency: i18n.t('me.filter.agency'),
		page: i18n.t('me.filter.page')
	};
	const errors: FieldError[] = problems.map((p) => ({ field: p.field, label: labels[p.field], message: i18n.t(`me.errors.${p.key}`) }));

	return {
		subject: { name: subject.name, self: subject.self },
		// What the filter form shows: the values as typed, so a mistake can be corrected.
		form: {
			from: url.searchParams.get('from') ?? '',
			to: url.searchParams.get('to') ?? '',
			agency: url.searchParams.get('agency') ?? ''
		},
		// The filters in force (invalid values dropped).
		filters: { from, to, agency, each: oneByOne },
		errors,
		agencies: agencyOptions,
		selectedAgency: agency ? agencyName(agency) : null,
		total: result.total,
		lineCount: result.lines,
		page,
		pageCount: pageCount(result.lines, PAGE_SIZE),
		pageSize: PAGE_SIZE,
		lines,
		/** The uses shown (group members included): what the browser checks against the log. */
		eventIds: lines.flatMap((l) => (l.kind === 'event' ? [l.row.id] : l.rows.map((r) => r.id))),
		// The key the browser checks the log's checkpoints with (ledger/browser-check.ts).
		ledgerKey: verifierKey(),
		witnessKeys: witnessKeyTexts()
	};
};

function eventRow(
	i18n: Translator,
	agencyName: (code: string) => string,
	systemName: (agency: string, system: string) => string,
	purposes: Map<string, Purpose>
): (e: SubjectEvent) => EventRow {
	return (e) => {
		const base = { id: e.event_id, at: e.logged_at, time: i18n.dateTime(e.logged_at) };
		if (e.restricted) {
			return { ...base, restricted: true, agency: '', agencyCode: '', onBehalf: null, system: '', purpose: '', action: null, legalBasis: '', legalBasisUrl: null, categories: [], bulk: false, automated: false };
		}
		const purpose = e.purpose_code ? purposes.get(e.purpose_code) : undefined;
		const purposeWords = purpose ? purposeText(purpose, i18n.locale) : '';
		const action = e.action.trim();
		const agency = agencyName(e.agency_code);
		const basis = localiseLegalBasis(e.legal_basis || purpose?.legal_basis || '', i18n.locale);
		return {
			...base,
			restricted: false,
			agency,
			agencyCode: e.agency_code,
			onBehalf:
				e.intermediary_code && e.intermediary_code !== e.agency_code
					? i18n.t('me.row.onBehalf', { via: agencyName(e.intermediary_code), agency })
					: null,
			system: e.system ? systemName(e.agency_code, e.system) : '',
			purpose: purposeWords || action || i18n.t('me.row.noPurpose'),
			action: purposeWords && action && action !== purposeWords ? action : null,
			legalBasis: basis.text,
			legalBasisUrl: basis.url,
			categories: e.data_categories.map((c) => categoryName(c, i18n)),
			bulk: e.bulk,
			automated: e.automated
		};
	};
}

function toLine(item: TimelineItem, i18n: Translator, agencyName: (code: string) => string, toRow: (e: SubjectEvent) => EventRow): TimelineLine {
	if (item.kind === 'event') return { kind: 'event', row: toRow(item.event) };
	const [year, month] = item.month.split('-').map(Number) as [number, number];
	const agency = agencyName(item.agency_code);
	const monthText = i18n.month(year, month);
	// More uses than the list shows: the same period and agency, one by one.
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const showAllHref =
		item.count > item.events.length
			? `/me?${new URLSearchParams({ from: `${item.month}-01`, to: `${item.month}-${String(last).padStart(2, '0')}`, agency: item.agency_code, each: '1' })}`
			: null;
	return {
		kind: 'group',
		key: item.key,
		title: i18n.t('me.group.line', { agency, count: item.count, month: monthText }),
		listTitle: i18n.t('me.group.listTitle', { agency, month: monthText }),
		count: item.count,
		rows: item.events.map(toRow),
		showAllHref
	};
}
