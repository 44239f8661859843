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
import { parseCheckpoint, parseNote, parseVerifierKey, verifyNote, type Checkpoint, type Note } from './note';
import { parseWitnessKey, verifyCosignature } from './cosignature';

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
	witnessed: z.boolean(),
	chain: z.array(z.number().int().min(0)),
	bundles: z.array(proofBundle),
	pending: z.array(z.string())
});

const remembered = z.object({ size: z.number().int().min(0), root: z.string(), seenAt: z.string() });

export const KEY_ITEM = 'peegel.ledger.key';
export const REQUIRE_WITNESS_ITEM = 'peegel.ledger.requireWitness';
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

export interface WitnessPolicy {
	/** Witnesses' verifier keys (cosignature type). */
	keys: readonly string[];
	/** Only trust a checkpoint that one of them cosigned. */
	require: boolean;
}

/** The valid cosignatures on a checkpoint note by the given witnesses, as log lines. */
function cosignatureLines(note: Note, keys: readonly string[], env: Env): { witnessed: boolean; lines: LogLine[] } {
	const lines: LogLine[] = [];
	let witnessed = false;
	for (const k of keys) {
		let v;
		try {
			v = verifyCosignature(note, parseWitnessKey(k), env.now().getTime() / 1000);
		} catch {
			continue;
		}
		if (!v.ok) continue;
		witnessed = true;
		const when = new Date(v.timestamp * 1000).toLocaleString('en-GB', { timeZone: 'Europe/Tallinn', dateStyle: 'medium', timeStyle: 'short' });
		lines.push({ ok: true, text: `Witness ${v.witness} confirmed on ${when} that this checkpoint extends every earlier one it saw.` });
	}
	return { witnessed, lines };
}

export async function checkPage(ids: readonly string[], pageKey: string, env: Env, witnesses: WitnessPolicy = { keys: [], require: false }): Promise<PageCheck> {
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
		if (witnesses.require) params.set('witnessed', '1');
		view = ledgerView.parse(await getJson(env, `/me/ledger.json?${params}`));
	} catch (err) {
		log.push({ ok: false, text: `The proofs could not be fetched: ${(err as Error).message}` });
		failAll('The proof could not be fetched.');
		return { events, log, checkpoint: null };
	}

	// The checkpoint, and its consistency with the last one this browser verified.
	let checkpoint: Checkpoint;
	let note: Note;
	try {
		note = parseNote(view.checkpoint);
		const signed = verifyNote(note, parseVerifierKey(pageKey));
		if (!signed.ok) throw new Error(signed.reason);
		checkpoint = parseCheckpoint(note.text);
	} catch (err) {
		log.push({ ok: false, text: `The log’s checkpoint is not validly signed: ${(err as Error).message}` });
		failAll('The checkpoint is not validly signed.');
		return { events, log, checkpoint: null };
	}
	log.push({
		ok: true,
		text: `The log’s ${view.witnessed ? 'latest witnessed' : 'latest'} checkpoint (${fmt(checkpoint.size)} entries) is signed by ${verifierName}.`
	});
	if (!pinned) env.storage.setItem(KEY_ITEM, pageKey);
	const cosigned = cosignatureLines(note, witnesses.keys, env);
	log.push(...cosigned.lines);
	if (witnesses.require && !cosigned.witnessed) {
		log.push({ ok: false, text: 'You asked to trust only checkpoints cosigned by a witness, and no witness has cosigned this one yet.' });
		failAll('No witness has cosigned the checkpoint yet.');
		return { events, log, checkpoint };
	}

	const before = remembered.safeParse(JSON.parse(env.storage.getItem(CHECKPOINT_ITEM) ?? 'null'));
	let consistent = true;
	let remember = true;
	if (before.success && before.data.size > 0) {
		const old = before.data;
		const oldRoot = decodeBase64(old.root);
		const seen = new Date(old.seenAt).toLocaleDateString('en-GB', { timeZone: 'Europe/Tallinn' });
		if (old.size > checkpoint.size) {
			// An older checkpoint than the one seen before (a witnessed one, say): it must be
			// a prefix of that one; the larger one stays remembered.
			try {
				const proof = z
					.object({ hashes: z.array(z.string()) })
					.parse(await getJson(env, `/ledger/proof/consistency?from=${checkpoint.size}&to=${old.size}`));
				const verdict = verifyConsistency(checkpoint.size, old.size, proof.hashes.map(decodeBase64), checkpoint.root, oldRoot);
				log.push(
					verdict.ok
						? { ok: true, text: `This checkpoint is an earlier state of the log your browser checked on ${seen} (${fmt(old.size)} entries).` }
						: { ok: false, text: `This checkpoint is not an earlier state of the log your browser checked on ${seen}: ${verdict.reason}.` }
				);
				if (!verdict.ok) consistent = false;
			} catch (err) {
				consistent = false;
				log.push({ ok: false, text: `The log is smaller than when your browser checked it on ${seen}, and could not be compared: ${(err as Error).message}` });
			}
			remember = false;
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
	if (consistent && remember) {
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
	const verdicts = Object.values(events);
	const verified = verdicts.filter((v) => v.state === 'verified' || v.state === 'withheld').length;
	const failures = verdicts.filter((v) => v.state === 'failed').length;
	const waiting = verdicts.filter((v) => v.state === 'pending').length;
	const between = gaps.length === 0 ? ', with none of yours missing between them' : '';
	if (failures > 0) {
		log.push({ ok: false, text: `${fmt(failures)} of the events shown here could not be verified: see the rows marked “Not verified”.` });
	} else if (waiting > 0) {
		log.push({
			ok: true,
			text: `${fmt(verified)} of the ${fmt(ids.length)} events shown here are in the signed log${between}; ${fmt(waiting)} ${waiting === 1 ? 'is' : 'are'} too new for its latest checkpoint (reload in a few seconds).`
		});
	} else {
		log.push({ ok: true, text: `All ${fmt(verified)} events shown here are in the signed log${between}.` });
	}
	if (gaps.length > 0) log.push({ ok: false, text: `Your history has ${gaps.length === 1 ? 'a gap' : `${gaps.length} gaps`}: events recorded in the log are missing from it.` });
	return { events, log, checkpoint };
}
