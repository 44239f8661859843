/** GET /oversight/cases/<id>/evidence.csv: the case's evidence as CSV (evidence-csv.ts), for auditors only. */
import { requireRole } from '$lib/server/auth/require-role';
import { evidenceResponse } from '$lib/server/cases/evidence-response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const auditor = requireRole(locals, url, 'auditor', 'api');
	return evidenceResponse(params.case_id, auditor.code, locals.lang, 'csv');
};
