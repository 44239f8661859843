/**
 * Reads rows written by EventRowsBuilder back into events, for tests: the layout of
 * EVENT_ROW_STRUCTURE, independently of the encoder. (ClickHouse itself reads them in the
 * integration tests.)
 */
import type { UsageEvent } from '../../src/lib/schemas/usage-event';
import type { EventRows } from '../../src/lib/server/usage/event-rows';

const VISIBILITY = { 1: 'visible', 2: 'restricted', 3: 'sealed' } as const;

export type DecodedEvent = Omit<UsageEvent, 'logged_at' | 'disclose_after'> & { logged_at: number; disclose_after: number | null; ledger_index: number };

export function decodeEventRows(rows: EventRows): DecodedEvent[] {
	const buf = Buffer.from(rows.body.buffer, rows.body.byteOffset, rows.body.byteLength);
	let pos = 0;
	const varint = () => {
		let n = 0;
		let shift = 0;
		for (;;) {
			const b = buf[pos++]!;
			n += (b & 0x7f) * 2 ** shift;
			if (b < 0x80) return n;
			shift += 7;
		}
	};
	const text = () => {
		const n = varint();
		const s = buf.toString('utf8', pos, pos + n);
		pos += n;
		return s;
	};
	const int64 = () => {
		const v = buf.readUInt32LE(pos) + buf.readUInt32LE(pos + 4) * 0x1_0000_0000;
		pos += 8;
		return v;
	};
	const uuid = () => {
		const hex = Buffer.concat([Buffer.from(buf.subarray(pos, pos + 8)).reverse(), Buffer.from(buf.subarray(pos + 8, pos + 16)).reverse()]).toString('hex');
		pos += 16;
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	};
	const out: DecodedEvent[] = [];
	while (pos < buf.byteLength) {
		if (pos !== rows.offsets[out.length]) throw new Error(`row ${out.length} starts at ${pos}, offsets say ${rows.offsets[out.length]}`);
		const event_id = uuid();
		const logged_at = int64();
		const subject_code = text();
		const [agency_code, intermediary_code, system, action, purpose_code, legal_basis] = Array.from({ length: 6 }, text);
		const data_categories = Array.from({ length: varint() }, text);
		const bulk = buf[pos++] === 1;
		const [actor_code, case_ref, xroad_client, xroad_service, xroad_message_id] = Array.from({ length: 5 }, text);
		const visibility = VISIBILITY[buf[pos++] as 1 | 2 | 3];
		const disclose_after = buf[pos++] === 1 ? null : int64();
		const ledger_index = int64();
		out.push({
			event_id,
			logged_at,
			subject_code: subject_code!,
			agency_code: agency_code!,
			system: system!,
			action: action!,
			purpose_code: purpose_code!,
			legal_basis: legal_basis!,
			actor_code: actor_code!,
			case_ref: case_ref!,
			data_categories,
			intermediary_code: intermediary_code!,
			xroad_client: xroad_client!,
			xroad_service: xroad_service!,
			xroad_message_id: xroad_message_id!,
			visibility,
			disclose_after,
			bulk,
			ledger_index
		});
	}
	if (rows.offsets[out.length] !== pos) throw new Error('the last offset is not the end of the rows');
	return out;
}
