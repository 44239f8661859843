import { describe, expect, it } from 'vitest';
import { COMMENT_MAX, parseFlagForm } from './flag-form';

const TOKEN = '0b9f3c1e-6a0d-4c1e-9a7e-2f4b8d6c5a31';
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('the flag form', () => {
	it('accepts "unrecognised" without a comment', () => {
		expect(parseFlagForm(form({ kind: 'unrecognised', comment: '', token: TOKEN }))).toEqual({
			ok: true,
			data: { kind: 'unrecognised', comment: '', token: TOKEN }
		});
	});

	it('accepts "unjustified" with a comment, trimmed, and a token in any case', () => {
		expect(parseFlagForm(form({ kind: 'unjustified', comment: '  I never applied for anything.  ', token: TOKEN.toUpperCase() }))).toEqual({
			ok: true,
			data: { kind: 'unjustified', comment: 'I never applied for anything.', token: TOKEN }
		});
	});

	it('needs a comment for "unjustified" (spaces are not one)', () => {
		expect(parseFlagForm(form({ kind: 'unjustified', comment: '   ', token: TOKEN }))).toEqual({
			ok: false,
			errors: [{ field: 'comment', code: 'commentRequired' }]
		});
	});

	it('allows a comment of up to 2000 characters', () => {
		expect(parseFlagForm(form({ kind: 'unrecognised', comment: 'x'.repeat(COMMENT_MAX), token: TOKEN })).ok).toBe(true);
		expect(parseFlagForm(form({ kind: 'unrecognised', comment: 'x'.repeat(COMMENT_MAX + 1), token: TOKEN }))).toEqual({
			ok: false,
			errors: [{ field: 'comment', code: 'commentTooLong' }]
		});
	});

	it('names every bad field at once', () => {
		expect(parseFlagForm(form({ kind: 'angry', comment: 'x'.repeat(COMMENT_MAX + 1), token: 'not-a-token' }))).toEqual({
			ok: false,
			errors: [
				{ field: 'kind', code: 'kindMissing' },
				{ field: 'comment', code: 'commentTooLong' },
				{ field: 'token', code: 'tokenInvalid' }
			]
		});
		expect(parseFlagForm(new URLSearchParams())).toEqual({
			ok: false,
			errors: [
				{ field: 'kind', code: 'kindMissing' },
				{ field: 'token', code: 'tokenInvalid' }
			]
		});
	});

	it('treats a file upload in place of text as missing text', () => {
		const fd = new FormData();
		fd.set('kind', new Blob(['unrecognised']));
		fd.set('token', TOKEN);
		expect(parseFlagForm(fd)).toEqual({ ok: false, errors: [{ field: 'kind', code: 'kindMissing' }] });
	});
});
