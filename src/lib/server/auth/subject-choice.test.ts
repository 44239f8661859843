import { beforeEach, describe, expect, it, vi } from 'vitest';
import { zoneDayStart } from '../../format';

// The register's answers, scripted: these tests are about what the cache may keep.
const register = vi.hoisted(() => ({ representationAt: vi.fn(), representableMinors: vi.fn() }));
vi.mock('./representation', () => register);

const { currentMinor, currentMinors, forgetSession } = await import('./subject-choice');

const PARENT = 'EE48801010001';
const CHILD = 'EE60806150004';
// Access ends at midnight in Tallinn at the start of 15 June 2026 (21:00 UTC on the 14th, summer time).
const minor = { code: CHILD, name: 'Child Example', accessEnds: '2026-06-15' };
const MIDNIGHT = zoneDayStart('2026-06-15').getTime();

beforeEach(() => {
	register.representationAt.mockReset();
	register.representableMinors.mockReset();
	forgetSession('s1');
});

describe('currentMinor', () => {
	it('answers from the cache within a minute, then asks the register again', async () => {
		register.representationAt.mockResolvedValue({ ok: true, minor });
		const t = Date.UTC(2026, 0, 10, 12);
		expect(await currentMinor('s1', PARENT, CHILD, t)).toEqual(minor);
		expect(await currentMinor('s1', PARENT, CHILD, t + 30_000)).toEqual(minor);
		expect(register.representationAt).toHaveBeenCalledTimes(1);
		await currentMinor('s1', PARENT, CHILD, t + 61_000);
		expect(register.representationAt).toHaveBeenCalledTimes(2);
	});

	it('never keeps a child past midnight of the 18th birthday, even within the minute', async () => {
		register.representationAt.mockResolvedValueOnce({ ok: true, minor }).mockResolvedValue({ ok: false, reason: 'adult', adultOn: '2026-06-15' });
		expect(await currentMinor('s1', PARENT, CHILD, MIDNIGHT - 10_000)).toEqual(minor);
		expect(await currentMinor('s1', PARENT, CHILD, MIDNIGHT - 1)).toEqual(minor);
		expect(await currentMinor('s1', PARENT, CHILD, MIDNIGHT)).toBeNull();
		expect(register.representationAt).toHaveBeenCalledTimes(2);
	});

	it('keeps each session’s answers apart, and forgets a session on request', async () => {
		register.representationAt.mockResolvedValue({ ok: true, minor });
		const t = Date.UTC(2026, 0, 10, 12);
		await currentMinor('s1', PARENT, CHILD, t);
		await currentMinor('s2', PARENT, CHILD, t);
		expect(register.representationAt).toHaveBeenCalledTimes(2);
		forgetSession('s1');
		await currentMinor('s1', PARENT, CHILD, t + 1);
		expect(register.representationAt).toHaveBeenCalledTimes(3);
		forgetSession('s2');
	});

	it('does not cache a refusal', async () => {
		register.representationAt.mockResolvedValue({ ok: false, reason: 'not-a-child' });
		const t = Date.UTC(2026, 0, 10, 12);
		expect(await currentMinor('s1', PARENT, CHILD, t)).toBeNull();
		expect(await currentMinor('s1', PARENT, CHILD, t + 1)).toBeNull();
		expect(register.representationAt).toHaveBeenCalledTimes(2);
	});
});

describe('currentMinors', () => {
	it('drops a child from the cached list at midnight of the 18th birthday', async () => {
		const younger = { code: 'EE61501010002', name: 'Younger Example', accessEnds: '2033-01-01' };
		register.representableMinors.mockResolvedValue([minor, younger]);
		expect(await currentMinors('s1', PARENT, MIDNIGHT - 5_000)).toEqual([minor, younger]);
		register.representableMinors.mockResolvedValue([younger]);
		expect(await currentMinors('s1', PARENT, MIDNIGHT)).toEqual([younger]);
	});
});
