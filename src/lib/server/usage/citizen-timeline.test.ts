import { describe, expect, it } from 'vitest';
import { groupKey, timelineOfHistory, GROUP_LIST_LIMIT } from './citizen-timeline';
import type { SubjectEvent } from './citizen-view';

let n = 0;
function use(at: string, over: Partial<SubjectEvent> = {}): SubjectEvent {
	n++;
	return {
		event_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		logged_at: at,
		restricted: false,
		agency_code: '70000001',
		system: 'RR',
		action: 'lookup',
		purpose_code: '',
		legal_basis: '',
		data_categories: [],
		intermediary_code: '',
		bulk: false,
		automated: false,
		...over
	};
}
const q = { subject: 'EE38001085718', from: null, to: null, agency: null, offset: 0, limit: 50, group: true };
const newestFirst = (list: SubjectEvent[]) => [...list].sort((a, b) => (a.logged_at < b.logged_at ? 1 : -1));

describe('groupKey', () => {
	it('groups automated and bulk uses by agency, system and Tallinn month', () => {
		expect(groupKey(use('2026-05-10T10:00:00Z', { automated: true }))).toBe('70000001|RR|2026-05');
		expect(groupKey(use('2026-05-31T21:30:00Z', { bulk: true }))).toBe('70000001|RR|2026-06'); // 00:30 on 1 June in Tallinn
		expect(groupKey(use('2026-05-10T10:00:00Z'))).toBeNull();
		expect(groupKey(use('2026-05-10T10:00:00Z', { automated: true, restricted: true }))).toBeNull();
	});
});

describe('timelineOfHistory', () => {
	it('makes one line of a month’s automated uses, where its newest use is', () => {
		const history = newestFirst([
			use('2026-05-20T10:00:00Z'),
			use('2026-05-18T10:00:00Z', { automated: true }),
			use('2026-05-12T10:00:00Z', { automated: true }),
			use('2026-05-15T10:00:00Z', { bulk: true }),
			use('2026-05-01T10:00:00Z'),
			use('2026-04-30T10:00:00Z', { automated: true })
		]);
		const t = timelineOfHistory(history, q);
		expect(t.total).toBe(6);
		expect(t.lines).toBe(4);
		expect(t.items.map((i) => (i.kind === 'event' ? i.event.logged_at.slice(5, 10) : `group ${i.month} ×${i.count}`))).toEqual([
			'05-20',
			'group 2026-05 ×3',
			'05-01',
			'04-30' // alone in its month: a line of its own
		]);
	});

	it('pages by lines and lists at most GROUP_LIST_LIMIT uses of a group', () => {
		const many = Array.from({ length: GROUP_LIST_LIMIT + 5 }, (_, i) => use(new Date(Date.UTC(2026, 2, 2) + i * 60_000).toISOString(), { automated: true }));
		const history = newestFirst([...many, use('2026-03-20T10:00:00Z'), use('2026-01-20T10:00:00Z')]);
		const t = timelineOfHistory(history, { ...q, offset: 1, limit: 1 });
		expect(t.lines).toBe(3);
		const g = t.items[0]!;
		expect(g.kind).toBe('group');
		if (g.kind === 'group') {
			expect(g.count).toBe(GROUP_LIST_LIMIT + 5);
			expect(g.events).toHaveLength(GROUP_LIST_LIMIT);
			expect(g.events[0]!.logged_at > g.events[1]!.logged_at).toBe(true);
		}
	});

	it('shows every use on its own line when asked', () => {
		const history = newestFirst([use('2026-05-18T10:00:00Z', { automated: true }), use('2026-05-12T10:00:00Z', { automated: true })]);
		const t = timelineOfHistory(history, { ...q, group: false });
		expect(t.lines).toBe(2);
		expect(t.items.every((i) => i.kind === 'event')).toBe(true);
	});

	it('applies the filters before grouping', () => {
		const history = newestFirst([
			use('2026-05-18T10:00:00Z', { automated: true }),
			use('2026-05-12T10:00:00Z', { automated: true, agency_code: '70000002' }),
			use('2026-05-10T10:00:00Z', { automated: true })
		]);
		const t = timelineOfHistory(history, { ...q, agency: '70000002' });
		expect(t.total).toBe(1);
		expect(t.items).toHaveLength(1);
		expect(t.items[0]!.kind).toBe('event');
	});
});
