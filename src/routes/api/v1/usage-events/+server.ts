import type { RequestHandler } from './$types';
import { handleIngest } from '$lib/server/usage/ingest';

export const POST: RequestHandler = ({ request }) => handleIngest(request);
