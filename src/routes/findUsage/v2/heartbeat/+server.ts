import type { RequestHandler } from './$types';
import { handleHeartbeat } from '$lib/server/portal/heartbeat';

export const GET: RequestHandler = () => handleHeartbeat();
