/**
 * A subject's whole visible history, newest first, a page at a time: the timeline's
 * visibility rules and blanking (citizen-view.ts), plus each event's ledger position.
 *
 * Pages, not one long result: embedded ClickHouse's client connection materialises a whole
 * result before handing it over (133 k rows came back as one 30 MB buffer), so a history is
 * read as keyset pages through the one client instead; each page continues after the last
 * row of the one before, in the primary key's order read backwards, so a page reads only
 * its own granules and the export holds one page at a time, however long the history.
 */
import { z } from 'zod';
import { int64 } from '../db/columns';
import { queryRows } from '../db/query';
import { NEWEST_FIRST, SUBJECT_COLUMNS, VISIBLE_TO_SUBJECT, subjectEventRow } from '../usage/citizen-view';

const historyRow = subjectEventRow.extend({ ledger_index: int64 });
export type HistoryEvent = z.output<typeof historyRow>;

/** Rows per page: about 1.5 MB of JSON from ClickHouse, a few tens of milliseconds. */
export const EXPORT_PAGE_ROWS = 5000;

/** event_id is SUBJECT_COLUMNS' text alias, as NEWEST_FIRST orders by it. */
const AFTER = `(logged_at < parseDateTime64BestEffort({at:String}, 3, 'UTC')
	OR (logged_at = parseDateTime64BestEffort({at:String}, 3, 'UTC') AND event_id < {id:String}))`;

export async function* subjectHistory(subject: string, pageRows = EXPORT_PAGE_ROWS): AsyncGenerator<HistoryEvent[]> {
	let last: HistoryEvent | null = null;
	for (;;) {
		const page: HistoryEvent[] = await queryRows(
			`SELECT ${SUBJECT_COLUMNS}, ledger_index FROM usage_event
			 WHERE subject_code = {subject:String} AND ${VISIBLE_TO_SUBJECT}${last ? ` AND ${AFTER}` : ''}
			 ORDER BY ${NEWEST_FIRST}
			 LIMIT {rows:UInt32}`,
			last ? { subject, rows: pageRows, at: last.logged_at, id: last.event_id } : { subject, rows: pageRows },
			historyRow
		);
		if (page.length > 0) yield page;
		if (page.length < pageRows) return;
		last = page[page.length - 1]!;
	}
}
