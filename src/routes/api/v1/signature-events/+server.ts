import type { RequestHandler } from './$types';
import { validateSignatureEvent } from '$lib/schemas/signature-event';
import { handleFeed } from '$lib/server/feeds/handle-feed';
import { storeSignatures } from '$lib/server/feeds/signatures';

export const POST: RequestHandler = ({ request }) =>
	handleFeed(request, {
		what: 'signature events',
		validate: (value) => validateSignatureEvent(value),
		store: (events, reporter) => storeSignatures(events, reporter)
	});
