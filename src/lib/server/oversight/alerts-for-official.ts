/**
 * An official's rule hits (the official's profile lists them): alerts raised about what
 * this official did, newest first, each with its current triage. Alerts about a person
 * only (many-officials) name no official and are not among them.
 */
import { queryRows } from '../db/query';
import { ALERT_COLUMNS, CURRENT_TRIAGE_JOIN, alertRow, type Alert } from './alert-row';

/** `actorCode` is country-prefixed, as events carry it: EE38001085718. */
export async function alertsForOfficial(actorCode: string, limit = 200): Promise<Alert[]> {
	if (actorCode === '') return [];
	return queryRows(
		`SELECT ${ALERT_COLUMNS}
		 FROM alert AS a ${CURRENT_TRIAGE_JOIN}
		 WHERE a.actor_code = {actor:String}
		 ORDER BY a.detected_at DESC, a.alert_id DESC
		 LIMIT {limit:UInt32}`,
		{ actor: actorCode, limit },
		alertRow
	);
}
