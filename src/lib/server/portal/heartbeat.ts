/**
 * GET /findUsage/v2/heartbeat: liveness for the portal's monitoring (and the test harness).
 * No key: it tells nothing about anyone, and monitors poll it without credentials.
 * OK when ClickHouse answers a trivial query in time; otherwise FAIL with 503, still JSON.
 */
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { queryOne } from '../db/query';

const TIMEOUT_MS = 5_000;

export interface HeartbeatResponse {
	status: 'OK' | 'FAIL';
	message: string;
}

export async function heartbeat(): Promise<{ status: number; body: HeartbeatResponse }> {
	let timer: NodeJS.Timeout | undefined;
	try {
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`no answer in ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
		});
		const row = await Promise.race([queryOne('SELECT 1 AS ok', {}, z.object({ ok: z.coerce.number() })), timeout]);
		if (row?.ok !== 1) throw new Error('unexpected answer');
		return { status: 200, body: { status: 'OK', message: 'API is ready' } };
	} catch (err) {
		console.error('heartbeat: storage check failed', err);
		return { status: 503, body: { status: 'FAIL', message: 'storage is unavailable' } };
	} finally {
		clearTimeout(timer);
	}
}

export async function handleHeartbeat(): Promise<Response> {
	const { status, body } = await heartbeat();
	return json(body, { status, headers: { 'cache-control': 'no-store' } });
}
