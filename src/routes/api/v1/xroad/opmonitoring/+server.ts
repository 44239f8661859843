import type { RequestHandler } from './$types';
import { handleOpmonIngest } from '$lib/server/feeds/xroad/ingest';

export const POST: RequestHandler = ({ request }) => handleOpmonIngest(request);
