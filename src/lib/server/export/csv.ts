/**
 * The export as CSV (RFC 4180: comma-separated, CRLF line ends, quotes where needed),
 * UTF-8 with a byte order mark so spreadsheet programs read it as UTF-8. The header row
 * is the stable column names (export-rows.ts). A cell that a spreadsheet would take as a
 * formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe:
 * agencies write the free text, and a citizen opening the file must not run it.
 */
import { pipeline, Readable } from 'node:stream';
import { stringify, type Options } from 'csv-stringify';
import { EXPORT_COLUMNS, toCsvRecord, type ExportEvent } from './export-rows';

export const CSV_OPTIONS: Options = {
	bom: true,
	header: true,
	columns: [...EXPORT_COLUMNS],
	record_delimiter: 'windows',
	// Quote a cell with any CR or LF in it, not only a whole CRLF (csv-stringify's default
	// once the record delimiter is set): a bare line break unquoted would split the record.
	quote_record_delimiter: true,
	escape_formulas: true
};

async function* records(batches: AsyncIterable<readonly ExportEvent[]>): AsyncGenerator<Record<string, string>> {
	for await (const batch of batches) for (const e of batch) yield toCsvRecord(e);
}

/** The CSV text, a record (or the BOM and header) at a time, produced as it is read. */
export async function* csvPieces(batches: AsyncIterable<readonly ExportEvent[]>): AsyncGenerator<string> {
	const stringifier = stringify(CSV_OPTIONS);
	stringifier.setEncoding('utf8');
	// A failing source destroys the stringifier with its error, which the loop below throws.
	pipeline(Readable.from(records(batches)), stringifier, () => {});
	try {
		for await (const piece of stringifier) yield piece as string;
	} finally {
		// Left early (the client went away): stop reading the source.
		stringifier.destroy();
	}
}
