/**
 * POST /oversight/cases/from-alert (form field alert_id; the alert page posts it): opens
 * the alert's case, or finds the one it has, and sends the auditor to it (303). A bad or
 * unknown alert id is a 400 or 404 naming the field; nothing is written then.
 */
import { error, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/require-role';
import { openCaseFromAlert } from '$lib/server/cases/open-from-alert';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, url, request }) => {
	const auditor = requireRole(locals, url, 'auditor', 'api');
	let alertId: FormDataEntryValue | null = null;
	try {
		alertId = (await request.formData()).get('alert_id');
	} catch {
		error(400, 'alert_id: send the alert’s id as a form field (application/x-www-form-urlencoded or multipart/form-data)');
	}
	const result = await openCaseFromAlert({ alertId, auditor: auditor.code });
	if (!result.ok) error(result.status, `${result.field}: ${result.message}`);
	redirect(303, `/oversight/cases/${result.caseId}`);
};
