/**
 * The forms on an auditor's case page: assign, add a note, take a workflow step, link or
 * unlink an event. Shared by the server (which validates; recordTransition checks the step
 * again) and the page (field names, limits). Every bad field is reported, as a message key
 * under `oversightCases.errors`.
 */
import { z } from 'zod';
import { subjectCodeError } from '../personal-code';
import { CASE_OUTCOMES, CASE_STATES, stepError, type CaseOutcome, type CaseState } from './workflow';

export const NOTE_MAX = 10_000;
/** A message to the person: shown on their "My flags", as long as a flag's comment may be. */
export const NOTE_TO_PERSON_MAX = 2_000;

export const CASE_FORMS = ['take', 'assign', 'note', 'step', 'link', 'unlink'] as const;
export type CaseForm = (typeof CASE_FORMS)[number];

export type CaseFieldError = {
	field: 'case' | 'state' | 'outcome' | 'note' | 'note_to_person' | 'assignee' | 'event_id' | 'subject_code';
	code:
		| 'noCase'
		| 'closed'
		| 'step'
		| 'outcomeRequired'
		| 'outcomeNotAllowed'
		| 'noteRequired'
		| 'noteTooLong'
		| 'noteToPersonTooLong'
		| 'notAuditor'
		| 'eventInvalid'
		| 'subjectInvalid'
		| 'notFound'
		| 'alreadyLinked'
		| 'notLinked'
		| 'ownEvent';
};

type Form = { get(name: string): unknown };
type Parsed<T> = { ok: true; data: T } | { ok: false; errors: CaseFieldError[] };

const text = (form: Form, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

function note(form: Form, required: boolean): { value: string } | CaseFieldError {
	const v = text(form, 'note').trim();
	if (v.length > NOTE_MAX) return { field: 'note', code: 'noteTooLong' };
	if (required && v === '') return { field: 'note', code: 'noteRequired' };
	return { value: v };
}

export function parseNoteForm(form: Form): Parsed<{ note: string }> {
	const n = note(form, true);
	return 'value' in n ? { ok: true, data: { note: n.value } } : { ok: false, errors: [n] };
}

/** The assignee: one of the auditors (by personal code), or '' for nobody. */
export function parseAssignForm(form: Form, auditorCodes: readonly string[]): Parsed<{ assignee: string }> {
	const a = text(form, 'assignee').trim();
	if (a !== '' && !auditorCodes.includes(a)) return { ok: false, errors: [{ field: 'assignee', code: 'notAuditor' }] };
	return { ok: true, data: { assignee: a } };
}

/** A workflow step from `from`, checked with the workflow's rules (the server checks again when it writes). */
export function parseStepForm(form: Form, from: CaseState): Parsed<{ state: CaseState; outcome: CaseOutcome | ''; note: string; noteToPerson: string }> {
	const errors: CaseFieldError[] = [];
	const state = z.enum(CASE_STATES).safeParse(text(form, 'state'));
	const rawOutcome = text(form, 'outcome');
	const outcome = z.union([z.enum(CASE_OUTCOMES), z.literal('')]).safeParse(rawOutcome);
	const n = note(form, false);
	if (!('value' in n)) errors.push(n);
	const toPerson = text(form, 'note_to_person').trim();
	if (toPerson.length > NOTE_TO_PERSON_MAX) errors.push({ field: 'note_to_person', code: 'noteToPersonTooLong' });
	if (from === 'closed') errors.push({ field: 'state', code: 'closed' });
	else if (!state.success) errors.push({ field: 'state', code: 'step' });
	else if (!outcome.success) errors.push({ field: 'outcome', code: state.data === 'closed' ? 'outcomeRequired' : 'outcomeNotAllowed' });
	else {
		// Only the outcome of a closing step counts: a page may send the outcome field along with any step.
		const o = state.data === 'closed' ? outcome.data : '';
		const problem = stepError(from, { state: state.data, outcome: o });
		if (problem) errors.push(stepFieldError(problem.field, state.data));
	}
	if (errors.length > 0 || !state.success || !outcome.success || !('value' in n)) return { ok: false, errors };
	return { ok: true, data: { state: state.data, outcome: state.data === 'closed' ? outcome.data : '', note: n.value, noteToPerson: toPerson } };
}

/** A workflow refusal (stepError, recordTransition) as a form error. */
export function stepFieldError(field: string, to: CaseState): CaseFieldError {
	if (field === 'outcome') return { field: 'outcome', code: to === 'closed' ? 'outcomeRequired' : 'outcomeNotAllowed' };
	return { field: 'state', code: 'step' };
}

/** The event a link or unlink names: its id, and its person's code (EE added to a bare personal code). */
export function parseEventRefForm(form: Form): Parsed<{ event_id: string; subject_code: string }> {
	const errors: CaseFieldError[] = [];
	const id = z.uuid().safeParse(text(form, 'event_id').trim());
	if (!id.success) errors.push({ field: 'event_id', code: 'eventInvalid' });
	const raw = text(form, 'subject_code').trim().toUpperCase();
	const subject = /^\d{11}$/.test(raw) ? `EE${raw}` : raw;
	if (subjectCodeError(subject) !== null) errors.push({ field: 'subject_code', code: 'subjectInvalid' });
	if (errors.length > 0 || !id.success) return { ok: false, errors };
	return { ok: true, data: { event_id: id.data.toLowerCase(), subject_code: subject } };
}
