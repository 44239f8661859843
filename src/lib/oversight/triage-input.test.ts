import { describe, expect, it } from 'vitest';
import { REASON_MAX, parseTriage } from './triage-input';

const ok = { alertId: '0B0E7F8A-1C2D-4E5F-8A9B-0C1D2E3F4A5B', decision: 'incident', reason: '  Looked up a neighbour  ', actor: 'EE38001085718' };

describe('parseTriage', () => {
	it('accepts a decision with a reason, trimmed, and the alert id in lower case', () => {
		expect(parseTriage(ok)).toEqual({
			ok: true,
			data: { alertId: '0b0e7f8a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', decision: 'incident', reason: 'Looked up a neighbour', actor: 'EE38001085718' }
		});
		for (const decision of ['explained', 'false_positive']) expect(parseTriage({ ...ok, decision }).ok).toBe(true);
		expect(parseTriage({ ...ok, reason: 'x'.repeat(REASON_MAX) }).ok).toBe(true);
		expect(parseTriage({ ...ok, reason: 'abc' }).ok).toBe(true);
	});

	it('names the field of each problem', () => {
		const err = (input: Record<string, unknown>) => {
			const r = parseTriage(input);
			return r.ok ? null : [r.error.field, r.error.code];
		};
		expect(err({ ...ok, decision: undefined })).toEqual(['decision', 'decisionMissing']);
		expect(err({ ...ok, decision: 'untriaged' })).toEqual(['decision', 'decisionMissing']);
		expect(err({ ...ok, reason: undefined })).toEqual(['reason', 'reasonTooShort']);
		expect(err({ ...ok, reason: '  ab  ' })).toEqual(['reason', 'reasonTooShort']);
		expect(err({ ...ok, reason: 'x'.repeat(REASON_MAX + 1) })).toEqual(['reason', 'reasonTooLong']);
		expect(err({ ...ok, alertId: 'alert-1' })).toEqual(['alertId', 'alertId']);
		expect(err({ ...ok, actor: '' })).toEqual(['actor', 'actor']);
		expect(err(null as unknown as Record<string, unknown>)).toEqual(['alertId', 'alertId']);
	});

	it('gives the API an English message naming the field', () => {
		const r = parseTriage({ ...ok, reason: '' });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message).toBe('reason must have at least 3 characters');
	});
});
