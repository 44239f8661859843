/**
 * Cross-site form posts are refused on browser routes (what SvelteKit's csrf option does),
 * but not on the machine APIs, which authenticate with bearer keys and must answer a wrong
 * content type with 415, not 403.
 */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Machine endpoints that carry their own authentication (keys, signatures), not cookies.
const MACHINE_ROUTES = ['/api/v1/', '/findUsage/', '/ledger/cosignature'];

export function isCrossSiteFormPost(request: Request, url: URL): boolean {
	if (!UNSAFE.has(request.method)) return false;
	if (MACHINE_ROUTES.some((p) => url.pathname.startsWith(p))) return false;
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return false;
	const origin = request.headers.get('origin');
	if (origin === null) return true;
	if (origin === url.origin) return false;
	// The same host under another name for the scheme (adapter-node assumes https unless
	// ORIGIN says otherwise) is still this site.
	try {
		return new URL(origin).host !== request.headers.get('host');
	} catch {
		return true;
	}
}
