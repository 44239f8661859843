import { describe, expect, it } from 'vitest';
import { validateOpmonRecord, type OpmonRecord } from '../../../schemas/xroad-opmonitoring';
import { record } from '../../../schemas/xroad-opmonitoring.fixture';
import { messageKey, recordKey } from './keys';

const valid = (extra: Record<string, unknown> = {}): OpmonRecord => {
	const v = validateOpmonRecord(record(extra));
	if (!v.ok) throw new Error(`${v.field}: ${v.message}`);
	return v.record;
};

describe('message and record keys', () => {
	const client = valid();
	const producer = valid({ securityServerType: 'Producer', requestInTs: 1_700_000_000_040, monitoringDataTs: 1_700_000_011, requestSize: 1300, serviceSecurityServerAddress: 'ss.rr.ee' });

	it('gives both sides of a message one message key and each side its own record key', () => {
		expect(messageKey(client)).toHaveLength(32);
		expect(messageKey(producer).equals(messageKey(client))).toBe(true);
		expect(recordKey(producer).equals(recordKey(client))).toBe(false);
	});

	it('gives the same record sent again the same record key, whoever sends it and whatever it drops', () => {
		expect(recordKey(valid({ monitoringDataTs: 1_700_000_099, messageUserId: 'other' })).equals(recordKey(client))).toBe(true);
	});

	it('tells messages apart by id, client, service and version', () => {
		for (const extra of [
			{ messageId: 'another' },
			{ clientMemberCode: '70000350' },
			{ clientSubsystemCode: 'mkr' },
			{ clientMemberClass: 'COM' },
			{ serviceMemberCode: '70000563' },
			{ serviceSubsystemCode: 'rr2' },
			{ serviceCode: 'getAddress' },
			{ serviceVersion: 'v2' },
			{ serviceXRoadInstance: 'FI' }
		]) {
			expect(messageKey(valid(extra)).equals(messageKey(client)), JSON.stringify(extra)).toBe(false);
		}
		// Fields are delimited: moving text between two fields is another message.
		expect(messageKey(valid({ clientSubsystemCode: 'em', serviceSubsystemCode: 'tarr' })).equals(messageKey(valid({ clientSubsystemCode: 'emta', serviceSubsystemCode: 'rr' })))).toBe(false);
	});
});
