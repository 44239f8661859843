/**
 * The citizen's browser checks the events on their page against the log, trusting only
 * the verifier key the page was served with (and, from the second visit on, the key and
 * the checkpoint it saw before):
 * - the latest checkpoint is signed by that key;
 * - it extends the checkpoint this browser verified last time (consistency proof), and
 *   is remembered for next time;
 * - each event's proof bundle checks (bundle.ts);
 * - the person's chain has no gap over the events shown.
 */
import { z } from 'zod';
import { decodeBase64, encodeBase64 } from '@oslojs/encoding';
import { chainGaps, checkBundle, proofBundle, type ProofBundle } from './bundle';
import type { Leaf } from './leaf';
import { equalBytes, verifyConsistency } from './merkle';
import { parseCheckpoint, parseNote, parseVerifierKey, verifyNote, type Checkpoint } from './note';

export type EventState = 'verified' | 'failed' | 'pending' | 'withheld';

export interface EventVerdict {
	state: EventState;
	message: string;
	bundle: ProofBundle | null;
}

export interface LogLine {
	ok: boolean;
	text: string;
}

export interface PageCheck {
	events: Record<string, EventVerdict>;
	log: LogLine[];
	checkpoint: Checkpoint | null;
}

const ledgerView = z.object({
	key: z.string(),
	checkpoint: z.string(),
	size: z.number().int().min(0),
	chain: z.array(z.number().int().min(0)),
	bundles: z.array(proofBundle),
	pending: z.array(z.string())
});

const remembered = z.object({ size: z.number().int().min(0), root: z.string(), seenAt: z.string() });

export const KEY_ITEM = 'peegel.ledger.key';
export const CHECKPOINT_ITEM = 'peegel.ledger.checkpoint';

export interface Env {
	fetch: typeof fetch;
	storage: Pick<Storage, 'getItem' | 'setItem'>;
	now: () => Date;
}

const fmt = (n: number) => n.toLocaleString('en-US');

async function getJson(env: Env, url: string): Promise<unknown> {
	const res = await env.fetch(url, { headers: { accept: 'application/json' } });
	if (!res.ok) throw new Error(`${url.split('?')[0]} answered ${res.status}`);
	return res.json();
}

export async function checkPage(ids: readonly string[], pageKey: string, env: Env): Promise<PageCheck> {
	const events: Record<string, EventVerdict> = {};
	const log: LogLine[] = [];
	const failAll = (message: string) => {
		for (const id of ids) events[id] = { state: 'failed', message, bundle: null };
	};

	// The key: the page's, and the same as last time.
	const pinned = env.storage.getItem(KEY_ITEM);
	if (pinned && pinned !== pageKey) {
		log.push({ ok: false, text: 'The log’s signing key is not the one your browser saw on your earlier visits. Do not rely on these results; tell the oversight body.' });
		failAll('The log’s signing key changed.');
		return { events, log, checkpoint: null };
	}
	let verifierName: string;
	try {
		verifierName = parseVerifierKey(pageKey).name;
	} catch (err) {
		log.push({ ok: false, text: `The page’s signing key cannot be read: ${(err as Error).message}` });
		failAll('No usable signing key.');
		return { events, log, checkpoint: null };
	}

	let view: z.output<typeof ledgerView>;
	try {
		const params = new URLSearchParams({ ids: ids.join(',') });
		view = ledgerView.parse(await getJson(env, `/me/ledger.json?${params}`));
	} catch (err) {
		log.push({ ok: false, text: `The proofs could not be fetched: ${(err as Error).message}` });
		failAll('The proof could not be fetched.');
		return { events, log, checkpoint: null };
	}

	// The checkpoint, and its consistency with the last one this browser verified.
	let checkpoint: Checkpoint;
	try {
		const note = parseNote(view.checkpoint);
		const signed = verifyNote(note, parseVerifierKey(pageKey));
		if (!signed.ok) throw new Error(signed.reason);
		checkpoint = parseCheckpoint(note.text);
	} catch (err) {
		log.push({ ok: false, text: `The log’s latest checkpoint is not validly signed: ${(err as Error).message}` });
		failAll('The checkpoint is not validly signed.');
		return { events, log, checkpoint: null };
	}
	log.push({ ok: true, text: `The log’s latest checkpoint (${fmt(checkpoint.size)} entries) is signed by ${verifierName}.` });
	if (!pinned) env.storage.setItem(KEY_ITEM, pageKey);

	const before = remembered.safeParse(JSON.parse(env.storage.getItem(CHECKPOINT_ITEM) ?? 'null'));
	let consistent = true;
	if (before.success && before.data.size > 0) {
		const old = before.data;
		const oldRoot = decodeBase64(old.root);
		const seen = new Date(old.seenAt).toLocaleDateString('en-GB', { timeZone: 'Europe/Tallinn' });
		if (old.size > checkpoint.size) {
			consistent = false;
			log.push({ ok: false, text: `The log is smaller than when your browser checked it on ${seen} (${fmt(old.size)} entries then, ${fmt(checkpoint.size)} now): entries were removed.` });
		} else if (old.size === checkpoint.size) {
			consistent = equalBytes(oldRoot, checkpoint.root);
			log.push(
				consistent
					? { ok: true, text: `The log is unchanged since your browser checked it on ${seen}.` }
					: { ok: false, text: `The log has the same size as on ${seen} but different contents: it was changed.` }
			);
		} else {
			try {
				const proof = z
					.object({ hashes: z.array(z.string()) })
					.parse(await getJson(env, `/ledger/proof/consistency?from=${old.size}&to=${checkpoint.size}`));
				const verdict = verifyConsistency(old.size, checkpoint.size, proof.hashes.map(decodeBase64), oldRoot, checkpoint.root);
				consistent = verdict.ok;
				log.push(
					verdict.ok
						? { ok: true, text: `Everything in the log when your browser checked it on ${seen} (${fmt(old.size)} entries) is still in it, unchanged.` }
						: { ok: false, text: `The log is not an extension of the one your browser checked on ${seen}: ${verdict.reason}.` }
				);
			} catch (err) {
				consistent = false;
				log.push({ ok: false, text: `The log could not be compared with the one your browser checked on ${seen}: ${(err as Error).message}` });
			}
		}
	} else {
		log.push({ ok: true, text: 'This is the first time this browser checks the log; it will compare the log with this checkpoint on your next visit.' });
	}
	if (consistent) {
		env.storage.setItem(CHECKPOINT_ITEM, JSON.stringify({ size: checkpoint.size, root: encodeBase64(checkpoint.root), seenAt: env.now().toISOString() }));
	}

	// Each event, then the chain over the ones that verified.
	const leaves: Leaf[] = [];
	const byId = new Map(view.bundles.map((b) => [b.event.event_id.toLowerCase(), b]));
	const pending = new Set(view.pending.map((id) => id.toLowerCase()));
	for (const id of ids) {
		const bundle = byId.get(id.toLowerCase());
		if (!bundle) {
			events[id] = pending.has(id.toLowerCase())
				? { state: 'pending', message: 'Too new for the latest checkpoint; reload in a few seconds to check it.', bundle: null }
				: { state: 'failed', message: 'The server gave no proof for this event.', bundle: null };
			continue;
		}
		if (bundle.checkpoint !== view.checkpoint) {
			events[id] = { state: 'failed', message: 'The proof is for a different checkpoint.', bundle };
			continue;
		}
		const r = checkBundle(bundle, pageKey);
		if (!r.ok) {
			events[id] = { state: 'failed', message: `Not verified: ${r.problem}.`, bundle };
			continue;
		}
		leaves.push(r.leaf!);
		events[id] =
			bundle.event.visibility === 'restricted'
				? { state: 'withheld', message: 'In the signed log (its details are withheld from you).', bundle }
				: { state: 'verified', message: 'In the signed log, exactly as shown.', bundle };
	}
	const gaps = chainGaps(leaves, view.chain);
	for (const g of gaps) {
		const id = leaves.find((l) => l.index === g.index)!.eventId;
		const key = ids.find((x) => x.toLowerCase() === id) ?? id;
		events[key] = {
			state: 'failed',
			message:
				g.linksTo === null
					? 'Your history lists an earlier event that this one does not link to.'
					: `An earlier event of yours (log position ${fmt(g.linksTo)}) is missing from your history.`,
			bundle: events[key]?.bundle ?? null
		};
	}
	const verified = Object.values(events).filter((v) => v.state === 'verified' || v.state === 'withheld').length;
	const failures = Object.values(events).filter((v) => v.state === 'failed').length;
	log.push(
		failures === 0
			? { ok: true, text: `All ${fmt(verified)} events shown here are in the signed log${gaps.length === 0 ? ', with none of yours missing between them' : ''}.` }
			: { ok: false, text: `${fmt(failures)} of the events shown here could not be verified: see the rows marked “Not verified”.` }
	);
	if (gaps.length > 0) log.push({ ok: false, text: `Your history has ${gaps.length === 1 ? 'a gap' : `${gaps.length} gaps`}: events recorded in the log are missing from it.` });
	return { events, log, checkpoint };
}
