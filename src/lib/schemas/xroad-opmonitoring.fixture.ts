/** A valid operational monitoring record for unit tests, with personal fields that must be dropped. */

export const MARKER = 'EE-MARKER-47101010033';

/** A Client record as X-Road 7 reports it, with the protocol's fields the feed ignores. */
export const record = (extra: Record<string, unknown> = {}) => ({
	monitoringDataTs: 1_700_000_010,
	securityServerInternalIp: '10.0.0.7',
	securityServerType: 'Client',
	requestInTs: 1_700_000_000_000,
	requestOutTs: 1_700_000_000_020,
	responseInTs: 1_700_000_000_180,
	responseOutTs: 1_700_000_000_190,
	clientXRoadInstance: 'EE',
	clientMemberClass: 'GOV',
	clientMemberCode: '70000349',
	clientSubsystemCode: 'emta',
	serviceXRoadInstance: 'EE',
	serviceMemberClass: 'GOV',
	serviceMemberCode: '70000562',
	serviceSubsystemCode: 'rr',
	serviceCode: 'getPerson',
	serviceVersion: 'v1',
	representedPartyClass: 'COM',
	messageId: 'a0d6c2c8-1f35-4a7e-9a1b-000000000001',
	messageUserId: MARKER,
	messageIssue: `case ${MARKER}`,
	messageProtocolVersion: '4.0',
	clientSecurityServerAddress: 'ss1.emta.ee',
	requestSize: 1234,
	responseSize: 5678,
	requestAttachmentCount: 0,
	serviceType: 'WSDL',
	succeeded: true,
	...extra
});
