/** Calls to the server's HTTP APIs as agencies and the national portal make them. */
import type { TestServer } from './server';
import { ndjson } from './data';

export interface IngestResult {
	status: number;
	body: {
		accepted?: { event_id: string; index?: number }[];
		duplicates?: string[];
		rejected?: { line: number; field: string; message: string }[];
		error?: string;
		[k: string]: unknown;
	};
}

/** The JSON body, or a non-JSON body as { error: text } (so a failing test shows what came back). */
async function jsonOrText(res: Response): Promise<unknown> {
	const text = await res.text();
	try {
		return JSON.parse(text);
	} catch {
		return { error: text, nonJson: true };
	}
}

/** POST events (as NDJSON unless a raw body and content type are given). */
export async function ingest(
	server: TestServer,
	key: string | null,
	events: unknown[] | string,
	contentType = 'application/x-ndjson'
): Promise<IngestResult> {
	const headers: Record<string, string> = { 'content-type': contentType };
	if (key !== null) headers.authorization = `Bearer ${key}`;
	const body = typeof events === 'string' ? events : contentType === 'application/json' ? JSON.stringify(events) : ndjson(events);
	const res = await fetch(`${server.url}/api/v1/usage-events`, { method: 'POST', headers, body });
	return { status: res.status, body: (await jsonOrText(res)) as IngestResult['body'] };
}

export interface Usage {
	logtime: string;
	action: string;
	receiverCode: string;
	receiverName?: string;
	receiverSystem: string;
}

export interface FindUsageResult {
	status: number;
	body: { totalUsages: number; usages: Usage[]; error?: string };
}

/** GET /findUsage/v2/findUsage for a subject; X-Road-UserId defaults to the subject. */
export async function findUsage(
	server: TestServer,
	portalKey: string | null,
	params: Record<string, string | number>,
	userId: string | null = typeof params.userCode === 'string' ? params.userCode : null
): Promise<FindUsageResult> {
	const headers: Record<string, string> = {};
	if (portalKey !== null) headers.authorization = `Bearer ${portalKey}`;
	if (userId !== null) headers['x-road-userid'] = userId;
	const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
	const res = await fetch(`${server.url}/findUsage/v2/findUsage?${qs}`, { headers });
	return { status: res.status, body: (await jsonOrText(res)) as FindUsageResult['body'] };
}

/** Every usage the portal would show for a subject (one call, up to 10,000). */
export async function usagesOf(server: TestServer, portalKey: string, subject: string): Promise<FindUsageResult['body']> {
	const r = await findUsage(server, portalKey, { userCode: subject, limit: 10_000 });
	if (r.status !== 200) throw new Error(`findUsage ${subject}: ${r.status} ${JSON.stringify(r.body)}`);
	return r.body;
}
