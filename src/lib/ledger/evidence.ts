/**
 * Checking an oversight case's evidence (GET /oversight/cases/<id>/evidence.json, format
 * "peegel-case-evidence/1") offline: each linked event's proof bundle is checked as a
 * citizen's is (bundle.ts: the checkpoint's signature, the leaf is the event, its details
 * are the committed ones, the inclusion proof), and then the oversight fields the evidence
 * shows (the official, the case reference, the X-Road message) against the leaf's
 * oversight digest. `npm run ledger:check-evidence` runs this over a downloaded file.
 */
import { z } from 'zod';
import { decodeBase64 } from '@oslojs/encoding';
import { checkBundle, type BundleCheck } from './bundle';
import { equalBytes } from './merkle';
import { oversightDigest } from './leaf';

export const EVIDENCE_FORMAT = 'peegel-case-evidence/1';

export const evidenceOversight = z.object({
	salt: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
	actor_code: z.string(),
	case_ref: z.string(),
	xroad_client: z.string(),
	xroad_service: z.string(),
	xroad_message_id: z.string()
});

/** One event's proof in the evidence: the bundle and the oversight fields with their salt. */
export const evidenceProof = z.object({ bundle: z.unknown(), oversight: evidenceOversight });

export function checkEvidenceProof(input: unknown, trustedKey: string): BundleCheck {
	const parsed = evidenceProof.safeParse(input);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return { ok: false, problem: `the proof is malformed (${issue.path.join('.') || 'proof'}: ${issue.message})`, leaf: null, checkpoint: null };
	}
	const checked = checkBundle(parsed.data.bundle, trustedKey);
	if (!checked.ok) return checked;
	const { salt, ...fields } = parsed.data.oversight;
	if (!equalBytes(oversightDigest(decodeBase64(salt), fields), checked.leaf!.oversightDigest)) {
		return { ...checked, ok: false, problem: 'the official, case reference or X-Road message shown are not the ones committed to the log' };
	}
	return checked;
}
