/**
 * A case's evidence (GET /oversight/cases/<id>/evidence.json and .csv): the case's opening,
 * its whole history with notes, the links and unlinks of events, the citizens' flags, and
 * each linked event with every field, the official's identity and its ledger proof against
 * the latest signed checkpoint (evidence-proofs.ts), with that checkpoint and its key.
 *
 * JSON, format "peegel-case-evidence/1":
 *   case        case_id, case_ref, opened_at, source, alert_id, event_id, subject_code,
 *               opened_by, state, outcome, assignee (now)
 *   history     every case_history row: seq, at, state, outcome, assignee, note,
 *               note_to_person, actor
 *   links       every link/unlink of an event: event_id, subject_code, change, at, actor
 *   flags       flag_id, event_id, subject_code, flagged_by, kind, comment, created_at
 *   events      the linked events, newest first: every usage_event field, agency_name,
 *               official (code, name, jobs; null for automated processing) and proof
 *               ({ bundle, oversight }; null while the event is newer than the checkpoint)
 *   checkpoint  { size, note, key }: the signed checkpoint every proof is for
 */
import { caseRefOfCase } from '../../oversight/case-reference';
import { EVIDENCE_FORMAT } from '../../ledger/evidence';
import type { Locale } from '../../i18n/locales';
import { evidenceProofs, type EvidenceProof } from '../ledger/evidence-proofs';
import { oversightEventsByRef, type OversightEvent } from '../oversight/events';
import { officialIdentities, type OfficialIdentity } from '../oversight/officials';
import { agencyDirectory } from '../reference/agencies';
import { linkedEventRefs, linkLog, type LinkLogEntry } from './case-links';
import { caseFlags, caseHistory, caseOpenedBy, type CaseFlag, type CaseHistoryEntry } from './case-record';
import { caseState } from './case-state';

export interface EvidenceEvent extends OversightEvent {
	agency_name: string;
	official: OfficialIdentity | null;
	proof: EvidenceProof | null;
}

export interface CaseEvidence {
	format: typeof EVIDENCE_FORMAT;
	exported_at: string;
	exported_by: string;
	case: {
		case_id: string;
		case_ref: string;
		opened_at: string;
		source: 'flag' | 'alert';
		alert_id: string;
		event_id: string;
		subject_code: string;
		opened_by: string;
		state: string;
		outcome: string;
		assignee: string;
	};
	history: CaseHistoryEntry[];
	links: LinkLogEntry[];
	flags: CaseFlag[];
	events: EvidenceEvent[];
	checkpoint: { size: number; note: string; key: string };
}

/** The case's evidence, or null when there is no such case. */
export async function caseEvidence(caseId: string, exportedBy: string, lang: Locale, now = new Date()): Promise<CaseEvidence | null> {
	const state = await caseState(caseId);
	if (!state) return null;
	const refs = await linkedEventRefs(caseId, { event_id: state.event_id, subject_code: state.subject_code });
	const [history, links, flags, openedBy, events, directory] = await Promise.all([
		caseHistory(caseId),
		linkLog(caseId),
		caseFlags(caseId),
		caseOpenedBy(caseId),
		oversightEventsByRef(refs),
		agencyDirectory()
	]);
	const [officials, ledger] = await Promise.all([officialIdentities(events.map((e) => e.actor_code)), evidenceProofs(refs)]);
	return {
		format: EVIDENCE_FORMAT,
		exported_at: now.toISOString(),
		exported_by: exportedBy,
		case: {
			case_id: state.case_id,
			case_ref: caseRefOfCase(state.case_id),
			opened_at: state.opened_at,
			source: state.source,
			alert_id: state.alert_id,
			event_id: state.event_id,
			subject_code: state.subject_code,
			opened_by: openedBy,
			state: state.state,
			outcome: state.outcome,
			assignee: state.assignee
		},
		history,
		links,
		flags,
		events: events.map((e) => ({
			...e,
			agency_name: directory.agencyName(e.agency_code, lang),
			official: officials.get(e.actor_code) ?? null,
			proof: ledger.proofs.get(e.event_id) ?? null
		})),
		checkpoint: ledger.checkpoint
	};
}
