import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, parseFindUsage, representationRefusal } from './find-usage';

const SUBJECT = 'EE38001085718';

function parse(query: string, userId: string | null = SUBJECT) {
	const headers = new Headers();
	if (userId !== null) headers.set('X-Road-UserId', userId);
	return parseFindUsage(new URL(`http://x/findUsage/v2/findUsage?${query}`), headers);
}

function error(query: string, userId: string | null = SUBJECT): string {
	const r = parse(query, userId);
	if (r.ok) throw new Error(`expected an error for ${query}`);
	return r.error;
}

describe('parseFindUsage', () => {
	it('applies defaults and ignores unknown parameters', () => {
		const r = parse(`userCode=${SUBJECT}&foo=bar`);
		expect(r).toEqual({ ok: true, query: { userId: SUBJECT, userCode: SUBJECT, offset: 0, limit: DEFAULT_LIMIT } });
	});

	it('parses dates, offset and limit', () => {
		const r = parse(`userCode=${SUBJECT}&periodStart=2021-01-31T10:20:30Z&periodEnd=2021-02-01T00:00:00.5%2B02:00&offset=5&limit=10000`);
		expect(r).toEqual({
			ok: true,
			query: {
				userId: SUBJECT,
				userCode: SUBJECT,
				periodStart: Date.UTC(2021, 0, 31, 10, 20, 30),
				periodEnd: Date.UTC(2021, 0, 31, 22, 0, 0, 500),
				offset: 5,
				limit: 10000
			}
		});
	});

	it('accepts an unencoded + in the offset (arrives as a space)', () => {
		const r = parse(`userCode=${SUBJECT}&periodStart=2021-01-31T10:20:30+02:00`);
		expect(r.ok && r.query.periodStart).toBe(Date.UTC(2021, 0, 31, 8, 20, 30));
	});

	it('treats empty optional parameters as absent', () => {
		const r = parse(`userCode=${SUBJECT}&periodStart=&offset=&limit=`);
		expect(r).toEqual({ ok: true, query: { userId: SUBJECT, userCode: SUBJECT, offset: 0, limit: DEFAULT_LIMIT } });
	});

	it('names the header when it is missing or invalid', () => {
		expect(error(`userCode=${SUBJECT}`, null)).toMatch(/^X-Road-UserId header: is required/);
		expect(error(`userCode=${SUBJECT}`, '')).toMatch(/^X-Road-UserId header/);
		expect(error(`userCode=${SUBJECT}`, 'EE38001085719')).toMatch(/^X-Road-UserId header: .*check digit/);
	});

	it('names userCode when it is missing or invalid', () => {
		expect(error('')).toMatch(/^userCode: is required/);
		expect(error('userCode=')).toMatch(/^userCode: is required/);
		expect(error('userCode=38001085718')).toMatch(/^userCode: .*country prefix/);
		expect(error('userCode=EE38001085719')).toMatch(/^userCode: .*check digit/);
	});

	it('names bad dates', () => {
		expect(error(`userCode=${SUBJECT}&periodStart=yesterday`)).toMatch(/^periodStart: .*RFC 3339/);
		expect(error(`userCode=${SUBJECT}&periodEnd=2021-01-31`)).toMatch(/^periodEnd: .*RFC 3339/);
		expect(error(`userCode=${SUBJECT}&periodEnd=2021-01-31T10:20:30`)).toMatch(/^periodEnd: .*RFC 3339/);
		expect(error(`userCode=${SUBJECT}&periodEnd=2021-02-30T10:20:30Z`)).toMatch(/^periodEnd: /);
		expect(error(`userCode=${SUBJECT}&periodStart=2021-02-01T00:00:00Z&periodEnd=2021-01-31T00:00:00Z`)).toMatch(
			/^periodStart: must not be after periodEnd/
		);
	});

	it('names bad offset and limit', () => {
		expect(error(`userCode=${SUBJECT}&offset=-1`)).toMatch(/^offset: /);
		expect(error(`userCode=${SUBJECT}&offset=1.5`)).toMatch(/^offset: /);
		expect(error(`userCode=${SUBJECT}&offset=99999999999`)).toMatch(/^offset: /);
		expect(error(`userCode=${SUBJECT}&limit=0`)).toMatch(/^limit: /);
		expect(error(`userCode=${SUBJECT}&limit=10001`)).toMatch(/^limit: /);
		expect(error(`userCode=${SUBJECT}&limit=abc`)).toMatch(/^limit: /);
	});
});

describe('representationRefusal', () => {
	const q = { userId: SUBJECT, userCode: 'EE61501010002' };
	const minor = { code: q.userCode, name: 'Child', accessEnds: '2033-01-01' };

	it('accepts a represented minor', () => {
		expect(representationRefusal(q, { ok: true, minor })).toBeNull();
	});

	it('names both codes and why, for a non-child, an adult child and a child not yet born', () => {
		const stranger = representationRefusal(q, { ok: false, reason: 'not-a-child' });
		expect(stranger).toContain(SUBJECT);
		expect(stranger).toContain(q.userCode);
		expect(stranger).toMatch(/population register does not list .* child/);
		expect(representationRefusal(q, { ok: false, reason: 'adult', adultOn: '2025-05-01' })).toMatch(/turned 18 on 2025-05-01/);
		expect(representationRefusal(q, { ok: false, reason: 'not-born', bornOn: '2030-01-01' })).toMatch(/birth date as 2030-01-01/);
	});
});
