/**
 * Flag one use of the subject's data. GET shows the event (as the timeline shows it; 404
 * for an event the subject may not see) and the form with a one-time token; POST validates
 * (400 naming each bad field, nothing stored), stores the flag with its case, and redirects
 * to /me/flags (POST/redirect/GET). The same token sent twice stores one flag.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { parseFlagForm, type FlagFieldError } from '$lib/flags/flag-form';
import { requireSubject } from '$lib/server/auth/require-subject';
import { flagEvent } from '$lib/server/cases/flag-event';
import { subjectEventsById } from '$lib/server/usage/citizen-view';
import { eventSummaries } from '$lib/server/usage/event-summary';
import type { Actions, PageServerLoad } from './$types';

const uuidParam = z.uuid().transform((id) => id.toLowerCase());

/** The event as the subject may see it, or 404 (someone else's, sealed, unknown, malformed). */
async function visibleEvent(subjectCode: string, rawId: string) {
	const id = uuidParam.safeParse(rawId);
	if (!id.success) error(404, 'Not found');
	const event = (await subjectEventsById(subjectCode, [id.data])).get(id.data);
	if (!event) error(404, 'Not found');
	return event;
}

export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
	const { subject } = requireSubject(locals, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const event = await visibleEvent(subject.code, params.event_id);
	const summary = (await eventSummaries([event], locals.lang)).get(event.event_id)!;
	return {
		event: summary,
		subjectName: subject.self ? null : subject.name,
		token: crypto.randomUUID()
	};
};

export const actions: Actions = {
	default: async ({ locals, params, url, request }) => {
		const { user, subject } = requireSubject(locals, url);
		const event = await visibleEvent(subject.code, params.event_id);
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			const errors: FlagFieldError[] = [{ field: 'kind', code: 'kindMissing' }];
			return fail(400, { errors, values: { kind: '', comment: '' }, token: crypto.randomUUID() });
		}
		const parsed = parseFlagForm(form);
		if (!parsed.ok) {
			const text = (name: string) => {
				const v = form.get(name);
				return typeof v === 'string' ? v : '';
			};
			const sent = uuidParam.safeParse(text('token'));
			return fail(400, {
				errors: parsed.errors,
				values: { kind: text('kind'), comment: text('comment') },
				// Nothing was stored: the same token may be sent again.
				token: sent.success ? sent.data : crypto.randomUUID()
			});
		}
		const stored = await flagEvent({
			eventId: event.event_id,
			subjectCode: subject.code,
			flaggedBy: user.code,
			kind: parsed.data.kind,
			comment: parsed.data.comment,
			token: parsed.data.token
		});
		redirect(303, `/me/flags?flagged=${stored.flagId}`);
	}
};
