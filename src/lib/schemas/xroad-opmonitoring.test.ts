import { describe, expect, it } from 'vitest';
import { validateOpmonRecord } from './xroad-opmonitoring';
import { MARKER, record } from './xroad-opmonitoring.fixture';


describe('validateOpmonRecord', () => {
	it('keeps the statistics fields, fills the optional ones, drops the personal and unknown ones', () => {
		const v = validateOpmonRecord(record({ serviceVersion: null, clientSubsystemCode: undefined, somethingNew: 1 }));
		expect(v.ok).toBe(true);
		if (!v.ok) return;
		expect(v.record).toEqual({
			monitoringDataTs: 1_700_000_010,
			securityServerType: 'Client',
			requestInTs: 1_700_000_000_000,
			requestOutTs: 1_700_000_000_020,
			responseInTs: 1_700_000_000_180,
			responseOutTs: 1_700_000_000_190,
			clientXRoadInstance: 'EE',
			clientMemberClass: 'GOV',
			clientMemberCode: '70000349',
			clientSubsystemCode: '',
			serviceXRoadInstance: 'EE',
			serviceMemberClass: 'GOV',
			serviceMemberCode: '70000562',
			serviceSubsystemCode: 'rr',
			serviceCode: 'getPerson',
			serviceVersion: '',
			messageId: 'a0d6c2c8-1f35-4a7e-9a1b-000000000001',
			messageProtocolVersion: '4.0',
			requestSize: 1234,
			responseSize: 5678,
			succeeded: true,
			faultCode: '',
			faultString: ''
		});
		expect(JSON.stringify(v.record)).not.toContain(MARKER);
	});

	it('takes the SOAP or REST sizes and SOAP fault names of older security servers', () => {
		const base = record({ requestSize: undefined, responseSize: undefined, succeeded: false, soapFaultCode: 'Server.ServerProxy', soapFaultString: 'Timed out' });
		const soap = validateOpmonRecord({ ...base, requestSoapSize: 11, responseSoapSize: 22 });
		expect(soap.ok && [soap.record.requestSize, soap.record.responseSize, soap.record.faultCode, soap.record.faultString]).toEqual([11, 22, 'Server.ServerProxy', 'Timed out']);
		const rest = validateOpmonRecord({ ...base, requestRestSize: 33 });
		expect(rest.ok && [rest.record.requestSize, rest.record.responseSize]).toEqual([33, 0]);
		expect(validateOpmonRecord(base)).toEqual({ ok: false, field: 'requestSize', message: expect.stringMatching(/required/) });
		expect(validateOpmonRecord(record({ responseSize: undefined }))).toEqual({ ok: false, field: 'responseSize', message: expect.stringMatching(/succeeded/) });
	});

	it('names the field of each bad value', () => {
		const cases: [Record<string, unknown>, string, RegExp][] = [
			[{ securityServerType: 'Server' }, 'securityServerType', /Client or Producer/],
			[{ securityServerType: undefined }, 'securityServerType', /required/],
			[{ monitoringDataTs: 1_700_000_010_000 }, 'monitoringDataTs', /seconds/],
			[{ requestInTs: 1_700_000_000 }, 'requestInTs', /milliseconds/],
			[{ responseOutTs: Date.now() + 3_600_000 }, 'responseOutTs', /future/],
			[{ requestSize: -1 }, 'requestSize', /negative/],
			[{ requestSize: 1.5 }, 'requestSize', /whole/],
			[{ succeeded: 'yes' }, 'succeeded', /true or false/],
			[{ messageId: '' }, 'messageId', /empty/],
			[{ clientMemberCode: 'x'.repeat(256) }, 'clientMemberCode', /255/],
			[{ serviceCode: 7 }, 'serviceCode', /string/]
		];
		for (const [extra, field, message] of cases) {
			const v = validateOpmonRecord(record(extra));
			expect(v, field).toEqual({ ok: false, field, message: expect.stringMatching(message) });
		}
		expect(validateOpmonRecord([record()])).toEqual({ ok: false, field: '', message: 'must be a JSON object' });
	});

	it('never looks at messageUserId or messageIssue, whatever they hold', () => {
		for (const odd of [42, { nested: MARKER }, 'x'.repeat(10_000), null]) {
			const v = validateOpmonRecord(record({ messageUserId: odd, messageIssue: odd }));
			expect(v.ok).toBe(true);
		}
		// An error elsewhere does not quote them either.
		const bad = validateOpmonRecord(record({ securityServerType: 'nope' }));
		expect(JSON.stringify(bad)).not.toContain(MARKER);
	});
});
