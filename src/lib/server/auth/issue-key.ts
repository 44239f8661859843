/** Issuing an API key for an agency (registering the agency if new): one place for CLI and server. */
import { z } from 'zod';
import { ensureAgency } from '../reference/agencies';
import { createApiKey } from './api-keys';

export const issueKeyInput = z.object({
	agency: z.string().regex(/^\d{8}$/, 'agency must be an 8-digit registry code'),
	name: z.string().trim().min(1).max(200).optional(),
	portal: z.boolean().default(false)
});
export type IssueKeyInput = z.input<typeof issueKeyInput>;

export interface IssuedKey {
	key: string;
	keyId: string;
	agencyCode: string;
	kind: 'agency' | 'portal';
	agencyCreated: boolean;
}

export async function issueKey(input: IssueKeyInput): Promise<IssuedKey> {
	const { agency, name, portal } = issueKeyInput.parse(input);
	const agencyCreated = await ensureAgency(agency, name);
	const kind = portal ? 'portal' : 'agency';
	const { key, keyId } = await createApiKey({ agencyCode: agency, kind, name: name ?? (portal ? 'national portal' : 'agency system') });
	return { key, keyId, agencyCode: agency, kind, agencyCreated };
}
