/**
 * Records and messages as RowBinary rows for bulkInsert: the keys are raw bytes
 * (FixedString(32)), which JSON input cannot carry, and the database never parses text a
 * sender wrote. Each structure is defined beside its encoder so the two cannot drift.
 */
import type { OpmonRecord } from '../../../schemas/xroad-opmonitoring';
import type { BulkInsert } from '../../db/bulk-insert';

/** Appends RowBinary values to one growing buffer. */
class RowWriter {
	private buf = Buffer.alloc(64 * 1024);
	private pos = 0;

	private room(n: number): void {
		if (this.pos + n <= this.buf.byteLength) return;
		const next = Buffer.alloc(Math.max(this.buf.byteLength * 2, this.pos + n));
		this.buf.copy(next, 0, 0, this.pos);
		this.buf = next;
	}

	bytes(b: Buffer): void {
		this.room(b.byteLength);
		this.pos += b.copy(this.buf, this.pos);
	}

	/** LEB128 length, then the UTF-8 bytes. */
	string(s: string): void {
		const n = Buffer.byteLength(s, 'utf8');
		this.room(n + 5);
		let len = n;
		do {
			this.buf[this.pos++] = (len & 0x7f) | (len > 0x7f ? 0x80 : 0);
			len >>>= 7;
		} while (len > 0);
		this.pos += this.buf.write(s, this.pos, 'utf8');
	}

	uint32(n: number): void {
		this.room(4);
		this.pos = this.buf.writeUInt32LE(n, this.pos);
	}

	/** A non-negative safe integer as 64 bits LE (no BigInt: two 32-bit halves). */
	uint64(n: number): void {
		this.room(8);
		this.pos = this.buf.writeUInt32LE(n % 0x1_0000_0000, this.pos);
		this.pos = this.buf.writeUInt32LE(Math.floor(n / 0x1_0000_0000), this.pos);
	}

	/** Int64 LE: DateTime64(3) as epoch milliseconds (never negative here: validated as 2001 or later, or 0). */
	int64(n: number): void {
		this.uint64(n);
	}

	bool(v: boolean): void {
		this.room(1);
		this.buf[this.pos++] = v ? 1 : 0;
	}

	finish(): Buffer {
		return this.buf.subarray(0, this.pos);
	}
}

export interface RecordRow {
	recordKey: Buffer;
	messageKey: Buffer;
	reporter: string;
	record: OpmonRecord;
}

const RECORD_STRUCTURE =
	'record_key FixedString(32), message_key FixedString(32), reporter_code String, security_server_type String, ' +
	"monitoring_data_ts DateTime('UTC'), request_in_ts DateTime64(3, 'UTC'), request_out_ts DateTime64(3, 'UTC'), " +
	"response_in_ts DateTime64(3, 'UTC'), response_out_ts DateTime64(3, 'UTC'), " +
	'client_xroad_instance String, client_member_class String, client_member_code String, client_subsystem_code String, ' +
	'service_xroad_instance String, service_member_class String, service_member_code String, service_subsystem_code String, ' +
	'service_code String, service_version String, message_id String, message_protocol_version String, ' +
	'request_size UInt64, response_size UInt64, succeeded Bool, fault_code String, fault_string String';

const RECORD_COLUMNS =
	'record_key, message_key, reporter_code, security_server_type, monitoring_data_ts, request_in_ts, request_out_ts, response_in_ts, response_out_ts, ' +
	'client_xroad_instance, client_member_class, client_member_code, client_subsystem_code, ' +
	'service_xroad_instance, service_member_class, service_member_code, service_subsystem_code, ' +
	'service_code, service_version, message_id, message_protocol_version, request_size, response_size, succeeded, fault_code, fault_string';

/** received_at is the commit time. */
export const RECORD_INSERT: BulkInsert = {
	into: `xroad_opmon_record (received_at, ${RECORD_COLUMNS})`,
	select: `now64(3, 'UTC'), ${RECORD_COLUMNS}`,
	structure: RECORD_STRUCTURE
};

export function recordRows(rows: readonly RecordRow[]): Buffer {
	const w = new RowWriter();
	for (const { recordKey, messageKey, reporter, record: r } of rows) {
		w.bytes(recordKey);
		w.bytes(messageKey);
		w.string(reporter);
		w.string(r.securityServerType);
		w.uint32(r.monitoringDataTs);
		w.int64(r.requestInTs);
		w.int64(r.requestOutTs);
		w.int64(r.responseInTs);
		w.int64(r.responseOutTs);
		for (const s of [r.clientXRoadInstance, r.clientMemberClass, r.clientMemberCode, r.clientSubsystemCode]) w.string(s);
		for (const s of [r.serviceXRoadInstance, r.serviceMemberClass, r.serviceMemberCode, r.serviceSubsystemCode]) w.string(s);
		for (const s of [r.serviceCode, r.serviceVersion, r.messageId, r.messageProtocolVersion]) w.string(s);
		w.uint64(r.requestSize);
		w.uint64(r.responseSize);
		w.bool(r.succeeded);
		w.string(r.faultCode);
		w.string(r.faultString);
	}
	return w.finish();
}

export interface MessageRow {
	messageKey: Buffer;
	/** The first record that arrived: its side's view of the message. */
	record: OpmonRecord;
}

const MESSAGE_STRUCTURE =
	"message_key FixedString(32), requested_at DateTime64(3, 'UTC'), " +
	'client_xroad_instance String, client_member_class String, client_member_code String, client_subsystem_code String, ' +
	'service_member_class String, service_member_code String, service_subsystem_code String, service_code String, ' +
	'succeeded Bool, request_size UInt64, response_size UInt64';

const MESSAGE_COLUMNS =
	'message_key, requested_at, client_xroad_instance, client_member_class, client_member_code, client_subsystem_code, ' +
	'service_member_class, service_member_code, service_subsystem_code, service_code, succeeded, request_size, response_size';

export const MESSAGE_INSERT: BulkInsert = {
	into: `xroad_message (${MESSAGE_COLUMNS})`,
	select: MESSAGE_COLUMNS,
	structure: MESSAGE_STRUCTURE
};

export function messageRows(rows: readonly MessageRow[]): Buffer {
	const w = new RowWriter();
	for (const { messageKey, record: r } of rows) {
		w.bytes(messageKey);
		w.int64(r.requestInTs);
		for (const s of [r.clientXRoadInstance, r.clientMemberClass, r.clientMemberCode, r.clientSubsystemCode]) w.string(s);
		for (const s of [r.serviceMemberClass, r.serviceMemberCode, r.serviceSubsystemCode, r.serviceCode]) w.string(s);
		w.bool(r.succeeded);
		w.uint64(r.requestSize);
		w.uint64(r.responseSize);
	}
	return w.finish();
}
