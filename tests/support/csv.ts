/**
 * A strict RFC 4180 reader for tests: records end with CRLF (the last one too); a quoted
 * field may hold commas, doubled quotes and line breaks; anything else is an error, so a
 * malformed export fails the test instead of parsing into something plausible.
 */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let i = 0;
	while (i < text.length) {
		let field: string;
		if (text[i] === '"') {
			field = '';
			i++;
			for (;;) {
				const q = text.indexOf('"', i);
				if (q === -1) throw new Error(`unterminated quoted field at ${i}`);
				field += text.slice(i, q);
				if (text[q + 1] === '"') {
					field += '"';
					i = q + 2;
				} else {
					i = q + 1;
					break;
				}
			}
		} else {
			let end = i;
			while (end < text.length && text[end] !== ',' && text[end] !== '\r' && text[end] !== '\n') end++;
			field = text.slice(i, end);
			if (field.includes('"')) throw new Error(`quote inside an unquoted field at ${i}`);
			i = end;
		}
		row.push(field);
		if (text[i] === ',') {
			i++;
		} else if (text.startsWith('\r\n', i)) {
			rows.push(row);
			row = [];
			i += 2;
		} else {
			throw new Error(`expected , or CRLF after a field at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
		}
	}
	if (row.length > 0) throw new Error('the last record does not end with CRLF');
	return rows;
}
