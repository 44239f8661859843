import type { RequestHandler } from './$types';
import { getConsistencyProof } from '$lib/server/ledger/http';

export const GET: RequestHandler = ({ url }) => getConsistencyProof(url);
