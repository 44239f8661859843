/** GET /me/export.csv: the whole history of the person whose records are shown, as CSV (see subject-export.ts). */
import { redirect } from '@sveltejs/kit';
import { signInLocation } from '$lib/server/auth/sign-in-redirect';
import { subjectExport } from '$lib/server/export/subject-export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	if (!locals.subject) redirect(303, signInLocation(url));
	return subjectExport(locals.subject, locals.lang, 'csv');
};
