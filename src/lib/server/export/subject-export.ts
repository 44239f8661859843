/**
 * GET /me/export.csv and /me/export.json: a person's whole visible history (the right of
 * access and of portability), streamed from ClickHouse to the client; see csv.ts, json.ts
 * and export-rows.ts for the formats.
 */
import { tallinnIsoDate } from '../../format';
import type { Locale } from '../../i18n/locales';
import { agencyDirectory } from '../reference/agencies';
import { purposeCatalogue } from '../reference/purposes';
import { csvPieces } from './csv';
import { toExportEvent, type ExportContext, type ExportEvent } from './export-rows';
import { jsonPieces } from './json';
import { byteStream, coalesce, started } from './pieces';
import { subjectHistory, type HistoryEvent } from './subject-history';

export type ExportFormat = 'csv' | 'json';

const CONTENT_TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	json: 'application/json'
};

async function* explained(batches: AsyncIterable<HistoryEvent[]>, ctx: ExportContext): AsyncGenerator<ExportEvent[]> {
	for await (const batch of batches) yield batch.map((e) => toExportEvent(e, ctx));
}

export async function subjectExport(
	subject: { code: string; name: string },
	lang: Locale,
	format: ExportFormat,
	now: Date = new Date()
): Promise<Response> {
	const [directory, purposes] = await Promise.all([agencyDirectory(), purposeCatalogue()]);
	const ctx: ExportContext = { lang, agency: directory.agency, systemName: directory.systemName, purposes };
	const events = explained(await started(subjectHistory(subject.code)), ctx);
	const text =
		format === 'csv'
			? csvPieces(events)
			: jsonPieces({ subject: { code: subject.code, name: subject.name }, exported_at: now.toISOString(), language: lang }, events);
	const body = byteStream(coalesce(text), (err) => console.error(`peegel: ${format} export failed part-way:`, err));
	return new Response(body, {
		headers: {
			'content-type': CONTENT_TYPES[format],
			'content-disposition': `attachment; filename="peegel-${tallinnIsoDate(now)}.${format}"`,
			// A person's own records: never kept by the browser or anything in between.
			'cache-control': 'private, no-store'
		}
	});
}
