import type { RequestHandler } from './$types';
import { fail } from '$lib/schemas/feed-common';
import { validateServiceEvent } from '$lib/schemas/service-event';
import { handleFeed } from '$lib/server/feeds/handle-feed';
import { storeServiceUses } from '$lib/server/feeds/services';

export const POST: RequestHandler = ({ request }) =>
	handleFeed(request, {
		what: 'service events',
		validate: (value, agency) => {
			const r = validateServiceEvent(value);
			// An agency reports the use of its own services only.
			return r.ok && r.value.agency_code !== agency ? fail('agency_code', `must be ${agency}, the agency this API key belongs to`) : r;
		},
		store: (events) => storeServiceUses(events)
	});
