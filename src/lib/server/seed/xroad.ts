/**
 * X-Road traffic for the demo: the operational monitoring records the agencies' security
 * servers would report over the event window, committed through the feed's own parser and
 * writer (so messageUserId and messageIssue, present here as in real records, are dropped
 * on the way in, and pairing and repeats are handled as for any sender).
 *
 * Shape: mostly government to government, the population register, the tax board and the
 * health insurance fund serving most; banks, telecoms and insurers query the population
 * and commercial registers; a few non-profits. Office-hour and weekday rhythm (some batch
 * systems round the clock), about 1.5 % failures with a fault, log-normal sizes and
 * latencies. Each message gives a Client and a Producer record, a small share only one
 * (a security server whose monitoring data never came), and a few records come twice.
 * Deterministic for a seed.
 */
import { validateOpmonRecord } from '../../schemas/xroad-opmonitoring';
import { commitOpmonRecords, type OpmonEntry, type OpmonCommitResult } from '../feeds/xroad/writer';
import { Calendar, type Rhythm } from './calendar';
import { AGENCIES, AGENCY, type AgencyKey } from './catalogue';
import { WINDOW_DAYS } from './factory';
import { makeWeighted, Rng, type Sampler } from './random';
import type { Reference } from './reference';

const INSTANCE = 'EE';

/** Services producers offer: subsystem, service code, relative volume. */
const PRODUCERS: readonly { agency: AgencyKey; subsystem: string; services: readonly [code: string, weight: number][] }[] = [
	{ agency: 'interior', subsystem: 'rr', services: [['getPerson', 30], ['getAddress', 14], ['getFamilyRelations', 5]] },
	{ agency: 'tax', subsystem: 'mkr', services: [['getTaxDebt', 7], ['getIncome', 6], ['getEmployment', 6]] },
	{ agency: 'tax', subsystem: 'emta', services: [['getTaxDeclaration', 2]] },
	{ agency: 'healthFund', subsystem: 'tkis', services: [['getInsuranceStatus', 14]] },
	{ agency: 'healthFund', subsystem: 'retsept', services: [['getPrescriptions', 4]] },
	{ agency: 'transport', subsystem: 'lr', services: [['getVehicle', 5], ['getDrivingRight', 4]] },
	{ agency: 'registers', subsystem: 'arireg', services: [['getCompany', 6]] },
	{ agency: 'registers', subsystem: 'kr', services: [['getLandRegisterEntry', 2]] },
	{ agency: 'socialInsurance', subsystem: 'skais', services: [['getBenefits', 3]] },
	{ agency: 'socialInsurance', subsystem: 'pens', services: [['getPension', 2]] },
	{ agency: 'healthIt', subsystem: 'tis', services: [['getHealthCertificate', 3]] },
	{ agency: 'healthIt', subsystem: 'immu', services: [['getImmunisations', 1]] },
	{ agency: 'police', subsystem: 'dok', services: [['getDocumentValidity', 3]] },
	{ agency: 'unemployment', subsystem: 'empis', services: [['getUnemploymentStatus', 1]] },
	{ agency: 'education', subsystem: 'ehis', services: [['getEducation', 2]] },
	{ agency: 'justice', subsystem: 'karr', services: [['getPunishmentRecord', 1]] },
	{ agency: 'land', subsystem: 'ads', services: [['getAddressObject', 2]] }
];

/** Non-government clients: class, registry code, subsystem, the services they may use. */
const OTHER_CLIENTS: readonly { memberClass: 'COM' | 'NGO'; code: string; subsystem: string; weight: number; services: readonly string[] }[] = [
	{ memberClass: 'COM', code: '10060701', subsystem: 'kyc', weight: 5, services: ['getPerson', 'getAddress', 'getCompany'] },
	{ memberClass: 'COM', code: '10004252', subsystem: 'kyc', weight: 3, services: ['getPerson', 'getAddress', 'getCompany'] },
	{ memberClass: 'COM', code: '10539549', subsystem: 'kyc', weight: 2, services: ['getPerson', 'getCompany'] },
	{ memberClass: 'COM', code: '11315936', subsystem: 'kyc', weight: 1.5, services: ['getPerson', 'getCompany'] },
	{ memberClass: 'COM', code: '10234957', subsystem: 'crm', weight: 2, services: ['getPerson', 'getAddress'] },
	{ memberClass: 'COM', code: '10178070', subsystem: 'crm', weight: 1.5, services: ['getPerson', 'getAddress'] },
	{ memberClass: 'COM', code: '10069046', subsystem: 'crm', weight: 1, services: ['getPerson'] },
	{ memberClass: 'COM', code: '10017013', subsystem: 'claims', weight: 1, services: ['getPerson', 'getVehicle', 'getInsuranceStatus'] },
	{ memberClass: 'NGO', code: '80007283', subsystem: 'help', weight: 1, services: ['getPerson', 'getAddressObject'] },
	{ memberClass: 'NGO', code: '80040311', subsystem: 'members', weight: 0.5, services: ['getCompany'] }
];

const CLIENT_CLASS_SHARE = { GOV: 0.85, COM: 0.13, NGO: 0.02 } as const;
const FAILURE_SHARE = 0.015;
/** Messages whose other side's record never arrives. */
const ONE_SIDE_SHARE = 0.03;
/** Records a security server sends a second time. */
const REPEAT_SHARE = 0.005;
/** Records from X-Road 6 security servers, which report SOAP sizes and fault names. */
const SOAP_NAMES_SHARE = 0.1;

const FAULTS: readonly [code: string, text: string][] = [
	['Server.ServerProxy.ServiceFailed.ServiceTimeout', 'Service did not respond within the timeout'],
	['Server.ClientProxy.NetworkError', 'Could not connect to the service provider’s security server'],
	['Server.ServerProxy.ServiceFailed.InternalError', 'Internal error in the service'],
	['Server.ServerProxy.AccessDenied', 'Request is not allowed: the client has no access right to the service'],
	['Client.InvalidRequest', 'Malformed request: a required element is missing']
];

export const XROAD_SEED_BATCH = 10_000;

export interface XroadOptions {
	messages: number;
	seed: number;
	now?: number | Date;
	/** Records per batch (default XROAD_SEED_BATCH). */
	batchSize?: number;
}

interface ServiceRef {
	agency: string;
	subsystem: string;
	code: string;
}

interface ClientRef {
	memberClass: 'GOV' | 'COM' | 'NGO';
	code: string;
	subsystem: string;
}

/** A log-normal draw: median times exp(sigma * N(0, 1)). */
const logNormal = (rng: Rng, median: number, sigma: number) => median * Math.exp(sigma * rng.normal());

class Traffic {
	private readonly cal: Calendar;
	private readonly service: Sampler<ServiceRef>;
	private readonly govClient: Sampler<ClientRef>;
	private readonly otherClient: Sampler<(typeof OTHER_CLIENTS)[number]>;
	private readonly byCode = new Map<string, ServiceRef[]>();
	private readonly people: readonly string[];
	private readonly prefixOf = new Map<string, string>();

	constructor(
		ref: Reference,
		readonly rng: Rng,
		now: number
	) {
		this.cal = new Calendar(now, WINDOW_DAYS);
		const services: ServiceRef[] = [];
		const weights: number[] = [];
		for (const p of PRODUCERS) {
			for (const [code, w] of p.services) {
				const s = { agency: AGENCY[p.agency], subsystem: p.subsystem, code };
				services.push(s);
				weights.push(w);
				this.byCode.set(code, [...(this.byCode.get(code) ?? []), s]);
			}
		}
		this.service = makeWeighted(services, weights);
		// Government clients: every seeded agency's information systems, weighted by head count.
		const clients: ClientRef[] = [];
		const clientWeights: number[] = [];
		for (const a of AGENCIES) {
			this.prefixOf.set(AGENCY[a.key], a.casePrefix);
			for (const s of a.systems) {
				clients.push({ memberClass: 'GOV', code: AGENCY[a.key], subsystem: s.code.toLowerCase() });
				clientWeights.push(a.staff / a.systems.length);
			}
		}
		this.govClient = makeWeighted(clients, clientWeights);
		this.otherClient = makeWeighted(OTHER_CLIENTS, OTHER_CLIENTS.map((c) => c.weight));
		this.people = ref.people.map((p) => `EE${p.personal_code}`);
	}

	/** One message as its Client and Producer records (either may be left out), in arrival order. */
	message(): Record<string, unknown>[] {
		const rng = this.rng;
		const roll = rng.float();
		let client: ClientRef;
		let service: ServiceRef;
		if (roll < CLIENT_CLASS_SHARE.GOV) {
			service = this.service(rng);
			do client = this.govClient(rng);
			while (client.code === service.agency);
		} else {
			const other = this.otherClient(rng);
			client = other;
			service = rng.pick(this.byCode.get(rng.pick(other.services))!);
		}
		const rhythm: Rhythm = client.memberClass === 'GOV' && rng.chance(0.3) ? 'machine' : 'office';
		const t = this.cal.time(rng, rhythm);
		const net = () => Math.round(logNormal(rng, 12, 0.6));
		const hop = () => rng.int(1, 6);
		const cIn = t;
		const cOut = cIn + hop();
		const pIn = cOut + net();
		const pOut = pIn + hop();
		const pRespIn = pOut + Math.max(5, Math.round(logNormal(rng, 120, 0.9)));
		const pRespOut = pRespIn + hop();
		const cRespIn = pRespOut + net();
		const cRespOut = cRespIn + hop();
		const failed = rng.chance(FAILURE_SHARE);
		const fault = failed ? rng.pick(FAULTS) : null;
		const requestSize = Math.round(logNormal(rng, 900, 0.4));
		const responseSize = failed ? Math.round(logNormal(rng, 450, 0.2)) : Math.min(50_000_000, Math.round(logNormal(rng, 3500, 1)));
		const rest = rng.chance(0.2);
		const prefix = this.prefixOf.get(client.code);
		const common = {
			clientXRoadInstance: INSTANCE,
			clientMemberClass: client.memberClass,
			clientMemberCode: client.code,
			clientSubsystemCode: client.subsystem,
			serviceXRoadInstance: INSTANCE,
			serviceMemberClass: 'GOV',
			serviceMemberCode: service.agency,
			serviceSubsystemCode: service.subsystem,
			serviceCode: service.code,
			...(rest ? {} : { serviceVersion: 'v1' }),
			messageId: rng.uuid(),
			// Personal data as real records carry it: the feed drops both on arrival.
			messageUserId: rng.pick(this.people),
			messageIssue: prefix && rng.chance(0.4) ? `${prefix}-${this.cal.year(t)}-${String(rng.int(1, 999_999)).padStart(6, '0')}` : '',
			messageProtocolVersion: '4.0',
			serviceType: rest ? 'REST' : 'WSDL',
			requestAttachmentCount: 0,
			responseAttachmentCount: 0,
			clientSecurityServerAddress: `ss-${client.code}.${client.memberClass.toLowerCase()}.ee`,
			serviceSecurityServerAddress: `ss-${service.agency}.gov.ee`,
			succeeded: !failed,
			...(fault ? { faultCode: fault[0], faultString: fault[1] } : {})
		};
		const side = (type: 'Client' | 'Producer', times: [number, number, number, number]) => {
			const sizes = rng.chance(SOAP_NAMES_SHARE) && !rest ? { requestSoapSize: requestSize, responseSoapSize: responseSize } : { requestSize, responseSize };
			return {
				monitoringDataTs: Math.floor(times[3] / 1000) + rng.int(0, 5),
				securityServerInternalIp: `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
				securityServerType: type,
				requestInTs: times[0],
				requestOutTs: times[1],
				responseInTs: times[2],
				responseOutTs: times[3],
				...common,
				...sizes
			};
		};
		const clientRecord = side('Client', [cIn, cOut, cRespIn, cRespOut]);
		const producerRecord = side('Producer', [pIn, pOut, pRespIn, pRespOut]);
		if (rng.chance(ONE_SIDE_SHARE)) return [rng.chance(0.5) ? clientRecord : producerRecord];
		// Each security server reports on its own schedule: either may come first.
		return rng.chance(0.5) ? [clientRecord, producerRecord] : [producerRecord, clientRecord];
	}
}

/** The raw records (as security servers send them), in batches of about batchSize. */
export function* generateOpmonRecords(ref: Reference, opts: XroadOptions): Generator<Record<string, unknown>[], void, undefined> {
	const { messages, seed } = opts;
	const batchSize = opts.batchSize ?? XROAD_SEED_BATCH;
	if (!Number.isInteger(messages) || messages < 0) throw new Error(`messages must be a non-negative integer, got ${messages}`);
	if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, got ${batchSize}`);
	const now = opts.now === undefined ? Date.now() : typeof opts.now === 'number' ? opts.now : opts.now.getTime();
	const traffic = new Traffic(ref, new Rng(`peegel-xroad:${seed}`), now);
	const rng = traffic.rng;
	let batch: Record<string, unknown>[] = [];
	// Repeats sent with a later batch (a security server that resends what it sent before).
	let later: Record<string, unknown>[] = [];
	for (let m = 0; m < messages; m++) {
		for (const r of traffic.message()) {
			batch.push(r);
			if (rng.chance(REPEAT_SHARE)) (rng.chance(0.5) ? batch : later).push({ ...r });
		}
		if (batch.length >= batchSize) {
			yield batch;
			batch = later;
			later = [];
		}
	}
	batch.push(...later);
	if (batch.length > 0) yield batch;
}

export interface XroadSeedSummary {
	messages: number;
	records: number;
	/** Records stored. */
	accepted: number;
	/** Messages counted (the first record of each). */
	newMessages: number;
	duplicates: number;
}

/** The security server owner that reports a record: its member if a seeded agency, else RIA's central collector. */
function reporterOf(r: { securityServerType: string; clientMemberClass: string; clientMemberCode: string; serviceMemberCode: string }): string {
	if (r.securityServerType === 'Producer') return r.serviceMemberCode;
	return r.clientMemberClass === 'GOV' ? r.clientMemberCode : AGENCY.ria;
}

/** Generate and commit (one commit in flight while the next batch is generated). */
export async function seedXroad(ref: Reference, opts: XroadOptions, onProgress: (done: number, total: number) => void = () => {}): Promise<XroadSeedSummary> {
	const summary: XroadSeedSummary = { messages: opts.messages, records: 0, accepted: 0, newMessages: 0, duplicates: 0 };
	const count = (r: OpmonCommitResult) => {
		summary.accepted += r.accepted.length;
		summary.newMessages += r.accepted.filter((a) => a.message === 'new').length;
		summary.duplicates += r.duplicates.length;
		onProgress(summary.newMessages, opts.messages);
	};
	let previous: Promise<void> | null = null;
	let latest: Promise<void> | null = null;
	try {
		for (const batch of generateOpmonRecords(ref, opts)) {
			summary.records += batch.length;
			const entries: OpmonEntry[] = batch.map((raw, i) => {
				const v = validateOpmonRecord(raw);
				if (!v.ok) throw new Error(`seed: generated X-Road record invalid at ${v.field}: ${v.message}`);
				return { line: i + 1, reporter: reporterOf(v.record), record: v.record };
			});
			latest = commitOpmonRecords(entries).then(count);
			latest.catch(() => {}); // awaited below; never an unhandled rejection meanwhile
			if (previous) await previous;
			previous = latest;
		}
		if (latest) await latest;
	} finally {
		if (latest) await latest.catch(() => {});
	}
	return summary;
}
