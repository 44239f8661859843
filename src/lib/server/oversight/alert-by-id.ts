/**
 * One alert with its current triage. The alert table is ordered by detection time, so this
 * reads the whole (small) table's id column: alerts are findings, thousands at most.
 */
import { queryOne } from '../db/query';
import { ALERT_COLUMNS, CURRENT_TRIAGE_JOIN, alertRow, type Alert } from './alert-row';

export async function alertById(alertId: string): Promise<Alert | null> {
	return queryOne(
		`SELECT ${ALERT_COLUMNS}
		 FROM alert AS a ${CURRENT_TRIAGE_JOIN}
		 WHERE a.alert_id = {id:UUID}
		 LIMIT 1`,
		{ id: alertId },
		alertRow
	);
}
