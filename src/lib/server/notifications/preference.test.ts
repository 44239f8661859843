import { describe, expect, it } from 'vitest';
import { MAX_AGENCIES, parsePreferenceForm } from './preference';

const KNOWN = new Set(['70000001', '70000002']);
const known = (code: string) => KNOWN.has(code);

function form(fields: Record<string, string | string[]>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
	return f;
}

describe('the notification settings form', () => {
	it('accepts a complete form, agencies sorted and deduplicated, e-mail trimmed', () => {
		const r = parsePreferenceForm(form({ mode: 'agencies', agencies: ['70000002', '70000001', '70000002'], email: ' a@example.ee ', lang: 'ru' }), known);
		expect(r).toEqual({ ok: true, value: { mode: 'agencies', agencies: ['70000001', '70000002'], email: 'a@example.ee', lang: 'ru' } });
	});

	it('accepts no e-mail address (inbox only)', () => {
		expect(parsePreferenceForm(form({ mode: 'every', email: '', lang: 'et' }), known)).toEqual({
			ok: true,
			value: { mode: 'every', agencies: [], email: '', lang: 'et' }
		});
	});

	it('names every bad field at once', () => {
		const r = parsePreferenceForm(form({ mode: 'sometimes', email: 'not an address', lang: 'fi' }), known);
		expect(r).toEqual({ ok: false, errors: { mode: { key: 'mode' }, email: { key: 'email' }, lang: { key: 'lang' } } });
		expect(parsePreferenceForm(new FormData(), known)).toMatchObject({ ok: false, errors: { mode: { key: 'mode' }, lang: { key: 'lang' } } });
	});

	it('wants at least one agency for the per-agency mode, and only known ones', () => {
		expect(parsePreferenceForm(form({ mode: 'agencies', email: '', lang: 'en' }), known)).toEqual({ ok: false, errors: { agencies: { key: 'agencies' } } });
		expect(parsePreferenceForm(form({ mode: 'agencies', agencies: ['70000009'], email: '', lang: 'en' }), known)).toEqual({
			ok: false,
			errors: { agencies: { key: 'unknownAgency', values: { code: '70000009' } } }
		});
		expect(parsePreferenceForm(form({ mode: 'every', agencies: ['x1'], email: '', lang: 'en' }), known)).toEqual({
			ok: false,
			errors: { agencies: { key: 'unknownAgency', values: { code: 'x1' } } }
		});
		const tooMany = Array.from({ length: MAX_AGENCIES + 1 }, (_, i) => String(70000000 + i));
		expect(parsePreferenceForm(form({ mode: 'agencies', agencies: tooMany, email: '', lang: 'en' }), () => true)).toEqual({
			ok: false,
			errors: { agencies: { key: 'tooManyAgencies', values: { max: MAX_AGENCIES } } }
		});
	});
});
