import { describe, expect, it } from 'vitest';
import { csvPieces } from './csv';
import { EXPORT_COLUMNS, type ExportEvent } from './export-rows';

const BOM = '\ufeff';
const HEADER = EXPORT_COLUMNS.join(',');

function event(overrides: Partial<ExportEvent> = {}): ExportEvent {
	return {
		event_id: '0a1b2c3d-0000-4000-8000-000000000001',
		time_utc: '2026-05-04T09:15:02.120Z',
		time_tallinn: '2026-05-04T12:15:02.120+03:00',
		restricted: false,
		agency_code: '70000001',
		agency_name: 'Police and Border Guard Board',
		intermediary_code: null,
		intermediary_name: null,
		system_code: 'POLIS',
		system_name: 'Police information system',
		purpose_code: 'P1',
		purpose_text: 'Checking a document',
		action: 'lookup',
		legal_basis: 'Police Act § 1',
		data_categories: ['identity', 'contact.address'],
		bulk: false,
		ledger_index: 42,
		...overrides
	};
}

async function csvOf(events: ExportEvent[], batchSize = 2): Promise<string> {
	async function* batches() {
		for (let i = 0; i < events.length; i += batchSize) yield events.slice(i, i + batchSize);
	}
	let out = '';
	for await (const piece of csvPieces(batches())) out += piece;
	return out;
}

/** The data lines of a CSV without BOM and header, split at CRLF (the tests' values have no line breaks unless said). */
const lines = (csv: string) => csv.slice(BOM.length).split('\r\n');

describe('csvPieces', () => {
	it('starts with the BOM and the stable header, and ends every record with CRLF', async () => {
		const csv = await csvOf([]);
		expect(csv).toBe(`${BOM}${HEADER}\r\n`);
	});

	it('writes an event as its cells in the column order', async () => {
		const [, row, end] = lines(await csvOf([event()]));
		expect(row).toBe(
			'0a1b2c3d-0000-4000-8000-000000000001,2026-05-04T09:15:02.120Z,2026-05-04T12:15:02.120+03:00,false,70000001,' +
				'Police and Border Guard Board,,,POLIS,Police information system,P1,Checking a document,lookup,Police Act § 1,' +
				'identity;contact.address,false,42'
		);
		expect(end).toBe('');
	});

	it('quotes cells with commas, quotes and line breaks (RFC 4180), doubling quotes', async () => {
		const csv = await csvOf([
			event({ action: 'said "hello", left', legal_basis: 'line one\nline two', agency_name: 'A\r\nB', system_name: 'C\rD' })
		]);
		expect(csv).toContain(',"said ""hello"", left","line one\nline two",');
		expect(csv).toContain(',"A\r\nB",');
		expect(csv).toContain(',"C\rD",');
	});

	it('neutralises cells a spreadsheet would run as a formula', async () => {
		const dangerous = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', '＝1+1'];
		const csv = await csvOf(dangerous.map((action, i) => event({ action, ledger_index: i })));
		expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
		expect(csv).toContain(",'+1+1,");
		expect(csv).toContain(",'-2+3,");
		expect(csv).toContain(",'@SUM(A1),");
		expect(csv).toContain(",'\tcmd,");
		expect(csv).toContain(`,"'\rcmd",`);
		expect(csv).toContain(",'＝1+1,");
	});

	it('leaves an = or - inside a cell, and the fixed columns, alone', async () => {
		const [, row] = lines(await csvOf([event({ action: 'a=b-c', legal_basis: 'Act § 2 - 3' })]));
		expect(row).toContain(',a=b-c,Act § 2 - 3,');
		expect(row!.startsWith('0a1b2c3d-')).toBe(true);
	});

	it('leaves withheld details of a restricted event empty', async () => {
		const restricted = event({
			restricted: true,
			agency_code: null,
			agency_name: null,
			system_code: null,
			system_name: null,
			purpose_code: null,
			purpose_text: null,
			action: null,
			legal_basis: null,
			data_categories: null,
			bulk: null,
			ledger_index: 7
		});
		const [, row] = lines(await csvOf([restricted]));
		expect(row).toBe('0a1b2c3d-0000-4000-8000-000000000001,2026-05-04T09:15:02.120Z,2026-05-04T12:15:02.120+03:00,true,,,,,,,,,,,,,7');
	});

	it('writes every event of many batches, in order', async () => {
		const events = Array.from({ length: 25 }, (_, i) => event({ ledger_index: i }));
		const rows = lines(await csvOf(events, 4)).slice(1, -1);
		expect(rows.map((r) => Number(r.split(',').at(-1)))).toEqual(events.map((e) => e.ledger_index));
	});

	it('fails, rather than ends, when the events fail part-way', async () => {
		async function* failing() {
			yield [event()];
			throw new Error('ClickHouse went away');
		}
		await expect(async () => {
			for await (const _ of csvPieces(failing()));
		}).rejects.toThrow('ClickHouse went away');
	});
});
