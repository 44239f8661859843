/**
 * The in-app inbox of the person whose records are shown: their messages, newest first,
 * those that arrived since the last visit marked new. Opening it is the visit: the time is
 * stored after the marks of this visit are worked out.
 */
import { translator } from '$lib/i18n/translator';
import { requireSubject } from '$lib/server/auth/require-subject';
import { lastInboxVisit, recordInboxVisit } from '$lib/server/notifications/inbox';
import { namesIn } from '$lib/server/notifications/names';
import { notificationsOf } from '$lib/server/notifications/notification-store';
import { renderMessage } from '$lib/server/notifications/render';
import type { PageServerLoad } from './$types';

const SHOWN = 200;

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const { subject } = requireSubject(locals, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const visitedAt = new Date();
	const [previous, list, names] = await Promise.all([lastInboxVisit(subject.code), notificationsOf(subject.code, SHOWN), namesIn(locals.lang)]);
	await recordInboxVisit(subject.code, visitedAt);
	const tr = translator(locals.lang);
	const messages = list.map((n) => ({
		id: n.id,
		receivedAt: n.createdAt,
		received: tr.dateTime(n.createdAt),
		isNew: previous === null || n.createdAt > previous,
		...renderMessage(n.payload, tr, names)
	}));
	return { messages, newCount: messages.filter((m) => m.isNew).length };
};
