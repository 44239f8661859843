/**
 * self-lookup (high): an official looked up their own record (actor_code = subject_code).
 * Never explained: no case makes looking oneself up an official's business.
 * One alert per official per Tallinn day.
 */
import { z } from 'zod';
import { queryRows } from '../../db/query';
import { DAY, EVIDENCE, MANUAL, NEW, evidence, evidenceColumns, rangeParams, shardOf } from '../sql';
import type { DetectionRule, Hit, LedgerRange } from '../types';

/** No parameters: the rule is exact. */
export const params = {} as const;

export const SQL = `
SELECT actor_code, subject_code, argMin(agency_code, logged_at) AS agency_code, toString(${DAY}) AS day, ${EVIDENCE}
FROM usage_event
WHERE ${NEW} AND ${MANUAL} AND actor_code = subject_code AND ${shardOf('actor_code')}
GROUP BY actor_code, subject_code, day`;

const row = z.object({ actor_code: z.string(), subject_code: z.string(), agency_code: z.string(), day: z.string(), ...evidenceColumns });

export async function find(range: LedgerRange): Promise<Hit[]> {
	const rows = await queryRows(SQL, rangeParams(range), row);
	return rows.map((r) => {
		const events = evidence(r);
		return {
			rule: 'self-lookup',
			severity: 'high',
			actor_code: r.actor_code,
			agency_code: r.agency_code,
			subject_code: r.subject_code,
			events,
			detail: { day: r.day, events: events.length },
			dedupe_key: `self-lookup:${r.actor_code}:${r.subject_code}:${r.day}`
		};
	});
}

export const rule: DetectionRule = { id: 'self-lookup', severities: ['high'], explanation: 'none', params, find };
