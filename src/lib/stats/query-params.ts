/**
 * The statistics' query parameters (pages and open data share them), checked with zod
 * against what the release holds: from/to (YYYY-MM, or YYYY for yearly data), one filter per
 * dimension (a released value, a documented category, or '*' / empty for all), group (a
 * dimension or 'none') and by ('period' or 'range'). A bad one is named in the error.
 */
import { z } from 'zod';
import { TOTAL } from './dimensions';
import { DIM_ORDER, SPECS, type Dataset } from './datasets';
import type { CubeQuery } from './cube';

export interface ParamError {
	parameter: string;
	message: string;
}

export interface ParamContext {
	/** The release's periods for the dataset, ascending. */
	periods: readonly string[];
	/** Released values per dimension. */
	values: Record<string, readonly string[]>;
	/** The range used when from/to are not given. */
	defaults: { from: string; to: string };
	/** The groups allowed, and the one used when none is given. */
	groups: readonly (string | null)[];
	defaultGroup: string | null;
}

const monthParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM, for example 2025-01');
const yearParam = z.string().regex(/^\d{4}$/, 'must be a year written YYYY, for example 2025');
const byParam = z.enum(['period', 'range'], { error: 'must be period or range' });
const textParam = z.string().max(200, 'must be at most 200 characters');

export function parseCubeParams(dataset: Dataset, search: URLSearchParams, ctx: ParamContext): { query: CubeQuery } | { error: ParamError } {
	const spec = SPECS[dataset];
	const periodSchema = spec.period === 'year' ? yearParam : monthParam;
	const fail = (parameter: string, message: string) => ({ error: { parameter, message: `${parameter}: ${message}` } });

	const bound = (name: 'from' | 'to'): string | ParamError => {
		const raw = search.get(name);
		if (raw === null || raw === '') return ctx.defaults[name];
		const r = periodSchema.safeParse(raw.trim());
		return r.success ? r.data : { parameter: name, message: `${name}: ${r.error.issues[0]!.message}` };
	};
	const from = bound('from');
	if (typeof from !== 'string') return { error: from };
	const to = bound('to');
	if (typeof to !== 'string') return { error: to };
	if (to < from) return fail('to', 'must not be before from');

	const filters: Record<string, string> = {};
	for (const dim of spec.dims) {
		const raw = search.get(dim);
		if (raw === null || raw === '' || raw === TOTAL) continue;
		const r = textParam.safeParse(raw);
		if (!r.success) return fail(dim, r.error.issues[0]!.message);
		const known = (ctx.values[dim] ?? []).includes(r.data) || (DIM_ORDER[dim] ?? []).includes(r.data);
		if (!known) return fail(dim, `“${r.data}” is not a value of this dataset (leave it out or use * for all)`);
		filters[dim] = r.data;
	}

	let group = ctx.defaultGroup;
	const rawGroup = search.get('group');
	if (rawGroup !== null && rawGroup !== '') {
		const allowed = ctx.groups.map((g) => g ?? 'none');
		const r = z.enum(allowed as [string, ...string[]], { error: `must be one of ${allowed.join(', ')}` }).safeParse(rawGroup);
		if (!r.success) return fail('group', r.error.issues[0]!.message);
		group = r.data === 'none' ? null : r.data;
	}

	let by: CubeQuery['by'] = 'period';
	const rawBy = search.get('by');
	if (rawBy !== null && rawBy !== '') {
		const r = byParam.safeParse(rawBy);
		if (!r.success) return fail('by', r.error.issues[0]!.message);
		by = r.data;
	}
	return { query: { from, to, filters, group, by } };
}
