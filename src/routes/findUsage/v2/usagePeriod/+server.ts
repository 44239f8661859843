import type { RequestHandler } from './$types';
import { handleUsagePeriod } from '$lib/server/portal/usage-period';

export const GET: RequestHandler = ({ request }) => handleUsagePeriod(request);
