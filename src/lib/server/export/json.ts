/**
 * The export as one JSON document, written an event at a time:
 * { "format": "peegel-export/1", "subject": { "code", "name" }, "exported_at", "language",
 *   "events": [ ... ] } with the events as export-rows.ts describes them, newest first.
 * The closing brackets come only after the last event, so a failed export never parses.
 */
import type { Locale } from '../../i18n/locales';
import type { ExportEvent } from './export-rows';

export const EXPORT_FORMAT = 'peegel-export/1';

export interface ExportHead {
	subject: { code: string; name: string };
	exported_at: string;
	language: Locale;
}

export async function* jsonPieces(head: ExportHead, batches: AsyncIterable<readonly ExportEvent[]>): AsyncGenerator<string> {
	const { subject, exported_at, language } = head;
	const opening = JSON.stringify({ format: EXPORT_FORMAT, subject, exported_at, language, events: [] });
	// The document up to the events array's opening bracket.
	yield opening.slice(0, -2);
	let first = true;
	for await (const batch of batches) {
		for (const e of batch) {
			yield `${first ? '\n' : ',\n'}${JSON.stringify(e)}`;
			first = false;
		}
	}
	yield first ? ']}\n' : '\n]}\n';
}
