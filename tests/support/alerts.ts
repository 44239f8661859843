/**
 * Alerts as the detection engine writes them, for tests of the pages that read them: one
 * row per finding, naming real stored events (and each event's person), with the dedupe
 * key, evidence times and measured values detection would give. Written into a server's
 * embedded database from the test's own process while that server is stopped.
 */
import { tallinnIsoDate } from '../../src/lib/format';
import type { RuleId, Severity } from '../../src/lib/oversight/rules';
import { sqlTime } from './stored-rows';

export interface EvidenceEvent {
	event_id: string;
	subject_code: string;
	logged_at: string;
}

export interface AlertSpec {
	rule: RuleId;
	severity: Severity;
	/** The official, country-prefixed ('' for a finding about a person only). */
	actor_code: string;
	agency_code: string;
	/** The person ('' for a finding about an official only). */
	subject_code: string;
	events: EvidenceEvent[];
	detail?: Record<string, unknown>;
	/** When detection raised it (default: now). */
	detected_at?: string;
}

/** The finding's name, as the detection rules define it (one alert per pair and day, per official and day, ...). */
export function dedupeKey(a: AlertSpec): string {
	const first = [...a.events].sort((x, y) => x.logged_at.localeCompare(y.logged_at))[0]!;
	const day = tallinnIsoDate(first.logged_at);
	switch (a.rule) {
		case 'off-hours':
		case 'volume-spike':
			return `${a.rule}:${a.actor_code}:${day}`;
		case 'many-officials':
			return `many-officials:${a.subject_code}:${day}`;
		case 'consecutive-codes':
			return `consecutive-codes:${a.actor_code}:${first.subject_code}`;
		default:
			return `${a.rule}:${a.actor_code}:${a.subject_code}:${day}`;
	}
}

/** The alert table's row for a finding; its alert_id is the row's `alert_id`. */
export function alertRow(a: AlertSpec): Record<string, unknown> & { alert_id: string } {
	if (a.events.length === 0) throw new Error('an alert has at least one evidence event');
	const times = a.events.map((e) => e.logged_at).sort();
	return {
		alert_id: crypto.randomUUID(),
		rule: a.rule,
		severity: a.severity,
		dedupe_key: dedupeKey(a),
		actor_code: a.actor_code,
		agency_code: a.agency_code,
		subject_code: a.subject_code,
		event_ids: a.events.map((e) => e.event_id),
		event_subjects: a.events.map((e) => e.subject_code),
		first_at: sqlTime(times[0]!),
		last_at: sqlTime(times.at(-1)!),
		detail: JSON.stringify(a.detail ?? { events: a.events.length }),
		detected_at: sqlTime(a.detected_at ?? new Date().toISOString()),
		run_id: crypto.randomUUID()
	};
}

/**
 * Insert alert rows into the embedded database of PEEGEL_DATA_DIR (set before the first
 * database call of the process; the server using it must be stopped), then close it.
 */
export async function writeAlerts(rows: readonly Record<string, unknown>[]): Promise<void> {
	const { insertRows } = await import('../../src/lib/server/db/query');
	const { closeDb } = await import('../../src/lib/server/db/client');
	try {
		await insertRows('alert', rows);
	} finally {
		await closeDb();
	}
}
