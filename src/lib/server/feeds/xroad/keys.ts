/**
 * The two identities of an operational monitoring record. A message is named by its
 * messageId with the client and the service it went between (both security servers
 * report the same ones), so the Client and the Producer record of one message share a
 * message key. A record is that message seen from one side: the same side's record sent
 * again (by a retry, or by two collectors) has the same record key and is a repeat.
 */
import { createHash } from 'node:crypto';
import type { OpmonRecord } from '../../../schemas/xroad-opmonitoring';

/** SHA-256 over the parts as a JSON array: unambiguous however the parts' texts look. */
function sha256(parts: readonly string[]): Buffer {
	return createHash('sha256').update(JSON.stringify(parts)).digest();
}

/** 32 bytes, shared by the Client and the Producer record of one message. */
export function messageKey(r: OpmonRecord): Buffer {
	return sha256([
		'xroad-message',
		r.messageId,
		r.clientXRoadInstance,
		r.clientMemberClass,
		r.clientMemberCode,
		r.clientSubsystemCode,
		r.serviceXRoadInstance,
		r.serviceMemberClass,
		r.serviceMemberCode,
		r.serviceSubsystemCode,
		r.serviceCode,
		r.serviceVersion
	]);
}

/** 32 bytes: one side's record of one message. */
export function recordKey(r: OpmonRecord, message: Buffer = messageKey(r)): Buffer {
	return createHash('sha256').update(`xroad-record:${r.securityServerType}:`).update(message).digest();
}
