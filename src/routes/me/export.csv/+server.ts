/** GET /me/export.csv: the whole history of the person whose records are shown, as CSV (see subject-export.ts). */
import { requireSubject } from '$lib/server/auth/require-subject';
import { subjectExport } from '$lib/server/export/subject-export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	const { subject } = requireSubject(locals, url);
	return subjectExport(subject, locals.lang, 'csv');
};
