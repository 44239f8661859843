/**
 * GET /oversight/cases/<id>/evidence.csv and .json: the case's evidence (case-evidence.ts)
 * as a download. It shows people's events, so it is recorded as a look-up of each person
 * (recordOversightLookup) before it is sent.
 */
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { tallinnIsoDate } from '../../format';
import type { Locale } from '../../i18n/locales';
import { caseRefOfCase } from '../../oversight/case-reference';
import { recordOversightLookup } from '../oversight/record-lookup';
import { caseEvidence } from './case-evidence';
import { evidenceCsv } from './evidence-csv';

export async function evidenceResponse(rawCaseId: string, auditor: string, lang: Locale, format: 'csv' | 'json'): Promise<Response> {
	const id = z.uuid().safeParse(rawCaseId);
	const evidence = id.success ? await caseEvidence(id.data.toLowerCase(), auditor, lang) : null;
	if (!evidence) error(404, 'There is no such case');
	await recordOversightLookup({
		auditor,
		caseRef: caseRefOfCase(evidence.case.case_id),
		action: 'Case evidence export',
		subjects: evidence.events.map((e) => e.subject_code)
	});
	const headers = {
		'content-disposition': `attachment; filename="case-${evidence.case.case_id}-${tallinnIsoDate(new Date(evidence.exported_at))}.${format}"`,
		// People's data: never kept by the browser or anything in between.
		'cache-control': 'private, no-store'
	};
	if (format === 'json') return json(evidence, { headers });
	return new Response(evidenceCsv(evidence), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
}
