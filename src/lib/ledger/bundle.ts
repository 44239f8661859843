/**
 * A proof bundle: everything needed to check, offline and without trusting Peegel's
 * server, that one usage event is in the signed log. The citizen's browser checks the
 * bundles of the events on the page; `npm run ledger:check-bundle` checks a downloaded one.
 *
 * Format "peegel-proof-bundle/1", JSON:
 *   event       the event as the person sees it (id, time, subject, visibility) and, for an
 *               event whose details they may see, the details with their salt (base64)
 *   leaf        the leaf bytes (base64), see leaf.ts
 *   index, size the event's position and the tree size the proof is for
 *   proof       the inclusion proof (base64 hashes)
 *   checkpoint  the signed checkpoint of that size (C2SP signed note)
 *   key         the checkpoint verifier key (name+id+key)
 */
import { z } from 'zod';
import { decodeBase64 } from '@oslojs/encoding';
import { decodeLeaf, detailsDigest, type Leaf } from './leaf';
import { equalBytes, hashLeaf, verifyInclusion } from './merkle';
import { parseCheckpoint, parseNote, parseVerifierKey, verifyNote, type Checkpoint } from './note';

export const BUNDLE_FORMAT = 'peegel-proof-bundle/1';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

export const bundleDetails = z.object({
	salt: base64,
	agency_code: z.string(),
	intermediary_code: z.string(),
	system: z.string(),
	action: z.string(),
	purpose_code: z.string(),
	legal_basis: z.string(),
	data_categories: z.array(z.string()),
	bulk: z.boolean()
});

export const proofBundle = z.object({
	format: z.literal(BUNDLE_FORMAT),
	event: z.object({
		event_id: z.string(),
		logged_at: z.string(),
		subject_code: z.string(),
		visibility: z.enum(['visible', 'restricted', 'sealed']),
		details: bundleDetails.nullable()
	}),
	leaf: base64,
	index: z.number().int().min(0),
	size: z.number().int().min(1),
	proof: z.array(base64),
	checkpoint: z.string(),
	key: z.string()
});
export type ProofBundle = z.output<typeof proofBundle>;

export interface BundleCheck {
	ok: boolean;
	/** What failed, in plain words (null when it passed). */
	problem: string | null;
	leaf: Leaf | null;
	checkpoint: Checkpoint | null;
}

const failed = (problem: string, leaf: Leaf | null = null, checkpoint: Checkpoint | null = null): BundleCheck => ({
	ok: false,
	problem,
	leaf,
	checkpoint
});

/**
 * Check a bundle: the checkpoint is signed by the trusted key, the leaf is this event, its
 * details are the ones committed, and the proof puts the leaf in the checkpoint's tree.
 */
export function checkBundle(input: unknown, trustedKey: string): BundleCheck {
	const parsed = proofBundle.safeParse(input);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return failed(`the proof is malformed (${issue.path.join('.') || 'bundle'}: ${issue.message})`);
	}
	const b = parsed.data;
	if (b.key.trim() !== trustedKey.trim()) return failed('the proof comes with a different signing key than the one trusted');
	let checkpoint: Checkpoint;
	try {
		const note = parseNote(b.checkpoint);
		const signed = verifyNote(note, parseVerifierKey(trustedKey));
		if (!signed.ok) return failed(`the checkpoint’s signature is not valid: ${signed.reason}`);
		checkpoint = parseCheckpoint(note.text);
	} catch (err) {
		return failed(`the checkpoint cannot be read: ${(err as Error).message}`);
	}
	if (checkpoint.size !== b.size) return failed(`the proof is for ${b.size} entries, the checkpoint for ${checkpoint.size}`, null, checkpoint);

	let leafBytes: Uint8Array;
	let leaf: Leaf;
	try {
		leafBytes = decodeBase64(b.leaf);
		leaf = decodeLeaf(leafBytes);
	} catch (err) {
		return failed(`the leaf cannot be read: ${(err as Error).message}`, null, checkpoint);
	}
	const e = b.event;
	if (leaf.index !== b.index) return failed(`the leaf says position ${leaf.index}, not ${b.index}`, leaf, checkpoint);
	if (leaf.eventId !== e.event_id.toLowerCase()) return failed('the leaf is a different event', leaf, checkpoint);
	if (leaf.subjectCode !== e.subject_code) return failed('the leaf is about someone else', leaf, checkpoint);
	if (leaf.loggedAt !== Date.parse(e.logged_at)) return failed('the leaf has a different time', leaf, checkpoint);
	if (leaf.visibility !== e.visibility) return failed('the leaf has a different visibility', leaf, checkpoint);
	if (e.details) {
		const { salt, ...details } = e.details;
		if (!equalBytes(detailsDigest(decodeBase64(salt), details), leaf.detailsDigest)) {
			return failed('the agency, system, purpose or data shown are not the ones committed to the log', leaf, checkpoint);
		}
	}
	const included = verifyInclusion(b.index, b.size, hashLeaf(leafBytes), b.proof.map(decodeBase64), checkpoint.root);
	if (!included.ok) return failed(`the event is not in the signed log (${included.reason})`, leaf, checkpoint);
	return { ok: true, problem: null, leaf, checkpoint };
}

export interface ChainGap {
	/** The shown event whose link does not fit. */
	index: number;
	/** Where its leaf links to. */
	linksTo: number | null;
	/** Where the listed history says its previous event is. */
	listed: number | null;
}

/**
 * The person's chain over what is shown: every unsealed shown event must link to the event
 * before it in the person's list of positions (`chain`, ascending), and be in that list.
 * A gap means an event was left out of the list (or the list is wrong).
 */
export function chainGaps(shown: readonly Leaf[], chain: readonly number[]): ChainGap[] {
	const at = new Map(chain.map((p, i) => [p, i]));
	const gaps: ChainGap[] = [];
	for (const leaf of shown) {
		if (leaf.visibility === 'sealed') continue;
		const i = at.get(leaf.index);
		const listed = i === undefined || i === 0 ? null : chain[i - 1]!;
		if (i === undefined || leaf.prev !== listed) gaps.push({ index: leaf.index, linksTo: leaf.prev, listed });
	}
	return gaps;
}
