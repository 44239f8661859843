/**
 * The national portal's calls (findUsage, usagePeriod) need a portal key: a key issued with
 * kind 'portal' (npm run agency:key -- --portal). Agencies' ingestion keys are refused, so
 * an agency cannot read citizens' logs through the portal protocol.
 */
import { bearerToken, verifyApiKey, type ApiKey } from '../auth/api-keys';
import { jsonError } from '../http/json';

/** The verified portal key, or the 401/403 response to send. */
export async function requirePortalKey(request: Request): Promise<ApiKey | Response> {
	const key = await verifyApiKey(bearerToken(request.headers.get('authorization')) ?? '');
	if (!key) {
		return jsonError(401, 'missing or invalid API key: send Authorization: Bearer <portal key>', {}, { 'www-authenticate': 'Bearer' });
	}
	if (key.kind !== 'portal') return jsonError(403, 'this key is for sending usage events; the findUsage protocol needs a portal key');
	return key;
}
