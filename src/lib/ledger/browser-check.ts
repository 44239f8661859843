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
import type { Locale } from '../i18n/locales';
import { translator, type Translator } from '../i18n/translator';

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
function cosignatureLines(note: Note, keys: readonly string[], env: Env, tr: Translator): { witnessed: boolean; lines: LogLine[] } {
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
		lines.push({ ok: true, text: tr.t('ledgerCheck.witness', { witness: v.witness, when: tr.dateTime(v.timestamp * 1000) }) });
	}
	return { witnessed, lines };
}

export async function checkPage(
	ids: readonly string[],
	pageKey: string,
	env: Env,
	witnesses: WitnessPolicy = { keys: [], require: false },
	locale: Locale = 'en'
): Promise<PageCheck> {
	const tr = translator(locale);
	const { t } = tr;
	const fmt = tr.number;
	const events: Record<string, EventVerdict> = {};
	const log: LogLine[] = [];
	const failAll = (message: string) => {
		for (const id of ids) events[id] = { state: 'failed', message, bundle: null };
	};

	// The key: the page's, and the same as last time.
	const pinned = env.storage.getItem(KEY_ITEM);
	if (pinned && pinned !== pageKey) {
		log.push({ ok: false, text: t('ledgerCheck.keyChanged') });
		failAll(t('ledgerCheck.keyChangedShort'));
		return { events, log, checkpoint: null };
	}
	let verifierName: string;
	try {
		verifierName = parseVerifierKey(pageKey).name;
	} catch (err) {
		log.push({ ok: false, text: t('ledgerCheck.keyUnreadable', { reason: (err as Error).message }) });
		failAll(t('ledgerCheck.keyUnusable'));
		return { events, log, checkpoint: null };
	}

	let view: z.output<typeof ledgerView>;
	try {
		const params = new URLSearchParams({ ids: ids.join(',') });
		if (witnesses.require) params.set('witnessed', '1');
		view = ledgerView.parse(await getJson(env, `/me/ledger.json?${params}`));
	} catch (err) {
		log.push({ ok: false, text: t('ledgerCheck.fetchFailed', { reason: (err as Error).message }) });
		failAll(t('ledgerCheck.fetchFailedShort'));
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
		log.push({ ok: false, text: t('ledgerCheck.badSignature', { reason: (err as Error).message }) });
		failAll(t('ledgerCheck.badSignatureShort'));
		return { events, log, checkpoint: null };
	}
	log.push({
		ok: true,
		text: t(view.witnessed ? 'ledgerCheck.signedWitnessed' : 'ledgerCheck.signed', { size: fmt(checkpoint.size), name: verifierName })
	});
	if (!pinned) env.storage.setItem(KEY_ITEM, pageKey);
	const cosigned = cosignatureLines(note, witnesses.keys, env, tr);
	log.push(...cosigned.lines);
	if (witnesses.require && !cosigned.witnessed) {
		log.push({ ok: false, text: t('ledgerCheck.noWitness') });
		failAll(t('ledgerCheck.noWitnessShort'));
		return { events, log, checkpoint };
	}

	const before = remembered.safeParse(JSON.parse(env.storage.getItem(CHECKPOINT_ITEM) ?? 'null'));
	let consistent = true;
	let remember = true;
	if (before.success && before.data.size > 0) {
		const old = before.data;
		const oldRoot = decodeBase64(old.root);
		const seen = tr.date(old.seenAt);
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
						? { ok: true, text: t('ledgerCheck.earlierOk', { seen, size: fmt(old.size) }) }
						: { ok: false, text: t('ledgerCheck.earlierBad', { seen, reason: verdict.reason }) }
				);
				if (!verdict.ok) consistent = false;
			} catch (err) {
				consistent = false;
				log.push({ ok: false, text: t('ledgerCheck.smallerFailed', { seen, reason: (err as Error).message }) });
			}
			remember = false;
		} else if (old.size === checkpoint.size) {
			consistent = equalBytes(oldRoot, checkpoint.root);
			log.push(
				consistent
					? { ok: true, text: t('ledgerCheck.unchanged', { seen }) }
					: { ok: false, text: t('ledgerCheck.sameSizeChanged', { seen }) }
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
						? { ok: true, text: t('ledgerCheck.extendsOk', { seen, size: fmt(old.size) }) }
						: { ok: false, text: t('ledgerCheck.extendsBad', { seen, reason: verdict.reason }) }
				);
			} catch (err) {
				consistent = false;
				log.push({ ok: false, text: t('ledgerCheck.compareFailed', { seen, reason: (err as Error).message }) });
			}
		}
	} else {
		log.push({ ok: true, text: t('ledgerCheck.firstVisit') });
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
				? { state: 'pending', message: t('ledgerCheck.tooNew'), bundle: null }
				: { state: 'failed', message: t('ledgerCheck.noProof'), bundle: null };
			continue;
		}
		if (bundle.checkpoint !== view.checkpoint) {
			events[id] = { state: 'failed', message: t('ledgerCheck.otherCheckpoint'), bundle };
			continue;
		}
		const r = checkBundle(bundle, pageKey);
		if (!r.ok) {
			events[id] = { state: 'failed', message: t('ledgerCheck.notVerified', { reason: r.problem ?? '' }), bundle };
			continue;
		}
		leaves.push(r.leaf!);
		events[id] =
			bundle.event.visibility === 'restricted'
				? { state: 'withheld', message: t('ledgerCheck.inLogWithheld'), bundle }
				: { state: 'verified', message: t('ledgerCheck.inLog'), bundle };
	}
	const gaps = chainGaps(leaves, view.chain);
	for (const g of gaps) {
		const id = leaves.find((l) => l.index === g.index)!.eventId;
		const key = ids.find((x) => x.toLowerCase() === id) ?? id;
		events[key] = {
			state: 'failed',
			message:
				g.linksTo === null
					? t('ledgerCheck.chainBroken')
					: t('ledgerCheck.chainMissing', { position: fmt(g.linksTo) }),
			bundle: events[key]?.bundle ?? null
		};
	}
	const verdicts = Object.values(events);
	const verified = verdicts.filter((v) => v.state === 'verified' || v.state === 'withheld').length;
	const failures = verdicts.filter((v) => v.state === 'failed').length;
	const waiting = verdicts.filter((v) => v.state === 'pending').length;
	const between = gaps.length === 0 ? t('ledgerCheck.noneMissing') : '';
	if (failures > 0) {
		log.push({ ok: false, text: t('ledgerCheck.failures', { count: failures }) });
	} else if (waiting > 0) {
		log.push({ ok: true, text: t('ledgerCheck.waiting', { count: waiting, verified: fmt(verified), shown: fmt(ids.length), between }) });
	} else {
		log.push({ ok: true, text: t('ledgerCheck.all', { count: verified, between }) });
	}
	if (gaps.length > 0) log.push({ ok: false, text: t('ledgerCheck.gaps', { count: gaps.length }) });
	return { events, log, checkpoint };
}
