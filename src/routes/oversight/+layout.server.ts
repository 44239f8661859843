/** Every /oversight page is for auditors only (their JSON endpoints guard themselves too). */
import { requireRole } from '$lib/server/auth/require-role';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const auditor = requireRole(locals, url, 'auditor');
	return { auditor: { code: auditor.code, name: auditor.name } };
};
