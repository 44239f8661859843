import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translator';
import type { Payload } from './payload';
import { renderEmail, renderMessage, type Names } from './render';

const names: Names = {
	agency: (code) => ({ '70000001': 'Tax and Customs Board' })[code] ?? code,
	purpose: (code) => ({ P1: 'Checking your tax return' })[code] ?? ''
};

const three: Payload = {
	kind: 'events',
	mode: 'every',
	total: 3,
	uses: [
		{ restricted: false, event_id: 'e1', at: '2026-01-14T08:00:00.000Z', agency: '70000001', purpose_code: 'P1', action: 'x', reasons: [], disclosed: false },
		{ restricted: false, event_id: 'e2', at: '2026-01-14T09:00:00.000Z', agency: '70000001', purpose_code: '', action: '', reasons: [], disclosed: true },
		{ restricted: true, event_id: 'e3', at: '2026-01-14T10:00:00.000Z', reasons: [] }
	]
};

describe('message text', () => {
	it('counts the uses in the title and names the agency and purpose per line (restricted: nothing but time)', () => {
		const m = renderMessage(three, translator('en'), names);
		expect(m.title).toBe('3 new uses of your data');
		expect(m.lines.map((l) => [l.time, l.text])).toEqual([
			['14 Jan 2026, 10:00', 'Tax and Customs Board: Checking your tax return'],
			['14 Jan 2026, 11:00', 'Tax and Customs Board: no purpose given'],
			['14 Jan 2026, 12:00', 'A use of your data (details withheld)']
		]);
		expect(m.lines[1]!.notes).toEqual(['This use was kept from view until now (sealed) and has now been disclosed.']);
		expect(m.more).toBeNull();
	});

	it('is written in each language, with its plural forms', () => {
		expect(renderMessage(three, translator('et'), names).title).toBe('Sinu andmeid kasutati 3 korda');
		expect(renderMessage(three, translator('ru'), names).title).toBe('3 новых использования ваших данных');
		const one: Payload = { ...three, total: 1, uses: three.uses.slice(0, 1) };
		expect(renderMessage(one, translator('en'), names).title).toBe('A new use of your data');
	});

	it('explains why a use is unusual, and says how many are not listed', () => {
		const unusual: Payload = { kind: 'events', mode: 'unusual', total: 4, uses: [{ ...three.uses[0]!, reasons: ['outside_hours', 'new_agency'] }] };
		const m = renderMessage(unusual, translator('en'), names);
		expect(m.title).toBe('4 unusual uses of your data');
		expect(m.lines[0]!.notes).toEqual(['Unusual because: outside working hours, the first use by this agency in 365 days']);
		expect(m.more).toBe('… and 3 more uses');
	});

	it('summarises a week per agency', () => {
		const digest: Payload = {
			kind: 'digest',
			week: '2026-W03',
			firstDay: '2026-01-12',
			lastDay: '2026-01-18',
			agencies: [
				{ agency: '70000001', count: 4 },
				{ agency: '', count: 1 }
			]
		};
		const m = renderMessage(digest, translator('en'), names);
		expect(m.title).toBe('Your week 12 Jan 2026 – 18 Jan 2026: 5 uses of your data');
		expect(m.lines.map((l) => l.text)).toEqual(['Tax and Customs Board: 4 uses', 'Details withheld: 1 use']);
	});

	it('makes an e-mail with the title as subject and links to the person’s pages', () => {
		const mail = renderEmail(three, translator('en'), names, 'https://peegel.example.ee');
		expect(mail.subject).toBe('Peegel: 3 new uses of your data');
		expect(mail.text).toContain('- 14 Jan 2026, 10:00: Tax and Customs Board: Checking your tax return');
		expect(mail.text).toContain('https://peegel.example.ee/me\n');
		expect(mail.text).toContain('https://peegel.example.ee/me/notifications');
	});
});
