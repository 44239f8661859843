/**
 * One X-Road operational monitoring record as a security server reports it (the records of
 * getSecurityServerOperationalData, POST /api/v1/xroad/opmonitoring). The fields the
 * statistics use are validated and bounded; the protocol's other fields (and any a newer
 * X-Road adds) are tolerated and dropped, never stored.
 *
 * messageUserId (the personal code of whoever made the request) and messageIssue (the
 * client's case or document number) are removed before anything else looks at the
 * record: they are never validated, stored, logged or quoted in an error message.
 */
import { z } from 'zod';

export const SECURITY_SERVER_TYPES = ['Client', 'Producer'] as const;
export type SecurityServerType = (typeof SECURITY_SERVER_TYPES)[number];

/** The fields dropped on arrival: personal data the statistics must never see. */
export const DROPPED_FIELDS = ['messageUserId', 'messageIssue'] as const;

/** X-Road started in 2001: an earlier time is a unit mistake (seconds sent as milliseconds or the reverse). */
export const EARLIEST_MS = Date.UTC(2001, 0, 1);
/** Security servers' clocks may run a little fast. */
export const CLOCK_SKEW_MS = 10 * 60 * 1000;
/** monitoringDataTs is stored as DateTime (UInt32 seconds). */
const MAX_SECONDS = 2 ** 32 - 1;

/** The record as stored: the protocol's names, every field present. */
export interface OpmonRecord {
	monitoringDataTs: number;
	securityServerType: SecurityServerType;
	requestInTs: number;
	/** 0 where the security server did not report it (a failed mediation). */
	requestOutTs: number;
	responseInTs: number;
	responseOutTs: number;
	clientXRoadInstance: string;
	clientMemberClass: string;
	clientMemberCode: string;
	clientSubsystemCode: string;
	serviceXRoadInstance: string;
	serviceMemberClass: string;
	serviceMemberCode: string;
	serviceSubsystemCode: string;
	serviceCode: string;
	serviceVersion: string;
	messageId: string;
	messageProtocolVersion: string;
	requestSize: number;
	responseSize: number;
	succeeded: boolean;
	faultCode: string;
	faultString: string;
}

/** The type error's message: 'is required' when the field is absent. */
const typeError = (expected: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${expected}`) });

const identifier = z.string(typeError('a string')).min(1, 'must not be empty').max(255, 'must be at most 255 characters');
const optionalText = (max: number) => z.string(typeError('a string')).max(max, `must be at most ${max} characters`).nullish();
const size = z.number(typeError('a number of bytes')).int('must be a whole number of bytes').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER, 'is too large');
const notFuture = (t: number) => t <= Date.now() + CLOCK_SKEW_MS;
const epochMs = z
	.number(typeError('epoch milliseconds (a number)'))
	.int('must be whole epoch milliseconds')
	.min(EARLIEST_MS, 'must be epoch milliseconds, 2001 or later')
	.refine(notFuture, 'must not be in the future');

const fields = z.object({
	monitoringDataTs: z
		.number(typeError('epoch seconds (a number)'))
		.int('must be whole epoch seconds')
		.min(EARLIEST_MS / 1000, 'must be epoch seconds, 2001 or later')
		.max(MAX_SECONDS, 'must be epoch seconds, not milliseconds')
		.refine((s) => notFuture(s * 1000), 'must not be in the future'),
	securityServerType: z.enum(SECURITY_SERVER_TYPES, typeError('Client or Producer')),
	requestInTs: epochMs,
	requestOutTs: epochMs.nullish(),
	responseInTs: epochMs.nullish(),
	responseOutTs: epochMs.nullish(),
	clientXRoadInstance: identifier,
	clientMemberClass: identifier,
	clientMemberCode: identifier,
	clientSubsystemCode: optionalText(255),
	serviceXRoadInstance: identifier,
	serviceMemberClass: identifier,
	serviceMemberCode: identifier,
	serviceSubsystemCode: optionalText(255),
	serviceCode: identifier,
	serviceVersion: optionalText(255),
	messageId: identifier,
	messageProtocolVersion: optionalText(255),
	// X-Road 7 reports requestSize/responseSize; X-Road 6 the SOAP size, REST services the REST size.
	requestSize: size.nullish(),
	requestSoapSize: size.nullish(),
	requestRestSize: size.nullish(),
	responseSize: size.nullish(),
	responseSoapSize: size.nullish(),
	responseRestSize: size.nullish(),
	succeeded: z.boolean(typeError('true or false')),
	faultCode: optionalText(255),
	faultString: optionalText(4096),
	// X-Road 6 names of faultCode and faultString.
	soapFaultCode: optionalText(255),
	soapFaultString: optionalText(4096)
});

type Fields = z.output<typeof fields>;

function normalize(f: Fields, ctx: z.RefinementCtx): OpmonRecord {
	const requestSize = f.requestSize ?? f.requestSoapSize ?? f.requestRestSize;
	const responseSize = f.responseSize ?? f.responseSoapSize ?? f.responseRestSize;
	if (requestSize == null) {
		ctx.addIssue({ code: 'custom', path: ['requestSize'], message: 'is required (or requestSoapSize / requestRestSize)' });
		return z.NEVER;
	}
	// A failed mediation may have no response to measure; a successful one has.
	if (responseSize == null && f.succeeded) {
		ctx.addIssue({ code: 'custom', path: ['responseSize'], message: 'is required when succeeded is true (or responseSoapSize / responseRestSize)' });
		return z.NEVER;
	}
	return {
		monitoringDataTs: f.monitoringDataTs,
		securityServerType: f.securityServerType,
		requestInTs: f.requestInTs,
		requestOutTs: f.requestOutTs ?? 0,
		responseInTs: f.responseInTs ?? 0,
		responseOutTs: f.responseOutTs ?? 0,
		clientXRoadInstance: f.clientXRoadInstance,
		clientMemberClass: f.clientMemberClass,
		clientMemberCode: f.clientMemberCode,
		clientSubsystemCode: f.clientSubsystemCode ?? '',
		serviceXRoadInstance: f.serviceXRoadInstance,
		serviceMemberClass: f.serviceMemberClass,
		serviceMemberCode: f.serviceMemberCode,
		serviceSubsystemCode: f.serviceSubsystemCode ?? '',
		serviceCode: f.serviceCode,
		serviceVersion: f.serviceVersion ?? '',
		messageId: f.messageId,
		messageProtocolVersion: f.messageProtocolVersion ?? '',
		requestSize,
		responseSize: responseSize ?? 0,
		succeeded: f.succeeded,
		faultCode: f.faultCode ?? f.soapFaultCode ?? '',
		faultString: f.faultString ?? f.soapFaultString ?? ''
	};
}

/** Unknown keys are stripped (z.object's default): the protocol has more fields than are kept. */
export const opmonRecordSchema = fields.transform(normalize);

export type OpmonValidation = { ok: true; record: OpmonRecord } | { ok: false; field: string; message: string };

/**
 * Validate one record (any JSON value). The personal fields are removed first, so neither
 * their values nor their presence affect the outcome, and no message can quote them.
 */
export function validateOpmonRecord(value: unknown): OpmonValidation {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, field: '', message: 'must be a JSON object' };
	const rest: Record<string, unknown> = { ...(value as Record<string, unknown>) };
	for (const f of DROPPED_FIELDS) delete rest[f];
	const parsed = opmonRecordSchema.safeParse(rest);
	if (parsed.success) return { ok: true, record: parsed.data };
	const issue = parsed.error.issues[0]!;
	return { ok: false, field: issue.path.map(String).join('.'), message: issue.message };
}
