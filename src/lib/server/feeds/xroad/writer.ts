/**
 * The one commit path for operational monitoring records: the HTTP feed and the seed both
 * come through here. Commits run one at a time in this process (the embedded database has
 * one writer, and a cluster runs one feed writer), so "is this key stored?" and the insert
 * that follows cannot interleave with another batch's: pairing and repeats are exact.
 *
 * A record whose record key is stored (or came earlier in the batch) is a repeat: dropped
 * and reported. Every other record is stored. Its message is 'new' when no row of
 * xroad_message has its message key yet (one is written now), otherwise 'paired': the
 * other side's record came first, and the message is not counted again.
 *
 * Two inserts, messages first, then records. A crash (or a failed insert) between them
 * leaves messages without their records, never records without their message: the sender
 * got no answer and sends the batch again, its records are not stored yet so they are
 * taken, and their messages are found stored, so nothing is counted twice (the retried
 * record is reported 'paired' rather than 'new': its message was counted by the first try).
 *
 * Only records whose message may already be stored (message-filter.ts) are looked up.
 */
import { z } from 'zod';
import type { OpmonRecord } from '../../../schemas/xroad-opmonitoring';
import { bulkInsert } from '../../db/bulk-insert';
import { queryRows } from '../../db/query';
import { messageKey, recordKey } from './keys';
import { loadMessageFilter, type MessageFilter } from './message-filter';
import { MESSAGE_INSERT, messageRows, RECORD_INSERT, recordRows, type MessageRow, type RecordRow } from './rows';

export interface OpmonEntry {
	/** The record's position in its request (or seed batch), from 1. */
	line: number;
	/** The agency whose key sent it. */
	reporter: string;
	record: OpmonRecord;
}

export type MessageState = 'new' | 'paired';

export interface OpmonCommitResult {
	accepted: { line: number; message: MessageState }[];
	/** Lines of repeated records (already stored, or earlier in the same batch). */
	duplicates: number[];
}

/** Keys per look-up query: the parameter stays a few hundred kilobytes. */
const LOOKUP_CHUNK = 5_000;

const keyRow = z.object({ k: z.string() });

/** Which of these keys (hex) the table holds, found through its primary key. */
async function storedKeys(table: 'xroad_opmon_record' | 'xroad_message', column: 'record_key' | 'message_key', hexKeys: string[]): Promise<Set<string>> {
	const found = new Set<string>();
	for (let i = 0; i < hexKeys.length; i += LOOKUP_CHUNK) {
		const rows = await queryRows(
			`SELECT DISTINCT lower(hex(${column})) AS k FROM ${table} WHERE ${column} IN (SELECT toFixedString(unhex(arrayJoin({keys:Array(String)})), 32))`,
			{ keys: hexKeys.slice(i, i + LOOKUP_CHUNK) },
			keyRow
		);
		for (const r of rows) found.add(r.k);
	}
	return found;
}

/** The stored message keys, in this process; null until loaded, or after an insert that may or may not have happened. */
let filter: MessageFilter | null = null;

async function commitNow(entries: readonly OpmonEntry[]): Promise<OpmonCommitResult> {
	if (!filter || filter.full) filter = await loadMessageFilter();
	const known = filter;
	const keyed = entries.map((e) => {
		const mk = messageKey(e.record);
		const rk = recordKey(e.record, mk);
		return { ...e, mk, rk, mkHex: mk.toString('hex'), rkHex: rk.toString('hex') };
	});
	// A record whose message is not stored cannot be stored either: only the others are looked up.
	const candidates = keyed.filter((e) => known.mayHave(e.mk));
	const storedRecords = await storedKeys('xroad_opmon_record', 'record_key', [...new Set(candidates.map((e) => e.rkHex))]);
	const storedMessages = await storedKeys('xroad_message', 'message_key', [...new Set(candidates.map((e) => e.mkHex))]);

	const result: OpmonCommitResult = { accepted: [], duplicates: [] };
	const records: RecordRow[] = [];
	const messages: MessageRow[] = [];
	const seenRecords = new Set<string>();
	const newMessages = new Set<string>();
	for (const e of keyed) {
		if (storedRecords.has(e.rkHex) || seenRecords.has(e.rkHex)) {
			result.duplicates.push(e.line);
			continue;
		}
		seenRecords.add(e.rkHex);
		records.push({ recordKey: e.rk, messageKey: e.mk, reporter: e.reporter, record: e.record });
		if (storedMessages.has(e.mkHex) || newMessages.has(e.mkHex)) {
			result.accepted.push({ line: e.line, message: 'paired' });
		} else {
			newMessages.add(e.mkHex);
			messages.push({ messageKey: e.mk, record: e.record });
			result.accepted.push({ line: e.line, message: 'new' });
		}
	}
	if (messages.length > 0) {
		try {
			await bulkInsert(MESSAGE_INSERT, messageRows(messages));
		} catch (err) {
			// Perhaps stored, perhaps not: the next commit reloads the filter from ClickHouse.
			filter = null;
			throw err;
		}
		for (const m of messages) known.add(m.messageKey);
	}
	if (records.length > 0) await bulkInsert(RECORD_INSERT, recordRows(records));
	return result;
}

let tail: Promise<unknown> = Promise.resolve();

/** Commit validated records; resolves once ClickHouse has them (or rejects: safe to retry). */
export function commitOpmonRecords(entries: readonly OpmonEntry[]): Promise<OpmonCommitResult> {
	if (entries.length === 0) return Promise.resolve({ accepted: [], duplicates: [] });
	const run = tail.then(() => commitNow(entries));
	tail = run.catch(() => undefined);
	return run;
}
