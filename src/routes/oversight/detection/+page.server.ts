/**
 * /oversight/detection: the rules with their parameters, cursors and last runs; "Run
 * detection now" (a form action, auditors only: layouts do not guard actions); the latest
 * hits the explanation step dropped. Shows no person's events (see detection/status.ts).
 */
import { requireRole } from '$lib/server/auth/require-role';
import { runDetection } from '$lib/server/detection/run';
import { detectionStatus, latestExplained } from '$lib/server/detection/status';
import { agencyDirectory } from '$lib/server/reference/agencies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	requireRole(locals, url, 'auditor', 'page');
	setHeaders({ 'cache-control': 'private, no-store' });
	const [status, explained, directory] = await Promise.all([detectionStatus(), latestExplained(50), agencyDirectory()]);
	return {
		size: status.size,
		rules: status.rules,
		explained: explained.map((e) => ({
			...e,
			cases: e.cases.map((c) => ({ ...c, agency: directory.agencyName(c.agency_code, locals.lang) }))
		}))
	};
};

export const actions: Actions = {
	run: async ({ locals, url }) => {
		requireRole(locals, url, 'auditor', 'page');
		const summary = await runDetection({ trigger: 'manual' });
		return { summary };
	}
};
