import { describe, expect, it } from 'vitest';
import { makePersonalCode } from '../personal-code';
import { validateServiceEvent } from './service-event';

const code = makePersonalCode({ year: 1990, month: 5, day: 17 }, 'F', 42);
const NOW = Date.parse('2026-03-01T12:00:00Z');

const byCode = (over: Record<string, unknown> = {}) => ({
	event_id: '0b8f0c8e-8c4a-4f0e-9d55-1c2d3e4f5a6b',
	used_at: '2026-02-20T09:00:00Z',
	agency_code: '70000349',
	service: 'income-tax-return',
	channel: 'web',
	outcome: 'completed',
	user_code: `EE${code}`,
	...over
});
const byParts = (over: Record<string, unknown> = {}) => {
	const { user_code: _, ...rest } = byCode();
	return { ...rest, user_age_band: '65+', user_county: 'Tartu County', user_pseudonym: 'u-1', ...over };
};
const without = (o: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

describe('validateServiceEvent', () => {
	it('accepts a user by code', () => {
		const r = validateServiceEvent(byCode(), NOW);
		expect(r).toEqual({
			ok: true,
			value: {
				event_id: '0b8f0c8e-8c4a-4f0e-9d55-1c2d3e4f5a6b',
				usedAt: Date.parse('2026-02-20T09:00:00Z'),
				agency_code: '70000349',
				service: 'income-tax-return',
				channel: 'web',
				outcome: 'completed',
				user: { kind: 'code', code, birthYear: 1990 }
			}
		});
	});

	it('accepts a user by age band, county and pseudonym', () => {
		const r = validateServiceEvent(byParts(), NOW);
		expect(r.ok && r.value.user).toEqual({ kind: 'pseudonym', pseudonym: 'u-1', ageBand: '65+', county: 'Tartu County' });
	});

	const cases: [string, Record<string, unknown>, string, RegExp][] = [
		['an unknown field', byCode({ extra: 1 }), 'extra', /not a field/],
		['event_id not a UUID', byCode({ event_id: '123' }), 'event_id', /UUID/],
		['used_at not RFC 3339', byCode({ used_at: 'yesterday' }), 'used_at', /RFC 3339/],
		['used_at in the future', byCode({ used_at: '2026-03-02T00:00:00Z' }), 'used_at', /future/],
		['used_at before 2000', byCode({ used_at: '1999-06-01T00:00:00Z' }), 'used_at', /2000/],
		['agency_code not 8 digits', byCode({ agency_code: '123' }), 'agency_code', /8-digit/],
		['agency_code missing', without(byCode(), 'agency_code'), 'agency_code', /string/],
		['service with capitals', byCode({ service: 'IncomeTax' }), 'service', /lower-case/],
		['service empty', byCode({ service: '' }), 'service', /1-64/],
		['service too long', byCode({ service: 'a'.repeat(65) }), 'service', /1-64/],
		['channel unknown', byCode({ channel: 'fax' }), 'channel', /web, mobile_app, machine_to_machine, service_desk/],
		['outcome unknown', byCode({ outcome: 'maybe' }), 'outcome', /completed, failed, abandoned/],
		['user_code invalid', byCode({ user_code: 'EE12345678901' }), 'user_code', /personal code/],
		['user_code with parts', byCode({ user_pseudonym: 'x' }), 'user_pseudonym', /not be sent with user_code/],
		['no user', without(byCode(), 'user_code'), 'user_code', /required/],
		['parts without age band', without(byParts(), 'user_age_band'), 'user_age_band', /required/],
		['parts without county', without(byParts(), 'user_county'), 'user_county', /required/],
		['parts without pseudonym', without(byParts(), 'user_pseudonym'), 'user_pseudonym', /required/],
		['age band unknown', byParts({ user_age_band: '66-70' }), 'user_age_band', /0-17/],
		['county unknown', byParts({ user_county: 'Lapland' }), 'user_county', /one of/],
		['pseudonym too long', byParts({ user_pseudonym: 'y'.repeat(129) }), 'user_pseudonym', /1-128/]
	];
	it.each(cases)('rejects %s, naming the field', (_name, value, field, message) => {
		const r = validateServiceEvent(value, NOW);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.field).toBe(field);
			expect(r.message).toMatch(message);
		}
	});
});
