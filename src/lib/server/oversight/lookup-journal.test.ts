import { describe, expect, it } from 'vitest';
import { parseJournal } from './lookup-journal';

const event = (id: number) => ({
	event_id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
	logged_at: '2026-11-28T10:00:00.000Z',
	subject_code: 'EE38001085718',
	agency_code: '70004235',
	system: 'AKI-JARELEVALVE',
	action: 'Oversight search',
	purpose_code: 'AKI-OVERSIGHT',
	legal_basis: 'IKS § 56',
	actor_code: 'EE47101010033',
	case_ref: 'AKI-1',
	data_categories: ['identity'],
	intermediary_code: '',
	xroad_client: '',
	xroad_service: '',
	xroad_message_id: '',
	visibility: 'visible',
	disclose_after: null,
	bulk: false
});

describe('parseJournal', () => {
	it('reads each line’s look-up, in order', () => {
		const text = `${JSON.stringify([event(1), event(2)])}\n${JSON.stringify([event(3)])}\n`;
		const { events, skipped } = parseJournal(text);
		expect(events.map((e) => e.event_id.slice(-1))).toEqual(['1', '2', '3']);
		expect(events[0]).toEqual(event(1));
		expect(skipped).toBe(0);
	});

	it('leaves out a line cut short, and a line that is not a list of valid events', () => {
		const whole = JSON.stringify([event(1)]);
		const text = [whole, JSON.stringify([{ ...event(2), subject_code: 'EE1' }]), '{}', whole.slice(0, 40)].join('\n');
		const { events, skipped } = parseJournal(text);
		expect(events.map((e) => e.event_id)).toEqual([event(1).event_id]);
		expect(skipped).toBe(3);
	});

	it('is empty for an empty journal', () => {
		expect(parseJournal('')).toEqual({ events: [], skipped: 0 });
	});
});
