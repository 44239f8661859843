import { describe, expect, it } from 'vitest';
import type { SubjectEvent } from '../usage/citizen-view';
import { digestMessage, eventsMessage, LISTED_USES } from './announce';
import { digestKey, eventKey, messageId } from './keys';
import type { Preference } from './preference';
import type { NewUse } from './uses';

const S = 'EE38001085718';
const A = '70000001';
const B = '70000002';

let n = 0;
function use(over: Partial<SubjectEvent> = {}, disclosed = false): NewUse {
	n++;
	return {
		subject: S,
		disclosed,
		use: {
			event_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
			logged_at: '2026-01-14T08:00:00.000Z', // Wednesday 10:00 in Tallinn
			restricted: false,
			agency_code: A,
			system: 'SYS',
			action: 'Checking an address',
			purpose_code: 'P1',
			legal_basis: 'Act § 1',
			data_categories: ['identity'],
			intermediary_code: '',
			bulk: false,
			automated: false,
			...over
		}
	};
}

const withheld = (): NewUse => use({ restricted: true, agency_code: '', system: '', action: '', purpose_code: '', legal_basis: '', data_categories: [] });

const pref = (mode: Preference['mode'], agencies: string[] = []): Preference => ({ mode, agencies, email: 'a@example.ee', lang: 'en' });

describe('the message for a person’s new uses', () => {
	it('announces several uses in one message, oldest first, with a key each', () => {
		const later = use({ logged_at: '2026-01-14T09:00:00.000Z' });
		const earlier = use({ logged_at: '2026-01-14T07:00:00.000Z' });
		const m = eventsMessage(S, pref('every'), [later, earlier], null, new Set())!;
		expect(m.keys).toEqual([eventKey(S, earlier.use.event_id, 'every'), eventKey(S, later.use.event_id, 'every')]);
		expect(m.id).toBe(messageId(m.keys));
		expect(m.payload).toMatchObject({ kind: 'events', mode: 'every', total: 2 });
		expect(m.payload.kind === 'events' && m.payload.uses.map((u) => u.event_id)).toEqual([earlier.use.event_id, later.use.event_id]);
		expect(m).toMatchObject({ subject: S, kind: 'events', preference: 'every', email: 'a@example.ee', lang: 'en' });
	});

	it('skips uses already announced, and makes no message when nothing is left', () => {
		const a = use();
		const b = use();
		const recorded = new Set([eventKey(S, a.use.event_id, 'every')]);
		const m = eventsMessage(S, pref('every'), [a, b], null, recorded)!;
		expect(m.keys).toEqual([eventKey(S, b.use.event_id, 'every')]);
		recorded.add(m.keys[0]!);
		expect(eventsMessage(S, pref('every'), [a, b], null, recorded)).toBeNull();
	});

	it('announces a restricted use with its time only', () => {
		const r = withheld();
		const m = eventsMessage(S, pref('every'), [r], null, new Set())!;
		expect(m.payload.kind === 'events' && m.payload.uses).toEqual([{ restricted: true, event_id: r.use.event_id, at: r.use.logged_at, reasons: [] }]);
	});

	it('marks a sealed use announced on its disclosure', () => {
		const m = eventsMessage(S, pref('every'), [use({}, true)], null, new Set())!;
		expect(m.payload.kind === 'events' && m.payload.uses[0]).toMatchObject({ restricted: false, disclosed: true });
	});

	it('per agency: only the chosen agencies’ uses', () => {
		const fromA = use();
		const fromB = use({ agency_code: B });
		const m = eventsMessage(S, pref('agencies', [B]), [fromA, fromB, withheld()], null, new Set())!;
		expect(m.keys).toEqual([eventKey(S, fromB.use.event_id, 'agencies')]);
		expect(eventsMessage(S, pref('agencies', ['70000003']), [fromA, fromB], null, new Set())).toBeNull();
	});

	it('only unusual: the uses the detection rules name, with the rules as reasons', () => {
		const usual = use();
		const night = use({ logged_at: '2026-01-14T01:00:00.000Z' });
		const snooped = use({ agency_code: B });
		const rules = new Map([
			[night.use.event_id, ['off-hours'] as const],
			[snooped.use.event_id, ['relative-lookup', 'no-case-ref'] as const]
		]);
		const m = eventsMessage(S, pref('unusual'), [usual, night, snooped], (u) => rules.get(u.use.event_id) ?? [], new Set())!;
		expect(m.payload.kind === 'events' && m.payload.uses.map((u) => [u.event_id, u.reasons])).toEqual([
			[night.use.event_id, ['off-hours']],
			[snooped.use.event_id, ['relative-lookup', 'no-case-ref']]
		]);
		// Without reasons nothing is unusual: the stream of new uses alone announces none.
		expect(eventsMessage(S, pref('unusual'), [usual, night], null, new Set())).toBeNull();
	});

	it('the weekly digest and none announce no single use', () => {
		expect(eventsMessage(S, pref('digest'), [use()], null, new Set())).toBeNull();
		expect(eventsMessage(S, pref('none'), [use()], null, new Set())).toBeNull();
	});

	it('lists at most LISTED_USES uses and counts them all', () => {
		const many = Array.from({ length: LISTED_USES + 5 }, () => use());
		const m = eventsMessage(S, pref('every'), many, null, new Set())!;
		expect(m.keys).toHaveLength(LISTED_USES + 5);
		expect(m.payload.kind === 'events' && [m.payload.total, m.payload.uses.length]).toEqual([LISTED_USES + 5, LISTED_USES]);
	});
});

describe('the weekly digest message', () => {
	const week = { week: '2026-W03', firstDay: '2026-01-12', lastDay: '2026-01-18' };

	it('is one per person and week, keyed by both', () => {
		const m = digestMessage(S, { email: '', lang: 'et' }, week, [{ agency: A, count: 3 }], new Set())!;
		expect(m.keys).toEqual([digestKey(S, '2026-W03')]);
		expect(m).toMatchObject({ kind: 'digest', preference: 'digest', email: '', lang: 'et' });
		expect(digestMessage(S, { email: '', lang: 'et' }, week, [{ agency: A, count: 3 }], new Set(m.keys))).toBeNull();
	});

	it('is not made for a week without uses', () => {
		expect(digestMessage(S, { email: '', lang: 'et' }, week, [], new Set())).toBeNull();
	});
});
