/**
 * Every /me page: whose records are shown (a represented child's, with the banner), whom
 * the person may switch to, and how many inbox messages are new (the section's navigation).
 */
import { representationView } from '$lib/server/auth/subject-choice';
import { unseenNotificationCount } from '$lib/server/notifications/inbox';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, depends }) => {
	// The inbox invalidates this after a visit, so the count drops at once.
	depends('peegel:notifications');
	const [representation, unseen] = await Promise.all([
		representationView(locals),
		locals.subject ? unseenNotificationCount(locals.subject.code) : Promise.resolve(0)
	]);
	return { representation, unseen };
};
