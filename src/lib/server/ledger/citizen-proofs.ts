/**
 * What a citizen's browser needs to check the events on their page against the log:
 * the latest signed checkpoint, the person's chain (positions of their unsealed events),
 * and a proof bundle per event (bundle.ts). Only the events of the person whose records are
 * shown (`subject`: the signed-in person, or a minor child they represent), and sealed ones
 * only once disclosed; the details are opened (with their salt) only where the person may
 * see them, never for restricted events, and the oversight fields never.
 */
import { encodeBase64 } from '@oslojs/encoding';
import { BUNDLE_FORMAT, type ProofBundle } from '../../ledger/bundle';
import { uuidBytes } from '../../ledger/leaf';
import { queryRows } from '../db/query';
import { checkpointAt, latestCheckpoint, verifierKey } from './checkpoints';
import { latestWitnessedSize, servedNote } from './cosignatures';
import { ledgerKeys } from './keys';
import { LeafBodyWriter } from './leaf-body';
import { theLedger } from './ledger';
import { STORED_EVENT_COLUMNS, leafWithPrefix, storedEventRow, subjectChain } from './stored-events';

export interface SubjectLedgerView {
	key: string;
	/** The checkpoint the proofs are for, with its witnesses' cosignatures. */
	checkpoint: string;
	size: number;
	/** Whether that checkpoint is the latest one a known witness cosigned (as asked for). */
	witnessed: boolean;
	/**
	 * Positions of the person's unsealed events, ascending: those of the events asked for
	 * and of the event before each (all that checking those events' links needs).
	 */
	chain: number[];
	bundles: ProofBundle[];
	/** Asked-for events too new for the latest checkpoint. */
	pending: string[];
}

let writer: LeafBodyWriter | null = null;

export async function subjectLedgerView(subject: string, eventIds: readonly string[], opts: { witnessed?: boolean } = {}): Promise<SubjectLedgerView> {
	writer ??= new LeafBodyWriter(ledgerKeys().saltKey);
	// Asked for a witnessed checkpoint: the latest one a known witness cosigned, if any.
	const witnessedSize = opts.witnessed ? await latestWitnessedSize() : null;
	const witnessedCheckpoint = witnessedSize === null ? null : await checkpointAt(witnessedSize);
	const checkpoint = witnessedCheckpoint ?? (await latestCheckpoint());
	const note = await servedNote(checkpoint);
	const [chain, events] = await Promise.all([
		subjectChain(subject),
		queryRows(
			`SELECT ${STORED_EVENT_COLUMNS} FROM usage_event
			 WHERE subject_code = {subject:String} AND event_id IN {ids:Array(String)} -- event_id: the text alias
			   AND (visibility != 'sealed' OR (disclose_after IS NOT NULL AND disclose_after <= now64(3)))`,
			{ subject, ids: eventIds },
			storedEventRow
		)
	]);
	const inChain = new Map(chain.map((p, i) => [p, i]));
	const key = verifierKey();
	const proven = events.filter((e) => e.ledger_index < checkpoint.size);
	const ledger = await theLedger();
	const proofs = await ledger.inclusionProofs(
		proven.map((e) => e.ledger_index),
		checkpoint.size
	);
	const bundles = proven.map((e, k): ProofBundle => {
		const i = inChain.get(e.ledger_index);
		const prev = e.visibility === 'sealed' || i === undefined || i === 0 ? null : chain[i - 1]!;
		const leaf = leafWithPrefix(writer!, e, prev).subarray(1);
		const salts = writer!.salts(uuidBytes(e.event_id));
		return {
			format: BUNDLE_FORMAT,
			event: {
				event_id: e.event_id,
				logged_at: new Date(e.logged_at_ms).toISOString(),
				subject_code: e.subject_code,
				visibility: e.visibility,
				details:
					e.visibility === 'restricted'
						? null
						: {
								salt: encodeBase64(salts.details),
								agency_code: e.agency_code,
								intermediary_code: e.intermediary_code,
								system: e.system,
								action: e.action,
								purpose_code: e.purpose_code,
								legal_basis: e.legal_basis,
								data_categories: e.data_categories,
								bulk: e.bulk
							}
			},
			leaf: encodeBase64(leaf),
			index: e.ledger_index,
			size: checkpoint.size,
			proof: proofs[k]!.map(encodeBase64),
			checkpoint: note,
			key
		};
	});
	const provenIds = new Set(proven.map((e) => e.event_id));
	// The part of the chain the shown events' links are checked against: each and the one before it.
	const needed = new Set<number>();
	for (const e of events) {
		const i = inChain.get(e.ledger_index);
		if (i === undefined) continue;
		needed.add(chain[i]!);
		if (i > 0) needed.add(chain[i - 1]!);
	}
	return {
		key,
		checkpoint: note,
		size: checkpoint.size,
		witnessed: witnessedCheckpoint !== null,
		chain: chain.filter((p) => needed.has(p)),
		bundles,
		pending: events.filter((e) => !provenIds.has(e.event_id)).map((e) => e.event_id)
	};
}
