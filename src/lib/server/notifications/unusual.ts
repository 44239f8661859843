/**
 * What "unusual" means for the notification preference "only unusual uses": a use the
 * oversight body's detection rules (src/lib/server/detection) named as evidence in an
 * alert. The reasons a message gives are those rules' ids. Messages recorded before the
 * rules existed carry the interim reasons (outside hours, a new agency, no purpose): they
 * stay readable in the inbox, so their names stay too.
 */
import { RULE_IDS } from '$lib/oversight/rules';

export const LEGACY_REASONS = ['outside_hours', 'new_agency', 'no_purpose'] as const;
export const UNUSUAL_REASONS = [...RULE_IDS, ...LEGACY_REASONS] as const;
export type UnusualReason = (typeof UNUSUAL_REASONS)[number];

/**
 * How far back each run reads alerts before its cursor: an alert stamped just before the
 * cursor moved but stored just after is still found (its keys stop a second announcement).
 */
export const ALERT_OVERLAP_MS = 5 * 60_000;
