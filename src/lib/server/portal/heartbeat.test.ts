import { afterEach, describe, expect, it, vi } from 'vitest';

const queryOne = vi.fn();
vi.mock('../db/query', () => ({ queryOne: (...args: unknown[]) => queryOne(...args) }));
const logPeriod = vi.fn();
vi.mock('../usage/citizen-view', () => ({ logPeriod: () => logPeriod() }));

const { heartbeat, handleHeartbeat } = await import('./heartbeat');
const { usagePeriod } = await import('./usage-period');

afterEach(() => vi.resetAllMocks());

describe('heartbeat', () => {
	it('is OK when ClickHouse answers', async () => {
		queryOne.mockResolvedValue({ ok: 1 });
		expect(await heartbeat()).toEqual({ status: 200, body: { status: 'OK', message: 'API is ready' } });
	});

	it('is FAIL with 503 (still JSON) when ClickHouse does not', async () => {
		queryOne.mockRejectedValue(new Error('connection refused'));
		vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const res = await handleHeartbeat();
		expect(res.status).toBe(503);
		expect(res.headers.get('content-type')).toMatch(/application\/json/);
		expect(await res.json()).toEqual({ status: 'FAIL', message: expect.any(String) });
	});
});

describe('usagePeriod', () => {
	it('gives the first event time and no periodEnd', async () => {
		logPeriod.mockResolvedValue({ first: '2021-01-31T10:20:30.000Z', last: '2026-01-01T00:00:00.000Z' });
		expect(await usagePeriod()).toEqual({ periodStart: '2021-01-31T10:20:30.000Z' });
	});

	it('gives now as the start of an empty log', async () => {
		logPeriod.mockResolvedValue({ first: null, last: null });
		const now = new Date('2026-02-03T04:05:06.789Z');
		expect(await usagePeriod(now)).toEqual({ periodStart: '2026-02-03T04:05:06.789Z' });
	});
});
