/**
 * One case for auditors: its state, history, the citizens' flags and the linked events
 * with the officials; forms to take or assign it, add a note, take the next workflow step,
 * and link or unlink events. Showing the linked events shows people's data: the view is
 * recorded as a look-up of each person shown (recordOversightLookup) before it is returned.
 * Every action checks the role itself, validates (errors by field, nothing written), and
 * redirects back to the page when it has written (POST/redirect/GET).
 */
import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import {
	parseAssignForm,
	parseEventRefForm,
	parseNoteForm,
	parseStepForm,
	stepFieldError,
	type CaseFieldError,
	type CaseForm
} from '$lib/cases/case-form';
import { nextStates, type CaseState } from '$lib/cases/workflow';
import { caseRefOfCase } from '$lib/oversight/case-reference';
import { requireRole } from '$lib/server/auth/require-role';
import { auditorNames, auditors } from '$lib/server/cases/auditors';
import { linkedEventRefs } from '$lib/server/cases/case-links';
import { caseFlags, caseHistory, caseOpenedBy } from '$lib/server/cases/case-record';
import { caseState, type CaseStatus } from '$lib/server/cases/case-state';
import { changeLink } from '$lib/server/cases/link-event';
import { recordTransition, type TransitionInput } from '$lib/server/cases/record-transition';
import { oversightEventsByRef } from '$lib/server/oversight/events';
import { officialIdentities } from '$lib/server/oversight/officials';
import { recordOversightLookup } from '$lib/server/oversight/record-lookup';
import { agencyDirectory } from '$lib/server/reference/agencies';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const caseIdParam = z.uuid().transform((id) => id.toLowerCase());

async function theCase(rawId: string): Promise<CaseStatus> {
	const id = caseIdParam.safeParse(rawId);
	const found = id.success ? await caseState(id.data) : null;
	if (!found) error(404, 'There is no such case');
	return found;
}

export const load: PageServerLoad = async ({ locals, url, params, setHeaders }) => {
	// The layout guards too, but runs beside this load: nobody else's look-up may be recorded.
	const auditor = requireRole(locals, url, 'auditor');
	setHeaders({ 'cache-control': 'private, no-store' });
	const c = await theCase(params.case_id);
	const [history, flags, openedBy, team, refs, directory] = await Promise.all([
		caseHistory(c.case_id),
		caseFlags(c.case_id),
		caseOpenedBy(c.case_id),
		auditors(),
		linkedEventRefs(c.case_id, { event_id: c.event_id, subject_code: c.subject_code }),
		agencyDirectory()
	]);
	const events = await oversightEventsByRef(refs);
	const officials = await officialIdentities(events.map((e) => e.actor_code));
	// Watching the watchers: recorded before the events are shown.
	await recordOversightLookup({ auditor: auditor.code, caseRef: caseRefOfCase(c.case_id), action: 'Case review', subjects: events.map((e) => e.subject_code) });
	const nameOf = auditorNames(team);
	const updated = url.searchParams.get('updated');
	return {
		me: auditor.code,
		updated: updated !== null,
		case: {
			id: c.case_id,
			ref: caseRefOfCase(c.case_id),
			openedAt: c.opened_at,
			openedBy,
			openedByName: nameOf(openedBy),
			source: c.source,
			alertId: c.alert_id,
			eventId: c.event_id,
			subject: c.subject_code,
			state: c.state,
			outcome: c.outcome,
			assignee: c.assignee,
			assigneeName: c.assignee === '' ? null : nameOf(c.assignee)
		},
		steps: nextStates(c.state).filter((s) => s !== c.state),
		auditors: team,
		history: history.map((h) => ({ ...h, assigneeName: h.assignee === '' ? null : nameOf(h.assignee), actorName: nameOf(h.actor) })),
		flags,
		events: events.map((e) => {
			const official = officials.get(e.actor_code);
			return {
				id: e.event_id,
				at: e.logged_at,
				subject: e.subject_code,
				agency: directory.agencyName(e.agency_code, locals.lang),
				system: directory.systemName(e.agency_code, e.system),
				action: e.action,
				purpose: e.purpose_code,
				actorCode: e.actor_code,
				officialName: official?.name ?? null,
				officialTitle: official?.jobs[0]?.title ?? null,
				caseRef: e.case_ref,
				visibility: e.visibility,
				ledgerIndex: e.ledger_index,
				own: e.event_id === c.event_id
			};
		})
	};
};

type Values = Record<string, string>;

function formValues(form: FormData, names: readonly string[]): Values {
	const out: Values = {};
	for (const n of names) {
		const v = form.get(n);
		out[n] = typeof v === 'string' ? v : '';
	}
	return out;
}

function refused(form: CaseForm, status: 400 | 404, errors: CaseFieldError[], values: Values = {}): ActionFailure<{ form: CaseForm; errors: CaseFieldError[]; values: Values }> {
	return fail(status, { form, errors, values });
}

/** Who acts, which case, and the form sent: the start of every action. */
async function actionStart(event: RequestEvent) {
	const auditor = requireRole(event.locals, event.url, 'auditor', 'api');
	const c = await theCase(event.params.case_id);
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		form = new FormData();
	}
	return { auditor, c, form };
}

/** A workflow entry through recordTransition (which checks the step again, under the case event's lock). */
async function transition(form: CaseForm, c: CaseStatus, input: TransitionInput, values: Values = {}) {
	const result = await recordTransition(input);
	if (result.ok) redirect(303, `/oversight/cases/${c.case_id}?updated=${form}`);
	if (result.status === 404) error(404, 'There is no such case');
	const closed = (await caseState(c.case_id))?.state === 'closed';
	const err: CaseFieldError = closed ? { field: 'state', code: 'closed' } : stepFieldError(result.field, input.state as CaseState);
	return refused(form, 400, [err], values);
}

async function linkAction(event: RequestEvent, change: 'link' | 'unlink') {
	const { auditor, c, form } = await actionStart(event);
	const values = formValues(form, ['event_id', 'subject_code']);
	const parsed = parseEventRefForm(form);
	if (!parsed.ok) return refused(change, 400, parsed.errors, values);
	const result = await changeLink(c.case_id, change, parsed.data, auditor.code);
	if (!result.ok) return refused(change, result.status, [result.error], values);
	redirect(303, `/oversight/cases/${c.case_id}?updated=${change}`);
}

export const actions: Actions = {
	take: async (event) => {
		const { auditor, c } = await actionStart(event);
		return transition('take', c, { caseId: c.case_id, state: c.state, assignee: auditor.code, actor: auditor.code });
	},
	assign: async (event) => {
		const { auditor, c, form } = await actionStart(event);
		const values = formValues(form, ['assignee']);
		const parsed = parseAssignForm(form, (await auditors()).map((a) => a.code));
		if (!parsed.ok) return refused('assign', 400, parsed.errors, values);
		return transition('assign', c, { caseId: c.case_id, state: c.state, assignee: parsed.data.assignee, actor: auditor.code }, values);
	},
	note: async (event) => {
		const { auditor, c, form } = await actionStart(event);
		const values = formValues(form, ['note']);
		const parsed = parseNoteForm(form);
		if (!parsed.ok) return refused('note', 400, parsed.errors, values);
		return transition('note', c, { caseId: c.case_id, state: c.state, note: parsed.data.note, actor: auditor.code }, values);
	},
	step: async (event) => {
		const { auditor, c, form } = await actionStart(event);
		const values = formValues(form, ['state', 'outcome', 'note', 'note_to_person']);
		const parsed = parseStepForm(form, c.state);
		if (!parsed.ok) return refused('step', 400, parsed.errors, values);
		return transition('step', c, { caseId: c.case_id, ...parsed.data, actor: auditor.code }, values);
	},
	link: (event) => linkAction(event, 'link'),
	unlink: (event) => linkAction(event, 'unlink')
};
