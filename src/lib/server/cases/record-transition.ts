/**
 * One step of a case's workflow (new → investigating → closed with an outcome, or a note or
 * new assignee in the same state), validated and appended as the case's next history row.
 */
import { z } from 'zod';
import { CASE_OUTCOMES, CASE_STATES, stepError } from '../../cases/workflow';
import { chTime } from '../db/columns';
import { insertRows } from '../db/query';
import { caseState, type CaseStatus } from './case-state';
import { withEventLock } from './event-lock';

const transitionInput = z.object({
	caseId: z.uuid(),
	state: z.enum(CASE_STATES),
	outcome: z.union([z.enum(CASE_OUTCOMES), z.literal('')]).default(''),
	/** The auditor on the case (a personal code, '' for nobody); absent keeps the current one. */
	assignee: z.string().trim().max(64).optional(),
	note: z.string().trim().max(10_000).default(''),
	/** A message to the person the case is about, shown on their "My flags" ('' for none). */
	noteToPerson: z.string().trim().max(2_000).default(''),
	/** Personal code of who records the step. */
	actor: z.string().trim().min(1).max(64)
});
export type TransitionInput = z.input<typeof transitionInput>;

export type TransitionResult =
	| { ok: true; case: CaseStatus }
	| { ok: false; status: 400 | 404; field: string; message: string };

export async function recordTransition(input: TransitionInput): Promise<TransitionResult> {
	const parsed = transitionInput.safeParse(input);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return { ok: false, status: 400, field: issue.path.join('.'), message: issue.message };
	}
	const t = parsed.data;
	const before = await caseState(t.caseId);
	if (!before) return { ok: false, status: 404, field: 'caseId', message: 'no such case' };
	// The event's lock: a flag joining the case and its closing happen one after the other.
	return withEventLock(before.event_id, async () => {
		const current = (await caseState(t.caseId))!;
		const problem = stepError(current.state, { state: t.state, outcome: t.outcome });
		if (problem) return { ok: false, status: 400, ...problem };
		const at = new Date();
		const assignee = t.assignee ?? current.assignee;
		const seq = current.seq + 1;
		await insertRows('case_history', [
			{ case_id: current.case_id, seq, at: chTime(at), state: t.state, outcome: t.outcome, assignee, note: t.note, note_to_person: t.noteToPerson, actor: t.actor }
		]);
		return {
			ok: true,
			case: { ...current, state: t.state, outcome: t.outcome, assignee, seq, updated_at: at.toISOString() }
		};
	});
}
