/**
 * Usage events read back from ClickHouse with everything their leaf covers, and the leaf
 * recomputed from them: what start-up recovery, the leaf endpoint and the verifier use.
 */
import { z } from 'zod';
import { VISIBILITIES, type UsageEvent } from '../../schemas/usage-event';
import { uuidBytes } from '../../ledger/leaf';
import { int64, bool } from '../db/columns';
import { queryOne, queryRows } from '../db/query';
import { LeafBodyWriter, writeLeafHeader } from './leaf-body';

/** The columns of a stored event as the leaf needs them (times in milliseconds); SQL text fixed in code, never input. */
export const STORED_EVENT_COLUMNS = `toString(event_id) AS event_id, toUnixTimestamp64Milli(logged_at) AS logged_at_ms,
	subject_code, agency_code, system, action, purpose_code, legal_basis, actor_code, case_ref, data_categories,
	intermediary_code, xroad_client, xroad_service, xroad_message_id, toString(visibility) AS visibility,
	toUnixTimestamp64Milli(disclose_after) AS disclose_after_ms, bulk, ledger_index`;

export const storedEventRow = z.object({
	event_id: z.string(),
	logged_at_ms: int64,
	subject_code: z.string(),
	agency_code: z.string(),
	system: z.string(),
	action: z.string(),
	purpose_code: z.string(),
	legal_basis: z.string(),
	actor_code: z.string(),
	case_ref: z.string(),
	data_categories: z.array(z.string()),
	intermediary_code: z.string(),
	xroad_client: z.string(),
	xroad_service: z.string(),
	xroad_message_id: z.string(),
	visibility: z.enum(VISIBILITIES),
	disclose_after_ms: int64.nullable(),
	bulk: bool,
	ledger_index: int64
});
export type StoredEvent = z.output<typeof storedEventRow>;

function asUsageEvent(r: StoredEvent): UsageEvent {
	return {
		event_id: r.event_id,
		logged_at: '',
		subject_code: r.subject_code,
		agency_code: r.agency_code,
		system: r.system,
		action: r.action,
		purpose_code: r.purpose_code,
		legal_basis: r.legal_basis,
		actor_code: r.actor_code,
		case_ref: r.case_ref,
		data_categories: r.data_categories,
		intermediary_code: r.intermediary_code,
		xroad_client: r.xroad_client,
		xroad_service: r.xroad_service,
		xroad_message_id: r.xroad_message_id,
		visibility: r.visibility,
		disclose_after: null,
		bulk: r.bulk
	};
}

/** The leaf of a stored event, given its previous position: with the 0x00 prefix, ready to hash. */
export function leafWithPrefix(writer: LeafBodyWriter, r: StoredEvent, prev: number | null): Buffer {
	const e = asUsageEvent(r);
	const buf = Buffer.alloc(LeafBodyWriter.worstCase(e));
	const end = writer.write(buf, 0, e, uuidBytes(r.event_id), r.logged_at_ms, r.disclose_after_ms);
	writeLeafHeader(buf, 0, r.ledger_index, prev);
	return buf.subarray(0, end);
}

/** Events at positions [from, to), in order. */
export function eventsByPosition(from: number, to: number): Promise<StoredEvent[]> {
	return queryRows(
		`SELECT ${STORED_EVENT_COLUMNS} FROM usage_event
		 WHERE ledger_index >= {from:UInt64} AND ledger_index < {to:UInt64} ORDER BY ledger_index`,
		{ from, to },
		storedEventRow
	);
}

/** One subject's event at a position (the citizen's own: found through the primary key). */
export async function subjectEventAt(subject: string, index: number): Promise<StoredEvent | null> {
	const rows = await queryRows(
		`SELECT ${STORED_EVENT_COLUMNS} FROM usage_event
		 WHERE subject_code = {subject:String} AND ledger_index = {index:UInt64} LIMIT 1`,
		{ subject, index },
		storedEventRow
	);
	return rows[0] ?? null;
}

/** Any event at a position (oversight; scans the positions column). */
export async function eventAt(index: number): Promise<StoredEvent | null> {
	const rows = await eventsByPosition(index, index + 1);
	return rows[0] ?? null;
}

const prevRow = z.object({ prev: int64.nullable() });

/** The position of the subject's previous unsealed event before `index`, or null. */
export async function previousPosition(subject: string, index: number): Promise<number | null> {
	const rows = await queryRows(
		`SELECT if(count() = 0, NULL, max(ledger_index)) AS prev FROM usage_event
		 WHERE subject_code = {subject:String} AND ledger_index < {index:UInt64} AND visibility != 'sealed'`,
		{ subject, index },
		prevRow
	);
	return rows[0]?.prev ?? null;
}

const chainRow = z.object({ p: z.array(int64) });

/** The positions of a person's unsealed events, ascending: their chain. */
export async function subjectChain(subject: string): Promise<number[]> {
	const row = await queryOne(
		`SELECT arraySort(groupArray(ledger_index)) AS p FROM usage_event
		 WHERE subject_code = {subject:String} AND visibility != 'sealed'`,
		{ subject },
		chainRow
	);
	return row?.p ?? [];
}

const positionsRow = z.object({ n: int64, next: int64 });

/** How many events usage_event holds, and the position after the highest (they match in an intact log). */
export async function storedPositions(): Promise<{ events: number; next: number }> {
	const row = await queryOne('SELECT count() AS n, if(count() = 0, 0, max(ledger_index) + 1) AS next FROM usage_event', {}, positionsRow);
	return { events: row?.n ?? 0, next: row?.next ?? 0 };
}
