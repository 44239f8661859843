import { describe, expect, it } from 'vitest';
import type { Agency } from '../reference/agencies';
import type { Purpose } from '../reference/purposes';
import { EXPORT_COLUMNS, tallinnIsoTime, toCsvRecord, toExportEvent, type ExportContext } from './export-rows';
import { purposeText } from '../reference/purposes';
import type { HistoryEvent } from './subject-history';

const agencies = new Map<string, Agency>([
	['70000001', { code: '70000001', name: 'Tax and Customs Board', name_et: 'Maksu- ja Tolliamet', kind: 'agency' }],
	['70000002', { code: '70000002', name: 'Information System Authority', name_et: 'Riigi Infosüsteemi Amet', kind: 'agency' }]
]);
const purposes = new Map<string, Purpose>([
	['TAX-CHECK', { code: 'TAX-CHECK', text_en: 'Checking a tax return', text_et: 'Maksudeklaratsiooni kontroll', text_ru: '', legal_basis: 'Taxation Act § 58' }],
	['NO-ET', { code: 'NO-ET', text_en: 'Only in English', text_et: '', text_ru: '', legal_basis: '' }]
]);
const ctx = (lang: ExportContext['lang']): ExportContext => ({
	lang,
	agency: (code) => agencies.get(code),
	systemName: (agency, system) => (agency === '70000001' && system === 'MKR' ? 'Tax register' : system),
	purposes
});

function stored(overrides: Partial<HistoryEvent> = {}): HistoryEvent {
	return {
		event_id: '0a1b2c3d-0000-4000-8000-000000000001',
		logged_at: '2026-05-04T09:15:02.120Z',
		restricted: false,
		agency_code: '70000001',
		system: 'MKR',
		action: 'Looked up income',
		purpose_code: 'TAX-CHECK',
		legal_basis: '',
		data_categories: ['income', 'identity'],
		intermediary_code: '',
		bulk: true,
		automated: false,
		ledger_index: 1234,
		...overrides
	};
}

describe('tallinnIsoTime', () => {
	it('writes Estonian summer and winter time with their offsets', () => {
		expect(tallinnIsoTime(new Date('2026-05-04T09:15:02.120Z'))).toBe('2026-05-04T12:15:02.120+03:00');
		expect(tallinnIsoTime(new Date('2026-01-15T22:30:00.000Z'))).toBe('2026-01-16T00:30:00.000+02:00');
	});

	it('follows the change of offset within a day', () => {
		// 29 March 2026: clocks go from 03:00 to 04:00 local (01:00 UTC).
		expect(tallinnIsoTime(new Date('2026-03-29T00:59:59.999Z'))).toBe('2026-03-29T02:59:59.999+02:00');
		expect(tallinnIsoTime(new Date('2026-03-29T01:00:00.000Z'))).toBe('2026-03-29T04:00:00.000+03:00');
	});
});

describe('purposeText', () => {
	it('uses the language’s text, English where it is empty or missing', () => {
		expect(purposeText(purposes.get('TAX-CHECK')!, 'et')).toBe('Maksudeklaratsiooni kontroll');
		expect(purposeText(purposes.get('TAX-CHECK')!, 'en')).toBe('Checking a tax return');
		expect(purposeText(purposes.get('NO-ET')!, 'et')).toBe('Only in English');
		expect(purposeText(purposes.get('TAX-CHECK')!, 'ru')).toBe('Checking a tax return');
		expect(purposeText({ ...purposes.get('TAX-CHECK')!, text_ru: 'Проверка налоговой декларации' } as Purpose, 'ru')).toBe(
			'Проверка налоговой декларации'
		);
	});
});

describe('toExportEvent', () => {
	it('explains an event: names, purpose text in the language, the catalogue’s legal basis when the agency gave none', () => {
		expect(toExportEvent(stored(), ctx('en'))).toEqual({
			event_id: '0a1b2c3d-0000-4000-8000-000000000001',
			time_utc: '2026-05-04T09:15:02.120Z',
			time_tallinn: '2026-05-04T12:15:02.120+03:00',
			restricted: false,
			agency_code: '70000001',
			agency_name: 'Tax and Customs Board',
			intermediary_code: null,
			intermediary_name: null,
			system_code: 'MKR',
			system_name: 'Tax register',
			purpose_code: 'TAX-CHECK',
			purpose_text: 'Checking a tax return',
			action: 'Looked up income',
			legal_basis: 'Taxation Act § 58',
			data_categories: ['income', 'identity'],
			bulk: true,
			ledger_index: 1234
		});
		const et = toExportEvent(stored({ legal_basis: 'Own basis § 1' }), ctx('et'));
		expect(et).toMatchObject({ agency_name: 'Maksu- ja Tolliamet', purpose_text: 'Maksudeklaratsiooni kontroll', legal_basis: 'Own basis § 1' });
	});

	it('names the intermediary only when another agency carried the query', () => {
		expect(toExportEvent(stored({ intermediary_code: '70000002' }), ctx('en'))).toMatchObject({
			intermediary_code: '70000002',
			intermediary_name: 'Information System Authority'
		});
		expect(toExportEvent(stored({ intermediary_code: '70000001' }), ctx('en'))).toMatchObject({ intermediary_code: null, intermediary_name: null });
	});

	it('leaves out what the catalogue does not know', () => {
		const e = toExportEvent(stored({ agency_code: '79999999', system: 'X', purpose_code: '', legal_basis: '' }), ctx('en'));
		expect(e).toMatchObject({ agency_code: '79999999', agency_name: null, system_name: 'X', purpose_code: null, purpose_text: null, legal_basis: null });
	});

	it('shows a restricted event’s time, id and position only', () => {
		// As the query blanks it (citizen-view's SUBJECT_COLUMNS); bulk is not blanked there.
		const restricted = stored({
			restricted: true,
			agency_code: '',
			system: '',
			action: '',
			purpose_code: '',
			legal_basis: '',
			data_categories: [],
			intermediary_code: '',
			bulk: true
		});
		const e = toExportEvent(restricted, ctx('en'));
		expect(e).toEqual({
			event_id: restricted.event_id,
			time_utc: '2026-05-04T09:15:02.120Z',
			time_tallinn: '2026-05-04T12:15:02.120+03:00',
			restricted: true,
			agency_code: null,
			agency_name: null,
			intermediary_code: null,
			intermediary_name: null,
			system_code: null,
			system_name: null,
			purpose_code: null,
			purpose_text: null,
			action: null,
			legal_basis: null,
			data_categories: null,
			bulk: null,
			ledger_index: 1234
		});
	});
});

describe('toCsvRecord', () => {
	it('has every column, as text', () => {
		const r = toCsvRecord(toExportEvent(stored({ intermediary_code: '70000002' }), ctx('en')));
		expect(Object.keys(r)).toEqual([...EXPORT_COLUMNS]);
		expect(r).toMatchObject({ restricted: 'false', bulk: 'true', data_categories: 'income;identity', ledger_index: '1234', intermediary_code: '70000002' });
		const withheld = toCsvRecord(toExportEvent(stored({ restricted: true }), ctx('en')));
		expect(withheld).toMatchObject({ restricted: 'true', agency_code: '', bulk: '', data_categories: '', ledger_index: '1234' });
	});
});
