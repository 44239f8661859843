/**
 * The overview's period, from its GET form: last 12 months, last 2 years, all time, or
 * chosen months (from/to, YYYY-MM, Estonian time). Bad values are reported naming the field
 * and left out, so the page still shows something sensible; they never cause an error page.
 */
import { zoneDayStart } from '../format';
import { FIRST_MONTH, addMonths, compareMonths, firstDay, monthsBetween, parseMonthKey, type Month } from '../charts/months';

export const PERIOD_CHOICES = ['12m', '24m', 'all', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];
export const DEFAULT_CHOICE: PeriodChoice = '12m';

export type PeriodField = 'period' | 'from' | 'to';
/** What was wrong, for the message: not a choice, not a month, in the future, before From. */
export type PeriodProblem = 'choice' | 'month' | 'future' | 'order';

export interface PeriodError {
	field: PeriodField;
	problem: PeriodProblem;
}

export interface Period {
	choice: PeriodChoice;
	/** First month counted, or null for no lower bound. */
	from: Month | null;
	/** Last month counted, or null for no upper bound. */
	to: Month | null;
	errors: PeriodError[];
	/** The values as sent, for the form to show again. */
	form: { period: string; from: string; to: string };
}

function isChoice(value: string): value is PeriodChoice {
	return (PERIOD_CHOICES as readonly string[]).includes(value);
}

/** Read the period from the query string; `current` is this month in Estonian time. */
export function parsePeriod(params: URLSearchParams, current: Month): Period {
	const form = {
		period: (params.get('period') ?? '').trim(),
		from: (params.get('from') ?? '').trim(),
		to: (params.get('to') ?? '').trim()
	};
	const errors: PeriodError[] = [];

	// Months typed without a choice mean "chosen months" (e.g. a hand-written link).
	let choice: PeriodChoice = form.period === '' ? (form.from || form.to ? 'custom' : DEFAULT_CHOICE) : DEFAULT_CHOICE;
	if (form.period !== '') {
		if (isChoice(form.period)) choice = form.period;
		else errors.push({ field: 'period', problem: 'choice' });
	}

	const month = (field: 'from' | 'to'): Month | null => {
		if (form[field] === '') return null;
		const m = parseMonthKey(form[field]);
		if (!m) errors.push({ field, problem: 'month' });
		return m;
	};
	let from = month('from');
	let to = month('to');
	if (from && compareMonths(from, current) > 0) {
		errors.push({ field: 'from', problem: 'future' });
		from = null;
	}
	if (from && to && compareMonths(to, from) < 0) {
		errors.push({ field: 'to', problem: 'order' });
		to = null;
	}

	if (choice === '12m') return { choice, from: addMonths(current, -11), to: current, errors, form };
	if (choice === '24m') return { choice, from: addMonths(current, -23), to: current, errors, form };
	if (choice === 'all') return { choice, from: null, to: null, errors, form };
	return { choice, from, to, errors, form };
}

/** The period as instants for the query: [from, to), ISO 8601, null for no bound. */
export function periodBounds(p: Period): { from: string | null; to: string | null } {
	return {
		from: p.from ? zoneDayStart(firstDay(p.from)).toISOString() : null,
		to: p.to ? zoneDayStart(firstDay(addMonths(p.to, 1))).toISOString() : null
	};
}

/**
 * The months the chart's axis shows: the period's months, an open start from the first
 * month with uses, an open end up to this month (or a later month with uses: agencies'
 * clocks may run a few minutes fast). Never beyond the months that can hold uses (none before
 * 2000), so a far-off From or To month cannot make the chart and table thousands of months long.
 */
export function monthAxis(p: Period, dataMonths: readonly Month[], current: Month): Month[] {
	const sorted = [...dataMonths].sort(compareMonths);
	const firstData = sorted[0] ?? null;
	const lastData = sorted[sorted.length - 1] ?? null;
	const latest = lastData && compareMonths(lastData, current) > 0 ? lastData : current;
	const end = p.to && compareMonths(p.to, latest) < 0 ? p.to : latest;
	const wanted = p.from ?? firstData ?? end;
	const start = compareMonths(wanted, FIRST_MONTH) < 0 ? FIRST_MONTH : wanted;
	return monthsBetween(compareMonths(start, end) <= 0 ? start : end, end);
}
