import type { RequestHandler } from './$types';
import { handleFindUsage } from '$lib/server/portal/find-usage';

export const GET: RequestHandler = ({ request, url }) => handleFindUsage(request, url);
