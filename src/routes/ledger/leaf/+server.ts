import type { RequestHandler } from './$types';
import { getLeaf } from '$lib/server/ledger/http';

export const GET: RequestHandler = ({ url, locals }) => getLeaf(url, locals);
