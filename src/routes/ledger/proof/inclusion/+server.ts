import type { RequestHandler } from './$types';
import { getInclusionProof } from '$lib/server/ledger/http';

export const GET: RequestHandler = ({ url, locals }) => getInclusionProof(url, locals);
