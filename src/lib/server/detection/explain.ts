/**
 * The explanation step (rules.md): before a hit becomes an alert, each of its evidence
 * events is checked for an open case that links the official and the person, that is a
 * CORROBORATED case file: the event names a case, and the same agency has at least one
 * other event about the same person in that case, made by a different official (or, where
 * the rule allows it, by the agency's automated processing), at or before the event. An
 * official cannot explain their own look-up by typing a number.
 *
 * A hit whose events are all explained is dropped and recorded (detection_explained) with
 * why; a partly explained hit stands on its unexplained events if the rule's threshold
 * still holds (afterExplanation: events, or distinct officials for many-officials), and is
 * dropped otherwise. Rules whose explanation is 'none' pass through untouched.
 */
import { z } from 'zod';
import { utcDateTime } from '../db/columns';
import { queryRows } from '../db/query';
import type { DetectionRule, EvidenceEvent, Hit } from './types';

/** A stored event as the step needs it. */
export interface CaseEvent {
	event_id: string;
	subject_code: string;
	agency_code: string;
	actor_code: string;
	case_ref: string;
	logged_at: string;
}

/** What corroborates one evidence event: the case and the other events in it. */
export interface Corroboration {
	case_ref: string;
	agency_code: string;
	by_officials: number;
	by_automated: number;
	/** The earliest corroborating event. */
	first_at: string;
}

export interface ExplainedHit {
	hit: Hit;
	/** Why, in words (stored as is). */
	explanation: string;
	case_ref: string;
	/** The measured values: each case, and what was left of the hit. */
	detail: Record<string, unknown>;
}

export interface ExplanationResult {
	/** Hits that stand (partly explained ones carry only their unexplained events). */
	standing: Hit[];
	dropped: ExplainedHit[];
}

const caseEventRow = z.object({
	event_id: z.string(),
	subject_code: z.string(),
	agency_code: z.string(),
	actor_code: z.string(),
	case_ref: z.string(),
	logged_at: utcDateTime
});

/** The evidence events and every event in a case about the same people, read by subject. */
export const CASE_EVENTS_SQL = `
SELECT toString(event_id) AS event_id, subject_code, agency_code, actor_code, case_ref, logged_at
FROM usage_event
WHERE ledger_index < {to:UInt64} AND subject_code IN {subjects:Array(String)}
	AND (case_ref != '' OR toString(event_id) IN {ids:Array(String)})`;

/**
 * Whether an event's case is corroborated, and by what. byAutomated: the agency's
 * automated processing counts (not for relative-lookup).
 */
export function corroboration(e: CaseEvent, sameSubject: readonly CaseEvent[], byAutomated: boolean): Corroboration | null {
	if (e.case_ref === '') return null;
	let officials = 0;
	let automated = 0;
	let first = '';
	for (const c of sameSubject) {
		if (c.event_id === e.event_id || c.case_ref !== e.case_ref || c.agency_code !== e.agency_code || c.logged_at > e.logged_at) continue;
		if (c.actor_code === '') {
			if (!byAutomated) continue;
			automated++;
		} else if (c.actor_code !== e.actor_code) officials++;
		else continue;
		if (first === '' || c.logged_at < first) first = c.logged_at;
	}
	return officials + automated > 0 ? { case_ref: e.case_ref, agency_code: e.agency_code, by_officials: officials, by_automated: automated, first_at: first } : null;
}

function describe(cases: readonly Corroboration[]): string {
	return cases
		.map((c) => {
			const by = [c.by_officials > 0 ? `${c.by_officials} by other officials` : '', c.by_automated > 0 ? `${c.by_automated} by automated processing` : '']
				.filter(Boolean)
				.join(' and ');
			return `case ${c.case_ref} at agency ${c.agency_code} is corroborated by ${by} about the same person, the first at ${c.first_at}`;
		})
		.join('; ');
}

/** Decide one hit, given its events' corroborations (null: unexplained). */
export function decide(rule: DetectionRule, hit: Hit, stored: ReadonlyMap<string, CaseEvent>, found: ReadonlyMap<string, Corroboration | null>): { stands: Hit } | { dropped: ExplainedHit } {
	const explained: EvidenceEvent[] = [];
	const left: EvidenceEvent[] = [];
	for (const e of hit.events) (found.get(e.event_id) ? explained : left).push(e);
	if (explained.length === 0) return { stands: hit };
	const cases = new Map<string, Corroboration>();
	for (const e of explained) {
		const c = found.get(e.event_id)!;
		const key = `${c.agency_code}|${c.case_ref}`;
		const seen = cases.get(key);
		if (!seen || c.by_officials + c.by_automated > seen.by_officials + seen.by_automated) cases.set(key, c);
	}
	const caseList = [...cases.values()];
	const officialsLeft = new Set(left.map((e) => stored.get(e.event_id)?.actor_code ?? '').filter((a) => a !== '')).size;
	const need = rule.afterExplanation;
	const stands = left.length > 0 && (need?.events === undefined || left.length >= need.events) && (need?.officials === undefined || officialsLeft >= need.officials);
	if (stands) {
		return {
			stands: {
				...hit,
				events: left,
				detail: { ...hit.detail, explained_events: explained.length, ...(need?.officials !== undefined ? { officials: officialsLeft } : {}) }
			}
		};
	}
	const remaining =
		left.length === 0
			? 'every look-up is explained'
			: need?.officials !== undefined
				? `${officialsLeft} official(s) with unexplained look-ups remain, fewer than ${need.officials}`
				: `${left.length} unexplained look-up(s) remain, fewer than ${need?.events ?? 1}`;
	return {
		dropped: {
			hit,
			explanation: `Explained: ${describe(caseList)}; ${remaining}.`,
			case_ref: [...new Set(caseList.map((c) => c.case_ref))].join(', '),
			detail: { cases: caseList, explained_events: explained.length, unexplained_events: left.length, ...(need?.officials !== undefined ? { officials_left: officialsLeft } : {}) }
		}
	};
}

/** The step over one batch of hits; `to` is the run's ledger size (nothing beyond it is read). */
export async function explainHits(rulesById: ReadonlyMap<string, DetectionRule>, hits: readonly Hit[], to: number): Promise<ExplanationResult> {
	const explainable = hits.filter((h) => (rulesById.get(h.rule)?.explanation ?? 'none') !== 'none');
	if (explainable.length === 0) return { standing: [...hits], dropped: [] };
	const subjects = [...new Set(explainable.flatMap((h) => h.events.map((e) => e.subject_code)))];
	const ids = [...new Set(explainable.flatMap((h) => h.events.map((e) => e.event_id)))];
	const rows = await queryRows(CASE_EVENTS_SQL, { to, subjects, ids }, caseEventRow);
	const stored = new Map(rows.map((r) => [r.event_id, r]));
	const bySubject = new Map<string, CaseEvent[]>();
	for (const r of rows) {
		const list = bySubject.get(r.subject_code);
		if (list) list.push(r);
		else bySubject.set(r.subject_code, [r]);
	}
	const standing: Hit[] = [];
	const dropped: ExplainedHit[] = [];
	for (const hit of hits) {
		const rule = rulesById.get(hit.rule);
		if (!rule || rule.explanation === 'none') {
			standing.push(hit);
			continue;
		}
		const found = new Map<string, Corroboration | null>();
		for (const e of hit.events) {
			const s = stored.get(e.event_id);
			found.set(e.event_id, s ? corroboration(s, bySubject.get(s.subject_code) ?? [], rule.explanation === 'case') : null);
		}
		const d = decide(rule, hit, stored, found);
		if ('stands' in d) standing.push(d.stands);
		else dropped.push(d.dropped);
	}
	return { standing, dropped };
}
