/**
 * A case's evidence as one CSV table (RFC 4180, with the export's settings: BOM, CRLF,
 * formulas neutralised with a leading apostrophe). Each record says what it is in its first
 * column, and fills the columns that apply to it:
 *
 *   case        the opening: case_id, at (opened), state/outcome/assignee (now), actor (who
 *               caused the opening), source, alert_id, event_id, subject_code, case_ref
 *   history     one per history row: seq, at, state, outcome, assignee, actor, note,
 *               note_to_person (the message shown on the person's "My flags")
 *   link/unlink one per change of the linked events: at, actor, event_id, subject_code
 *   flag        one per citizen's flag: flag_id, at, flag_kind, flagged_by, note (the comment)
 *   event       one per linked event: every field, agency_name, official_name and
 *               official_jobs, and its ledger proof: ledger_index, tree_size, leaf,
 *               inclusion_proof (hashes separated by spaces), details_salt, oversight_salt
 *   checkpoint  the signed checkpoint the proofs are for: tree_size, checkpoint (the note),
 *               key (its verifier key)
 *
 * Binary values are hex in the CSV (never starting with a formula character, so never
 * altered); the JSON has the same proofs as bundles in base64.
 */
import { stringify } from 'csv-stringify/sync';
import { decodeBase64, encodeHexLowerCase } from '@oslojs/encoding';
import { CSV_OPTIONS } from '../export/csv';
import type { CaseEvidence } from './case-evidence';

export const EVIDENCE_COLUMNS = [
	'record',
	'case_id',
	'seq',
	'at',
	'state',
	'outcome',
	'assignee',
	'actor',
	'note',
	'note_to_person',
	'source',
	'alert_id',
	'flag_id',
	'flag_kind',
	'flagged_by',
	'event_id',
	'subject_code',
	'logged_at',
	'received_at',
	'agency_code',
	'agency_name',
	'system',
	'action',
	'purpose_code',
	'legal_basis',
	'actor_code',
	'official_name',
	'official_jobs',
	'case_ref',
	'data_categories',
	'intermediary_code',
	'xroad_client',
	'xroad_service',
	'xroad_message_id',
	'visibility',
	'disclose_after',
	'bulk',
	'ledger_index',
	'tree_size',
	'leaf',
	'inclusion_proof',
	'details_salt',
	'oversight_salt',
	'checkpoint',
	'key'
] as const;
type Column = (typeof EVIDENCE_COLUMNS)[number];
type CsvRecord = Partial<Record<Column, string | number | boolean>>;

const hex = (b64: string) => encodeHexLowerCase(decodeBase64(b64));

export function evidenceRecords(ev: CaseEvidence): CsvRecord[] {
	const c = ev.case;
	const out: CsvRecord[] = [
		{
			record: 'case',
			case_id: c.case_id,
			at: c.opened_at,
			state: c.state,
			outcome: c.outcome,
			assignee: c.assignee,
			actor: c.opened_by,
			source: c.source,
			alert_id: c.alert_id,
			event_id: c.event_id,
			subject_code: c.subject_code,
			case_ref: c.case_ref
		}
	];
	for (const h of ev.history) {
		out.push({ record: 'history', case_id: c.case_id, seq: h.seq, at: h.at, state: h.state, outcome: h.outcome, assignee: h.assignee, actor: h.actor, note: h.note, note_to_person: h.note_to_person });
	}
	for (const l of ev.links) {
		out.push({ record: l.change, case_id: c.case_id, at: l.at, actor: l.actor, event_id: l.event_id, subject_code: l.subject_code });
	}
	for (const f of ev.flags) {
		out.push({
			record: 'flag',
			case_id: c.case_id,
			at: f.created_at,
			flag_id: f.flag_id,
			flag_kind: f.kind,
			flagged_by: f.flagged_by,
			note: f.comment,
			event_id: f.event_id,
			subject_code: f.subject_code
		});
	}
	for (const e of ev.events) {
		const p = e.proof;
		out.push({
			record: 'event',
			case_id: c.case_id,
			event_id: e.event_id,
			subject_code: e.subject_code,
			logged_at: e.logged_at,
			received_at: e.received_at,
			agency_code: e.agency_code,
			agency_name: e.agency_name,
			system: e.system,
			action: e.action,
			purpose_code: e.purpose_code,
			legal_basis: e.legal_basis,
			actor_code: e.actor_code,
			official_name: e.official?.name ?? '',
			official_jobs: (e.official?.jobs ?? [])
				.map((j) => `${j.agency_code} ${j.title} ${j.employed_from}–${j.employed_to ?? ''}`)
				.join('; '),
			case_ref: e.case_ref,
			data_categories: e.data_categories.join(';'),
			intermediary_code: e.intermediary_code,
			xroad_client: e.xroad_client,
			xroad_service: e.xroad_service,
			xroad_message_id: e.xroad_message_id,
			visibility: e.visibility,
			disclose_after: e.disclose_after ?? '',
			bulk: e.bulk,
			ledger_index: e.ledger_index,
			tree_size: p ? p.bundle.size : '',
			leaf: p ? hex(p.bundle.leaf) : '',
			inclusion_proof: p ? p.bundle.proof.map(hex).join(' ') : '',
			details_salt: p?.bundle.event.details ? hex(p.bundle.event.details.salt) : '',
			oversight_salt: p ? hex(p.oversight.salt) : ''
		});
	}
	out.push({ record: 'checkpoint', case_id: c.case_id, tree_size: ev.checkpoint.size, checkpoint: ev.checkpoint.note, key: ev.checkpoint.key });
	return out;
}

export function evidenceCsv(ev: CaseEvidence): string {
	const rows = evidenceRecords(ev).map((r) => {
		const cells: Record<string, string> = {};
		for (const col of EVIDENCE_COLUMNS) {
			const v = r[col];
			cells[col] = v === undefined ? '' : String(v);
		}
		return cells;
	});
	return stringify(rows, { ...CSV_OPTIONS, columns: [...EVIDENCE_COLUMNS] });
}
