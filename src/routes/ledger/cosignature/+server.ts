import type { RequestHandler } from './$types';
import { postCosignature } from '$lib/server/ledger/http';

export const POST: RequestHandler = ({ request }) => postCosignature(request);
