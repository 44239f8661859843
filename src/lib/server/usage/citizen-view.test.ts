import { describe, expect, it } from 'vitest';
import { newestFirst, pageOfHistory, toSubjectEvent, type SubjectEvent } from './citizen-view';

const event = (i: number, agency: string, restricted = false): SubjectEvent => ({
	event_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
	logged_at: new Date(Date.UTC(2026, 0, 1) + (100 - i) * 3_600_000).toISOString(),
	restricted,
	agency_code: restricted ? '' : agency,
	system: restricted ? '' : 'RR',
	action: restricted ? '' : 'lookup',
	purpose_code: '',
	legal_basis: '',
	data_categories: [],
	intermediary_code: '',
	bulk: false,
	automated: false
});

// Newest first, as the query returns them: event 0 is the latest.
const history = [
	event(0, '70000001'),
	event(1, '70000002'),
	event(2, '70000001', true),
	event(3, '70000001'),
	event(4, '70000003'),
	event(5, '70000002')
];
const all = { subject: 'EE38001085718', from: null, to: null, agency: null, offset: 0, limit: 50 };

describe('pageOfHistory', () => {
	it('pages and counts the whole history', () => {
		const r = pageOfHistory(history, { ...all, offset: 2, limit: 3 });
		expect(r.total).toBe(6);
		expect(r.events.map((e) => e.event_id.slice(-1))).toEqual(['2', '3', '4']);
	});

	it('lists agencies by events, restricted ones under none, ties by code', () => {
		expect(pageOfHistory(history, all).agencies).toEqual([
			{ agency_code: '70000001', events: 2 },
			{ agency_code: '70000002', events: 2 },
			{ agency_code: '70000003', events: 1 }
		]);
	});

	it('filters by agency without matching restricted events', () => {
		const r = pageOfHistory(history, { ...all, agency: '70000001' });
		expect(r.total).toBe(2);
		expect(r.events.every((e) => !e.restricted && e.agency_code === '70000001')).toBe(true);
	});

	it('takes the period as [from, to)', () => {
		const from = history[4]!.logged_at;
		const to = history[1]!.logged_at;
		const r = pageOfHistory(history, { ...all, from, to });
		expect(r.events.map((e) => e.event_id.slice(-1))).toEqual(['2', '3', '4']);
		expect(r.total).toBe(3);
	});
});

describe('toSubjectEvent', () => {
	const stored = {
		event_id: '00000000-0000-4000-8000-000000000001',
		logged_at: '2026-01-01T10:00:00.000Z',
		agency_code: '70008440',
		system: 'POLIS',
		action: 'Criminal investigation query',
		purpose_code: 'CRIM-INV',
		legal_basis: 'Code of Criminal Procedure § 215',
		data_categories: ['identity', 'criminal.records'],
		intermediary_code: '70003098',
		bulk: false,
		automated: true
	};

	it('keeps a visible event as stored', () => {
		expect(toSubjectEvent({ ...stored, visibility: 'visible' })).toEqual({ ...stored, restricted: false });
	});

	it('shows a restricted event with its time only', () => {
		const e = toSubjectEvent({ ...stored, visibility: 'restricted' });
		expect(e).toEqual({
			event_id: stored.event_id,
			logged_at: stored.logged_at,
			restricted: true,
			agency_code: '',
			system: '',
			action: '',
			purpose_code: '',
			legal_basis: '',
			data_categories: [],
			intermediary_code: '',
			bulk: false,
			automated: false
		});
		expect(JSON.stringify(e)).not.toContain('POLIS');
	});
});

describe('newestFirst', () => {
	it('orders by time, then by event_id, both descending', () => {
		const at = (t: string, id: string) => ({ ...event(0, '70000001'), logged_at: t, event_id: id });
		const sorted = [
			at('2026-01-01T10:00:00.000Z', 'a'),
			at('2026-01-02T10:00:00.000Z', 'a'),
			at('2026-01-01T10:00:00.000Z', 'c'),
			at('2026-01-01T10:00:00.000Z', 'b')
		].sort(newestFirst);
		expect(sorted.map((e) => `${e.logged_at.slice(8, 10)}${e.event_id}`)).toEqual(['02a', '01c', '01b', '01a']);
	});
});
