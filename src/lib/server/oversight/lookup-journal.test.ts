import { describe, expect, it } from 'vitest';
import { parseJournal } from './lookup-journal';
import { lookupEvents } from './record-lookup';

/** Look-up events as the server builds them, for three people. */
const [a, b, c] = lookupEvents({ auditor: 'EE47101010033', caseRef: 'AKI-1', action: 'Oversight search', subjects: ['EE38001085718', 'EE48705020657', 'EE39506071623'] });

describe('parseJournal', () => {
	it('reads each line’s look-up, in order', () => {
		const text = `${JSON.stringify([a, b])}\n${JSON.stringify([c])}\n`;
		const { events, skipped } = parseJournal(text);
		expect(events).toEqual([a, b, c]);
		expect(skipped).toBe(0);
	});

	it('leaves out a line cut short, and a line that is not a list of valid events', () => {
		const whole = JSON.stringify([a]);
		const text = [whole, JSON.stringify([{ ...b, subject_code: 'EE1' }]), '{}', whole.slice(0, 40)].join('\n');
		const { events, skipped } = parseJournal(text);
		expect(events).toEqual([a]);
		expect(skipped).toBe(3);
	});

	it('is empty for an empty journal', () => {
		expect(parseJournal('')).toEqual({ events: [], skipped: 0 });
	});
});
