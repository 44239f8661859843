/** GET /findUsage/v2/usagePeriod: the span of time the portal may ask findUsage about. */
import { json } from '@sveltejs/kit';
import { jsonError } from '../http/json';
import { logPeriod } from '../usage/citizen-view';
import { requirePortalKey } from './auth';

export interface UsagePeriodResponse {
	periodStart: string;
	periodEnd?: string;
}

export async function usagePeriod(now = new Date()): Promise<UsagePeriodResponse> {
	const { first } = await logPeriod();
	// periodStart is required by the spec. An empty log holds records "from now on", which
	// is what the portal should show; periodEnd is always left out because the log is live
	// (its absence means "records can be asked for up to the present").
	return { periodStart: first ?? now.toISOString() };
}

export async function handleUsagePeriod(request: Request): Promise<Response> {
	const key = await requirePortalKey(request);
	if (key instanceof Response) return key;
	let body: UsagePeriodResponse;
	try {
		body = await usagePeriod();
	} catch (err) {
		console.error('usagePeriod failed', err);
		return jsonError(503, 'storage is unavailable; retry later', {}, { 'retry-after': '5' });
	}
	return json(body, { headers: { 'cache-control': 'no-store' } });
}
