import type { RequestHandler } from './$types';
import { getVerifierKey } from '$lib/server/ledger/http';

export const GET: RequestHandler = () => getVerifierKey();
