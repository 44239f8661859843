/** A person's flags, newest first, each with its case's current state and outcome. */
import { z } from 'zod';
import { CASE_OUTCOMES, CASE_STATES } from '../../cases/workflow';
import { FLAG_KINDS } from '../../flags/flag-form';
import { utcDateTime } from '../db/columns';
import { queryRows } from '../db/query';

const flagRow = z.object({
	flag_id: z.string(),
	event_id: z.string(),
	kind: z.enum(FLAG_KINDS),
	comment: z.string(),
	flagged_by: z.string(),
	created_at: utcDateTime,
	case_id: z.string(),
	state: z.enum(CASE_STATES),
	outcome: z.union([z.enum(CASE_OUTCOMES), z.literal('')]),
	/** The latest message the oversight body wrote to the person in the case ('' for none). */
	note_to_person: z.string()
});
export type SubjectFlag = z.output<typeof flagRow>;

export async function flagsOfSubject(subjectCode: string): Promise<SubjectFlag[]> {
	// LEFT JOIN: a flag is listed even if its case's history could not be read (it shows
	// the Enum's default, 'new', then).
	return queryRows(
		`SELECT toString(f.flag_id) AS flag_id, toString(f.event_id) AS event_id, f.kind AS kind, f.comment AS comment,
			f.flagged_by AS flagged_by, f.created_at AS created_at, toString(f.case_id) AS case_id,
			h.last_state AS state, h.last_outcome AS outcome, h.last_note_to_person AS note_to_person
		 FROM flag AS f
		 LEFT JOIN (
			SELECT case_id, argMax(state, seq) AS last_state, argMax(outcome, seq) AS last_outcome,
				argMaxIf(note_to_person, seq, note_to_person != '') AS last_note_to_person
			FROM case_history
			WHERE case_id IN (SELECT case_id FROM flag WHERE subject_code = {subject:String})
			GROUP BY case_id
		 ) AS h ON h.case_id = f.case_id
		 WHERE f.subject_code = {subject:String}
		 ORDER BY f.created_at DESC, f.flag_id DESC`,
		{ subject: subjectCode },
		flagRow
	);
}
