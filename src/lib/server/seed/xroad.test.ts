import { describe, expect, it } from 'vitest';
import { validateOpmonRecord, type OpmonRecord } from '../../schemas/xroad-opmonitoring';
import { messageKey, recordKey } from '../feeds/xroad/keys';
import { AGENCY } from './catalogue';
import { generateReference } from './reference';
import { generateOpmonRecords } from './xroad';
import { Calendar } from './calendar';
import { WINDOW_DAYS } from './factory';

const NOW = Date.UTC(2026, 2, 15, 12);
const ref = generateReference({ people: 300, seed: 5 });
const raw = [...generateOpmonRecords(ref, { messages: 10_000, seed: 5, now: NOW, batchSize: 2_500 })];
const records: OpmonRecord[] = raw.flat().map((r) => {
	const v = validateOpmonRecord(r);
	if (!v.ok) throw new Error(`${v.field}: ${v.message}`);
	return v.record;
});

describe('generateOpmonRecords', () => {
	it('is deterministic for a seed and streams batches of about the batch size', () => {
		const again = [...generateOpmonRecords(ref, { messages: 10_000, seed: 5, now: NOW, batchSize: 2_500 })];
		expect(again).toEqual(raw);
		expect(raw.slice(0, -1).every((b) => b.length >= 2_500 && b.length < 2_510)).toBe(true);
	});

	it('carries the personal fields the feed drops, as real records do', () => {
		expect(raw[0]!.every((r) => typeof r.messageUserId === 'string' && (r.messageUserId as string).startsWith('EE'))).toBe(true);
		expect(raw[0]!.some((r) => r.messageIssue !== '')).toBe(true);
	});

	it('gives most messages both sides, a few one side, and repeats a few records', () => {
		const sides = new Map<string, Set<string>>();
		const recordCount = new Map<string, number>();
		for (const r of records) {
			const mk = messageKey(r).toString('hex');
			sides.set(mk, (sides.get(mk) ?? new Set()).add(r.securityServerType));
			const rk = recordKey(r).toString('hex');
			recordCount.set(rk, (recordCount.get(rk) ?? 0) + 1);
		}
		expect(sides.size).toBe(10_000);
		const oneSide = [...sides.values()].filter((s) => s.size === 1).length / sides.size;
		expect(oneSide).toBeGreaterThan(0.02);
		expect(oneSide).toBeLessThan(0.04);
		const repeats = [...recordCount.values()].filter((n) => n > 1).length;
		expect(repeats).toBeGreaterThan(50);
		expect(repeats).toBeLessThan(150);
	});

	it('is mostly government to government, the big registers serving most, with ~1.5 % failures', () => {
		const clients = records.filter((r) => r.securityServerType === 'Client');
		const share = (p: (r: OpmonRecord) => boolean) => clients.filter(p).length / clients.length;
		expect(share((r) => r.clientMemberClass === 'GOV')).toBeGreaterThan(0.8);
		expect(share((r) => r.clientMemberClass === 'COM')).toBeGreaterThan(0.1);
		expect(share((r) => r.clientMemberClass === 'NGO')).toBeGreaterThan(0.005);
		expect(share((r) => r.serviceMemberClass === 'GOV')).toBe(1);
		const big = [AGENCY.interior, AGENCY.tax, AGENCY.healthFund] as string[];
		expect(share((r) => big.includes(r.serviceMemberCode))).toBeGreaterThan(0.6);
		expect(share((r) => r.clientMemberClass === 'COM' && r.serviceMemberCode === AGENCY.interior)).toBeGreaterThan(0.05);
		const failed = clients.filter((r) => !r.succeeded);
		expect(failed.length / clients.length).toBeGreaterThan(0.008);
		expect(failed.length / clients.length).toBeLessThan(0.025);
		expect(failed.every((r) => r.faultCode !== '' && r.faultString !== '')).toBe(true);
		expect(clients.filter((r) => r.succeeded).every((r) => r.faultCode === '')).toBe(true);
		expect(clients.every((r) => r.clientMemberCode !== r.serviceMemberCode)).toBe(true);
	});

	it('keeps times in the window with the working-day rhythm and the two sides in order', () => {
		const windowStart = new Calendar(NOW, WINDOW_DAYS).start[0]!;
		expect(records.every((r) => r.requestInTs >= windowStart && r.requestInTs <= NOW + 60_000)).toBe(true);
		expect(records.every((r) => r.requestInTs <= r.requestOutTs && r.requestOutTs <= r.responseInTs && r.responseInTs <= r.responseOutTs)).toBe(true);
		const tallinnHour = (t: number) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Tallinn', hour: '2-digit', hourCycle: 'h23' }).format(t));
		const sample = records.slice(0, 4000);
		const office = sample.filter((r) => {
			const h = tallinnHour(r.requestInTs);
			return h >= 8 && h < 18;
		}).length;
		expect(office / sample.length).toBeGreaterThan(0.7);
		const weekend = sample.filter((r) => [0, 6].includes(new Date(r.requestInTs + 2 * 3_600_000).getUTCDay())).length;
		expect(weekend / sample.length).toBeLessThan(0.12);
		// Log-normal sizes: a long tail above the median.
		const sizes = records.map((r) => r.responseSize).sort((a, b) => a - b);
		expect(sizes[Math.floor(sizes.length * 0.99)]!).toBeGreaterThan(5 * sizes[Math.floor(sizes.length / 2)]!);
	});
});
