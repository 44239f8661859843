/**
 * What a message says, stored with it as JSON: only what the person may see of each use
 * (citizen-view rules applied before it is written). The inbox and the e-mail render it in
 * their own language; agency names and purposes are looked up when it is shown.
 */
import { z } from 'zod';
import { UNUSUAL_REASONS } from './unusual';

const reasons = z.array(z.enum(UNUSUAL_REASONS));

export const announcedUse = z.discriminatedUnion('restricted', [
	z.object({ restricted: z.literal(true), event_id: z.string(), at: z.string(), reasons }),
	z.object({
		restricted: z.literal(false),
		event_id: z.string(),
		at: z.string(),
		agency: z.string(),
		purpose_code: z.string(),
		action: z.string(),
		reasons,
		/** A sealed use announced when it was disclosed. */
		disclosed: z.boolean()
	})
]);
export type AnnouncedUse = z.output<typeof announcedUse>;

export const payloadSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('events'),
		mode: z.enum(['every', 'unusual', 'agencies']),
		/** How many uses the message announces; the first ones are listed. */
		total: z.number().int().positive(),
		uses: z.array(announcedUse).min(1)
	}),
	z.object({
		kind: z.literal('digest'),
		week: z.string(),
		firstDay: z.string(),
		lastDay: z.string(),
		/** Uses per agency, most first; restricted uses under agency ''. */
		agencies: z.array(z.object({ agency: z.string(), count: z.number().int().positive() }))
	})
]);
export type Payload = z.output<typeof payloadSchema>;

export function parsePayload(json: string): Payload {
	return payloadSchema.parse(JSON.parse(json));
}
