/**
 * Ledger proofs for an oversight case's evidence: for each event, a proof bundle (bundle.ts,
 * the same format a citizen downloads, checked by `npm run ledger:check-bundle`) against the
 * latest signed checkpoint, with every detail opened, plus the oversight fields (the
 * official, the case reference, the X-Road message) with their salt, so the official's
 * identity in the evidence can be checked against the leaf too (oversightDigest in leaf.ts).
 * Auditors see every event, sealed ones included; an event newer than the checkpoint has
 * no proof yet.
 */
import { encodeBase64 } from '@oslojs/encoding';
import { BUNDLE_FORMAT, type ProofBundle } from '../../ledger/bundle';
import { uuidBytes, type LeafOversight } from '../../ledger/leaf';
import { queryRows } from '../db/query';
import type { EventRef } from '../oversight/events';
import { latestCheckpoint, verifierKey } from './checkpoints';
import { servedNote } from './cosignatures';
import { storedLeaf } from './http';
import { ledgerKeys } from './keys';
import { LeafBodyWriter } from './leaf-body';
import { theLedger } from './ledger';
import { STORED_EVENT_COLUMNS, storedEventRow } from './stored-events';

export interface EvidenceProof {
	bundle: ProofBundle;
	/** The oversight fields the leaf commits to, with their salt (base64). */
	oversight: LeafOversight & { salt: string };
}

export interface EvidenceProofs {
	checkpoint: { size: number; note: string; key: string };
	/** By event id (lower case); events newer than the checkpoint are absent. */
	proofs: Map<string, EvidenceProof>;
}

let writer: LeafBodyWriter | null = null;

export async function evidenceProofs(refs: readonly EventRef[]): Promise<EvidenceProofs> {
	writer ??= new LeafBodyWriter(ledgerKeys().saltKey);
	const checkpoint = await latestCheckpoint();
	const note = await servedNote(checkpoint);
	const key = verifierKey();
	const proofs = new Map<string, EvidenceProof>();
	if (refs.length === 0) return { checkpoint: { size: checkpoint.size, note, key }, proofs };
	const rows = await queryRows(
		`SELECT ${STORED_EVENT_COLUMNS} FROM usage_event
		 PREWHERE subject_code IN {subjects:Array(String)}
		 WHERE event_id IN {ids:Array(String)} -- event_id: the text alias`,
		{ subjects: [...new Set(refs.map((r) => r.subject_code))], ids: [...new Set(refs.map((r) => r.event_id.toLowerCase()))] },
		storedEventRow
	);
	const proven = rows.filter((e) => e.ledger_index < checkpoint.size);
	const ledger = await theLedger();
	const [hashes, leaves] = await Promise.all([
		ledger.inclusionProofs(
			proven.map((e) => e.ledger_index),
			checkpoint.size
		),
		Promise.all(proven.map((e) => storedLeaf(e)))
	]);
	proven.forEach((e, k) => {
		const salts = writer!.salts(uuidBytes(e.event_id));
		proofs.set(e.event_id, {
			bundle: {
				format: BUNDLE_FORMAT,
				event: {
					event_id: e.event_id,
					logged_at: new Date(e.logged_at_ms).toISOString(),
					subject_code: e.subject_code,
					visibility: e.visibility,
					details: {
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
				leaf: encodeBase64(leaves[k]!),
				index: e.ledger_index,
				size: checkpoint.size,
				proof: hashes[k]!.map(encodeBase64),
				checkpoint: note,
				key
			},
			oversight: {
				salt: encodeBase64(salts.oversight),
				actor_code: e.actor_code,
				case_ref: e.case_ref,
				xroad_client: e.xroad_client,
				xroad_service: e.xroad_service,
				xroad_message_id: e.xroad_message_id
			}
		});
	});
	return { checkpoint: { size: checkpoint.size, note, key }, proofs };
}
