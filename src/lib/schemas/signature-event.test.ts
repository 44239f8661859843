import { describe, expect, it } from 'vitest';
import { makePersonalCode } from '../personal-code';
import { validateSignatureEvent } from './signature-event';

const code = makePersonalCode({ year: 1980, month: 1, day: 8 }, 'M', 571);
const NOW = Date.parse('2026-03-01T12:00:00Z');

const byCode = (over: Record<string, unknown> = {}) => ({
	event_id: 'A1B2C3D4-0000-4000-8000-000000000001',
	signed_at: '2026-02-27T10:20:30+02:00',
	method: 'id_card',
	sector: 'government',
	container: 'asice',
	signer_code: code,
	...over
});
const byParts = (over: Record<string, unknown> = {}) => {
	const { signer_code: _, ...rest } = byCode();
	return { ...rest, signer_birth_year: 1950, signer_county: 'Ida-Viru County', signer_pseudonym: 'p-123', ...over };
};
const without = (o: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

describe('validateSignatureEvent', () => {
	it('accepts a signer by code (EE prefix or not) and reads the birth year from it; lower-cases the id', () => {
		for (const c of [code, `EE${code}`]) {
			const r = validateSignatureEvent(byCode({ signer_code: c }), NOW);
			expect(r).toEqual({
				ok: true,
				value: {
					event_id: 'a1b2c3d4-0000-4000-8000-000000000001',
					signedAt: Date.parse('2026-02-27T08:20:30Z'),
					method: 'id_card',
					sector: 'government',
					container: 'asice',
					signer: { kind: 'code', code, birthYear: 1980 }
				}
			});
		}
	});

	it('accepts a signer by birth year, county and pseudonym', () => {
		const r = validateSignatureEvent(byParts(), NOW);
		expect(r.ok && r.value.signer).toEqual({ kind: 'pseudonym', pseudonym: 'p-123', birthYear: 1950, county: 'Ida-Viru County' });
	});

	const cases: [string, Record<string, unknown>, string, RegExp][] = [
		['an unknown field', byCode({ colour: 'red' }), 'colour', /not a field/],
		['event_id missing', without(byCode(), 'event_id'), 'event_id', /string/],
		['event_id not a UUID', byCode({ event_id: 'abc' }), 'event_id', /UUID/],
		['signed_at not a string', byCode({ signed_at: 5 }), 'signed_at', /string/],
		['signed_at without offset', byCode({ signed_at: '2026-02-27T10:20:30' }), 'signed_at', /RFC 3339/],
		['signed_at impossible date', byCode({ signed_at: '2026-02-30T10:20:30Z' }), 'signed_at', /RFC 3339/],
		['signed_at in the future', byCode({ signed_at: '2026-03-01T12:06:00Z' }), 'signed_at', /future/],
		['signed_at before 2000', byCode({ signed_at: '1999-12-31T21:59:59Z' }), 'signed_at', /2000/],
		['method unknown', byCode({ method: 'pen' }), 'method', /id_card, mobile_id/],
		['method missing', without(byCode(), 'method'), 'method', /one of/],
		['sector unknown', byCode({ sector: 'church' }), 'sector', /government, business, private/],
		['container unknown', byCode({ container: 'zip' }), 'container', /asice/],
		['signer_code bad check digit', byCode({ signer_code: code.slice(0, 10) + ((Number(code[10]) + 1) % 10) }), 'signer_code', /check digit/],
		['signer_code not digits', byCode({ signer_code: 'abc' }), 'signer_code', /11 digits/],
		['signer_code born after signing', byCode({ signer_code: makePersonalCode({ year: 2027, month: 1, day: 1 }, 'F', 1) }), 'signer_code', /born after/],
		['signer_code and parts together', byCode({ signer_county: 'Harju County' }), 'signer_county', /not be sent with signer_code/],
		['no signer at all', without(byCode(), 'signer_code'), 'signer_code', /required/],
		['parts without county', without(byParts(), 'signer_county'), 'signer_county', /required with signer_birth_year, signer_pseudonym/],
		['parts without pseudonym', without(byParts(), 'signer_pseudonym'), 'signer_pseudonym', /required/],
		['parts without birth year', without(byParts(), 'signer_birth_year'), 'signer_birth_year', /required/],
		['birth year not a number', byParts({ signer_birth_year: '1950' }), 'signer_birth_year', /number/],
		['birth year not whole', byParts({ signer_birth_year: 1950.5 }), 'signer_birth_year', /whole year/],
		['birth year too early', byParts({ signer_birth_year: 1899 }), 'signer_birth_year', /1900/],
		['birth year after signing', byParts({ signer_birth_year: 2027 }), 'signer_birth_year', /year of signed_at/],
		['county unknown', byParts({ signer_county: 'Atlantis' }), 'signer_county', /Harju County/],
		['pseudonym empty', byParts({ signer_pseudonym: '' }), 'signer_pseudonym', /1-128/],
		['pseudonym too long', byParts({ signer_pseudonym: 'x'.repeat(129) }), 'signer_pseudonym', /1-128/],
		['pseudonym lone surrogate', byParts({ signer_pseudonym: '\ud800' }), 'signer_pseudonym', /Unicode/]
	];
	it.each(cases)('rejects %s, naming the field', (_name, value, field, message) => {
		const r = validateSignatureEvent(value, NOW);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.field).toBe(field);
			expect(r.message).toMatch(message);
		}
	});

	it('takes the signing year in Tallinn: 31 December 23:30 UTC is already next year', () => {
		const r = validateSignatureEvent(byParts({ signed_at: '2025-12-31T22:30:00Z', signer_birth_year: 2026 }), NOW);
		expect(r.ok).toBe(true);
	});
});
