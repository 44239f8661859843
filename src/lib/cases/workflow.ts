/**
 * The oversight case workflow's rules, shared by the server (which enforces them) and the
 * auditors' pages (which offer only the allowed steps): new → investigating → closed, and a
 * closed case has an outcome. Entries that keep the state (a note, a new assignee) are
 * allowed until the case is closed; a closed case never changes again (a later flag on
 * its event opens a new case instead).
 */
export const CASE_STATES = ['new', 'investigating', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_OUTCOMES = ['justified', 'misuse', 'inconclusive'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export interface CaseStep {
	state: CaseState;
	/** '' unless the case is closed. */
	outcome: CaseOutcome | '';
}

export interface StepError {
	field: 'state' | 'outcome';
	message: string;
}

/** The states a case in `from` may be moved to next (including staying, for notes). */
export function nextStates(from: CaseState): CaseState[] {
	switch (from) {
		case 'new':
			return ['new', 'investigating'];
		case 'investigating':
			return ['investigating', 'closed'];
		case 'closed':
			return [];
	}
}

/** Why a case in state `from` may not take this step, or null when it may. */
export function stepError(from: CaseState, to: CaseStep): StepError | null {
	if (from === 'closed') return { field: 'state', message: 'the case is closed and cannot change; a new flag opens a new case' };
	if (!nextStates(from).includes(to.state)) {
		const message =
			to.state === 'closed' ? 'a case must be investigated before it is closed' : `a case cannot go from ${from} back to ${to.state}`;
		return { field: 'state', message };
	}
	if (to.state === 'closed' && to.outcome === '') return { field: 'outcome', message: 'closing a case needs an outcome (justified, misuse or inconclusive)' };
	if (to.state !== 'closed' && to.outcome !== '') return { field: 'outcome', message: 'only a closed case has an outcome' };
	return null;
}
