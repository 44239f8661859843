/**
 * A subject's whole visible history, newest first, read as a stream: the timeline's
 * visibility rules and blanking (citizen-view.ts), plus each event's ledger position.
 */
import { z } from 'zod';
import { int64 } from '../db/columns';
import { streamRows } from '../db/stream-rows';
import { NEWEST_FIRST, SUBJECT_COLUMNS, VISIBLE_TO_SUBJECT, subjectEventRow } from '../usage/citizen-view';

const historyRow = subjectEventRow.extend({ ledger_index: int64 });
export type HistoryEvent = z.output<typeof historyRow>;

/**
 * The rows come in the primary key's order read backwards, so ClickHouse only sorts
 * events of the same millisecond and never holds the history; blocks of 2048 rows (the
 * table's granule) keep each batch to about half a megabyte.
 */
export function subjectHistory(subject: string): AsyncGenerator<HistoryEvent[]> {
	return streamRows(
		`SELECT ${SUBJECT_COLUMNS}, ledger_index FROM usage_event
		 WHERE subject_code = {subject:String} AND ${VISIBLE_TO_SUBJECT}
		 ORDER BY ${NEWEST_FIRST}
		 SETTINGS max_block_size = 2048`,
		{ subject },
		historyRow
	);
}
