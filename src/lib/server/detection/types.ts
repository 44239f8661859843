/**
 * What a detection rule finds and how the engine drives it. A rule reads the events at
 * ledger positions [from, to) (and, for windowed rules, earlier events back as far as its
 * window needs, never at or beyond `to`) and returns hits; the explanation step and the
 * alert writer (run.ts) do the rest.
 */
import type { RuleId, Severity } from '../../oversight/rules';

/** One evidence event, with the subject that usage_event is sorted by (to read it back). */
export interface EvidenceEvent {
	subject_code: string;
	event_id: string;
	/** ISO 8601 UTC. */
	logged_at: string;
}

export interface Hit {
	rule: RuleId;
	severity: Severity;
	/** The official, country-prefixed ('' when the finding is about a person only). */
	actor_code: string;
	agency_code: string;
	/** The person ('' when the finding is about an official only). */
	subject_code: string;
	/** Ordered by time. */
	events: EvidenceEvent[];
	/** The rule's measured values (counts, baseline, link kind, ...): the alert's detail JSON. */
	detail: Record<string, unknown>;
	/** Names the finding, so a re-run or an overlapping window never raises it twice (rules.md). */
	dedupe_key: string;
}

/** Ledger positions [from, to); optionally only part `part` of `parts` (sql.ts shardOf). */
export interface LedgerRange {
	from: number;
	to: number;
	part?: number;
	parts?: number;
}

/**
 * Which hits an open, corroborated case may explain (rules.md, "The explanation step"):
 * none; a case corroborated by another official or the agency's automated processing;
 * or only by another official.
 */
export type Explanation = 'none' | 'case' | 'case-by-official';

export type ParamValue = number | string | readonly string[];

export interface DetectionRule {
	id: RuleId;
	/** The severities its alerts carry (relative-lookup: high for family, medium for a surname). */
	severities: readonly Severity[];
	explanation: Explanation;
	/**
	 * What must remain of a partly explained hit for it to stand: this many unexplained
	 * events, or this many distinct officials with an unexplained event (many-officials:
	 * an official whose events are explained does not count). Without it, one unexplained
	 * event is enough.
	 */
	afterExplanation?: { events?: number; officials?: number };
	/**
	 * New events per query part when a backlog is split (run.ts PART_EVENTS by default): a
	 * rule whose fixed cost per query is high (a pass over the register) takes bigger parts.
	 */
	partEvents?: number;
	/** The documented defaults (the module's exported `params`). */
	params: Readonly<Record<string, ParamValue>>;
	find(range: LedgerRange): Promise<Hit[]>;
}
