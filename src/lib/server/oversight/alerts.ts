/**
 * Alerts for the auditors: the queue and its counts, one alert with its evidence, triage,
 * and an official's rule hits. Each question has its own module; this is their one door.
 */
export type { Alert, CurrentTriage } from './alert-row';
export { alertQueue, alertCountsByRule, QUEUE_PAGE_SIZE, type QueuePage, type RuleCount } from './alert-queue';
export { alertById } from './alert-by-id';
export { alertEvidence, type AlertEvidence } from './alert-evidence';
export { triageAlert, triageHistory, type TriageEntry, type TriageResult } from './alert-triage';
export { alertsForOfficial } from './alerts-for-official';
