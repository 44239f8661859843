import type { RequestHandler } from './$types';
import { getCheckpoint } from '$lib/server/ledger/http';

export const GET: RequestHandler = () => getCheckpoint();
