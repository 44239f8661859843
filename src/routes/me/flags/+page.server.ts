/**
 * "My flags": the subject's flags, newest first, each with the use it is about (as the
 * timeline shows it) and its case's status and outcome. `?flagged=<flag id>` (the flag
 * form's redirect) shows the confirmation for that flag.
 */
import { tallinnIsoDate } from '$lib/format';
import { requireSubject } from '$lib/server/auth/require-subject';
import { flagsOfSubject } from '$lib/server/cases/subject-flags';
import { subjectEventsById } from '$lib/server/usage/citizen-view';
import { eventSummaries } from '$lib/server/usage/event-summary';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const { subject } = requireSubject(locals, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const flags = await flagsOfSubject(subject.code);
	const events = await subjectEventsById(subject.code, [...new Set(flags.map((f) => f.event_id))]);
	const summaries = await eventSummaries([...events.values()], locals.lang);
	const flagged = url.searchParams.get('flagged');
	return {
		subjectName: subject.self ? null : subject.name,
		received: flags.some((f) => f.flag_id === flagged) ? flagged : null,
		flags: flags.map((f) => {
			const event = summaries.get(f.event_id) ?? null;
			const day = event ? tallinnIsoDate(event.at) : null;
			return {
				id: f.flag_id,
				eventId: f.event_id,
				kind: f.kind,
				comment: f.comment,
				createdAt: f.created_at,
				caseId: f.case_id,
				state: f.state,
				outcome: f.state === 'closed' ? f.outcome : '',
				noteToPerson: f.note_to_person,
				event,
				// The timeline on the event's day, scrolled to its row.
				timelineHref: day ? `/me?from=${day}&to=${day}&each=1#event-${f.event_id}` : '/me'
			};
		})
	};
};
