/**
 * GET /findUsage/v2/findUsage: the national portal (eesti.ee Data Tracker) asks for a
 * person's usage records (specs/aj-findusage-openapi.yaml, operation findUsage).
 *
 * The same visibility rules as the citizen's own timeline (subjectEvents): sealed events
 * are absent until disclosed; restricted events show their time only.
 *
 * Representation: X-Road-UserId (who is asking) may differ from userCode (whose data) only
 * when the asker is the legal representative of a minor: the population register lists them
 * as the userCode person's mother or father and, at the time of the request (Tallinn calendar
 * day), that person is under 18 (auth/representation.ts, the same rule as the citizen's own
 * person switcher). Anything else is refused with 403 and an error naming why; the portal
 * must not rely on its own registers to widen this.
 */
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { subjectCodeError } from '../../personal-code';
import { parseRfc3339 } from '../../rfc3339';
import { representationAt, type Representation } from '../auth/representation';
import { jsonError } from '../http/json';
import { agencyDirectory } from '../reference/agencies';
import { purposeCatalogue } from '../reference/purposes';
import { subjectEvents, type SubjectEvent } from '../usage/citizen-view';
import { requirePortalKey } from './auth';

export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 10_000;
/** The spec declares offset as int32. */
export const MAX_OFFSET = 2_147_483_647;

/** What a restricted event shows instead of its purpose (the portal shows Estonian text). */
export const RESTRICTED_ACTION = 'Piiratud andmetöötlus (üksikasjad on varjatud)';

/** Bounds are clamped to 1970..2299 (the citizen view's open-ended defaults; DateTime64 ends in 2299). */
const MIN_BOUND_MS = Date.UTC(1970, 0, 1);
const MAX_BOUND_MS = Date.UTC(2299, 11, 31);

const subjectCode = z.string().superRefine((value, ctx) => {
	const err = subjectCodeError(value);
	if (err) ctx.addIssue({ code: 'custom', message: err });
});

/**
 * RFC 3339 date-time with an offset, to epoch milliseconds. A '+' in an unencoded query
 * string arrives as a space ("...T10:20:30 02:00"); that one slip is put right.
 */
const dateTime = z
	.string()
	.transform((v) => v.trim().replace(/ (\d{2}:\d{2})$/, '+$1'))
	.transform((v, ctx) => {
		const ms = parseRfc3339(v);
		if (ms === null) {
			ctx.addIssue({ code: 'custom', message: 'must be an RFC 3339 date-time with offset, e.g. 2021-01-31T10:20:30Z' });
			return z.NEVER;
		}
		return ms;
	});

const nonNegativeInt = (max: number, what: string) =>
	z
		.string()
		.trim()
		.regex(/^\d+$/, `must be ${what}`)
		.transform(Number)
		.pipe(z.number().int().max(max, `must be ${what}`));

/** The query string (and the X-Road-UserId header as `userId`). Unknown parameters are ignored. */
export const findUsageQuery = z
	.object({
		userId: z.string({ message: 'is required' }).trim().min(1, 'is required').pipe(subjectCode),
		userCode: z.string({ message: 'is required' }).trim().min(1, 'is required').pipe(subjectCode),
		periodStart: dateTime.optional(),
		periodEnd: dateTime.optional(),
		offset: nonNegativeInt(MAX_OFFSET, `an integer from 0 to ${MAX_OFFSET}`).default(0),
		limit: nonNegativeInt(MAX_LIMIT, `an integer from 1 to ${MAX_LIMIT}`)
			.refine((n) => n >= 1, `must be an integer from 1 to ${MAX_LIMIT}`)
			.default(DEFAULT_LIMIT)
	})
	.superRefine((q, ctx) => {
		if (q.periodStart !== undefined && q.periodEnd !== undefined && q.periodStart > q.periodEnd) {
			ctx.addIssue({ code: 'custom', path: ['periodStart'], message: 'must not be after periodEnd' });
		}
	});
export type FindUsageQuery = z.output<typeof findUsageQuery>;

/** How the parameters are named to the caller (the header is not a query parameter). */
const PARAM_NAMES: Record<string, string> = { userId: 'X-Road-UserId header' };

export interface Usage {
	logtime: string;
	action: string;
	receiverCode: string;
	receiverName: string;
	receiverSystem: string;
}

export interface FindUsageResponse {
	totalUsages: number;
	usages: Usage[];
}

/** Read the request into a query, or a 400 message naming the parameter. */
export function parseFindUsage(url: URL, headers: Headers): { ok: true; query: FindUsageQuery } | { ok: false; error: string } {
	const raw: Record<string, string> = {};
	const userId = headers.get('x-road-userid');
	if (userId !== null) raw.userId = userId;
	for (const name of ['userCode', 'periodStart', 'periodEnd', 'offset', 'limit']) {
		const value = url.searchParams.get(name);
		// An empty optional parameter (periodEnd=) means "not given"; an empty userCode is caught as missing.
		if (value !== null && (value !== '' || name === 'userCode')) raw[name] = value;
	}
	const parsed = findUsageQuery.safeParse(raw);
	if (parsed.success) return { ok: true, query: parsed.data };
	const issue = parsed.error.issues[0]!;
	const key = String(issue.path[0] ?? '');
	return { ok: false, error: `${PARAM_NAMES[key] ?? key}: ${issue.message}` };
}

const clamp = (ms: number) => new Date(Math.min(MAX_BOUND_MS, Math.max(MIN_BOUND_MS, ms))).toISOString();

export async function findUsage(q: FindUsageQuery): Promise<FindUsageResponse> {
	const [page, purposes, directory] = await Promise.all([
		subjectEvents({
			subject: q.userCode,
			from: q.periodStart === undefined ? null : clamp(q.periodStart),
			// periodEnd is inclusive; subjectEvents takes an exclusive bound (times are stored to the ms).
			to: q.periodEnd === undefined ? null : clamp(q.periodEnd + 1),
			agency: null,
			offset: q.offset,
			limit: q.limit
		}),
		purposeCatalogue(),
		agencyDirectory()
	]);
	const toUsage = (e: SubjectEvent): Usage => {
		if (e.restricted) return { logtime: e.logged_at, action: RESTRICTED_ACTION, receiverCode: '', receiverName: '', receiverSystem: '' };
		const purpose = e.purpose_code ? purposes.get(e.purpose_code) : undefined;
		return {
			logtime: e.logged_at,
			action: purpose?.text_et || e.action,
			receiverCode: e.agency_code,
			receiverName: directory.agency(e.agency_code)?.name_et ?? '',
			receiverSystem: directory.systemName(e.agency_code, e.system)
		};
	};
	return { totalUsages: page.total, usages: page.events.map(toUsage) };
}

/** Why the asker may not see userCode's records (names both codes and the rule), or null when they may. */
export function representationRefusal(q: Pick<FindUsageQuery, 'userId' | 'userCode'>, r: Representation): string | null {
	if (r.ok) return null;
	const who = `X-Road-UserId ${q.userId} may not ask for the records of userCode ${q.userCode}`;
	switch (r.reason) {
		case 'not-a-child':
			return `${who}: a userCode other than X-Road-UserId is accepted only for a parent's minor child, and the population register does not list ${q.userCode} as ${q.userId}'s child`;
		case 'adult':
			return `${who}: ${q.userCode} turned 18 on ${r.adultOn}, and a parent represents a child only until the 18th birthday`;
		case 'not-born':
			return `${who}: the population register gives ${q.userCode}'s birth date as ${r.bornOn}, after the time of this request`;
	}
}

export async function handleFindUsage(request: Request, url: URL): Promise<Response> {
	const key = await requirePortalKey(request);
	if (key instanceof Response) return key;
	const parsed = parseFindUsage(url, request.headers);
	if (!parsed.ok) return jsonError(400, parsed.error);
	const q = parsed.query;
	let body: FindUsageResponse;
	try {
		if (q.userId !== q.userCode) {
			const refusal = representationRefusal(q, await representationAt(q.userId, q.userCode, new Date()));
			if (refusal) return jsonError(403, refusal);
		}
		body = await findUsage(q);
	} catch (err) {
		console.error('findUsage failed', err);
		return jsonError(503, 'storage is unavailable; retry later', {}, { 'retry-after': '5' });
	}
	return json(body, { headers: { 'cache-control': 'no-store' } });
}
