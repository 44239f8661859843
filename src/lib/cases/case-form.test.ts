import { describe, expect, it } from 'vitest';
import { NOTE_MAX, NOTE_TO_PERSON_MAX, parseAssignForm, parseEventRefForm, parseNoteForm, parseStepForm } from './case-form';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('parseStepForm', () => {
	it('takes the steps the workflow allows', () => {
		expect(parseStepForm(form({ state: 'investigating', note: ' Asked the agency ' }), 'new')).toEqual({
			ok: true,
			data: { state: 'investigating', outcome: '', note: 'Asked the agency', noteToPerson: '' }
		});
		expect(parseStepForm(form({ state: 'closed', outcome: 'misuse', note_to_person: ' The officer was disciplined. ' }), 'investigating')).toEqual({
			ok: true,
			data: { state: 'closed', outcome: 'misuse', note: '', noteToPerson: 'The officer was disciplined.' }
		});
		// An outcome sent along with a step that does not close is ignored.
		expect(parseStepForm(form({ state: 'investigating', outcome: 'misuse' }), 'new')).toMatchObject({ ok: true, data: { outcome: '' } });
	});

	it('refuses the steps it does not, naming the field', () => {
		expect(parseStepForm(form({ state: 'closed', outcome: 'misuse' }), 'new')).toEqual({ ok: false, errors: [{ field: 'state', code: 'step' }] });
		expect(parseStepForm(form({ state: 'new' }), 'investigating')).toEqual({ ok: false, errors: [{ field: 'state', code: 'step' }] });
		expect(parseStepForm(form({ state: 'closed' }), 'investigating')).toEqual({ ok: false, errors: [{ field: 'outcome', code: 'outcomeRequired' }] });
		expect(parseStepForm(form({ state: 'closed', outcome: 'guilty' }), 'investigating')).toEqual({ ok: false, errors: [{ field: 'outcome', code: 'outcomeRequired' }] });
		expect(parseStepForm(form({ state: 'investigating' }), 'closed')).toEqual({ ok: false, errors: [{ field: 'state', code: 'closed' }] });
		expect(parseStepForm(form({}), 'new')).toEqual({ ok: false, errors: [{ field: 'state', code: 'step' }] });
		expect(parseStepForm(form({ state: 'investigating', note: 'x'.repeat(NOTE_MAX + 1) }), 'new')).toEqual({
			ok: false,
			errors: [{ field: 'note', code: 'noteTooLong' }]
		});
		expect(parseStepForm(form({ state: 'investigating', note_to_person: 'x'.repeat(NOTE_TO_PERSON_MAX + 1) }), 'new')).toEqual({
			ok: false,
			errors: [{ field: 'note_to_person', code: 'noteToPersonTooLong' }]
		});
	});
});

describe('parseNoteForm and parseAssignForm', () => {
	it('needs a note, at most NOTE_MAX characters', () => {
		expect(parseNoteForm(form({ note: '  Called the agency.  ' }))).toEqual({ ok: true, data: { note: 'Called the agency.' } });
		expect(parseNoteForm(form({ note: '   ' }))).toEqual({ ok: false, errors: [{ field: 'note', code: 'noteRequired' }] });
		expect(parseNoteForm(form({ note: 'x'.repeat(NOTE_MAX + 1) }))).toEqual({ ok: false, errors: [{ field: 'note', code: 'noteTooLong' }] });
	});

	it('assigns to an auditor or to nobody', () => {
		const auditors = ['EE38001085718', 'EE48001085719'];
		expect(parseAssignForm(form({ assignee: 'EE48001085719' }), auditors)).toEqual({ ok: true, data: { assignee: 'EE48001085719' } });
		expect(parseAssignForm(form({ assignee: '' }), auditors)).toEqual({ ok: true, data: { assignee: '' } });
		expect(parseAssignForm(form({ assignee: 'EE39912310000' }), auditors)).toEqual({ ok: false, errors: [{ field: 'assignee', code: 'notAuditor' }] });
	});
});

describe('parseEventRefForm', () => {
	it('reads an event id and a person code, adding EE to a bare personal code', () => {
		const id = '0B1C2D3E-4F50-4612-8734-956A7B8C9D0E';
		expect(parseEventRefForm(form({ event_id: ` ${id} `, subject_code: '38001085718' }))).toEqual({
			ok: true,
			data: { event_id: id.toLowerCase(), subject_code: 'EE38001085718' }
		});
	});

	it('reports both fields when both are wrong', () => {
		expect(parseEventRefForm(form({ event_id: 'nope', subject_code: 'EE123' }))).toEqual({
			ok: false,
			errors: [
				{ field: 'event_id', code: 'eventInvalid' },
				{ field: 'subject_code', code: 'subjectInvalid' }
			]
		});
	});
});
