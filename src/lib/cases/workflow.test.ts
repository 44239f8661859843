import { describe, expect, it } from 'vitest';
import { CASE_OUTCOMES, CASE_STATES, nextStates, stepError, type CaseState } from './workflow';

describe('case workflow', () => {
	it('goes new → investigating → closed with an outcome', () => {
		expect(stepError('new', { state: 'investigating', outcome: '' })).toBeNull();
		for (const outcome of CASE_OUTCOMES) expect(stepError('investigating', { state: 'closed', outcome })).toBeNull();
	});

	it('allows entries that keep the state (notes, assignment) until the case is closed', () => {
		expect(stepError('new', { state: 'new', outcome: '' })).toBeNull();
		expect(stepError('investigating', { state: 'investigating', outcome: '' })).toBeNull();
	});

	it('closes only with an outcome, and gives an outcome only when closing', () => {
		expect(stepError('investigating', { state: 'closed', outcome: '' })).toEqual({ field: 'outcome', message: expect.stringMatching(/needs an outcome/) });
		expect(stepError('new', { state: 'investigating', outcome: 'misuse' })).toEqual({ field: 'outcome', message: expect.stringMatching(/only a closed case/) });
		expect(stepError('investigating', { state: 'investigating', outcome: 'justified' })?.field).toBe('outcome');
	});

	it('does not skip investigation or go backwards', () => {
		expect(stepError('new', { state: 'closed', outcome: 'justified' })).toEqual({ field: 'state', message: expect.stringMatching(/investigated before/) });
		expect(stepError('investigating', { state: 'new', outcome: '' })).toEqual({ field: 'state', message: expect.stringMatching(/back to new/) });
	});

	it('never changes a closed case', () => {
		for (const state of CASE_STATES) {
			expect(stepError('closed', { state, outcome: state === 'closed' ? 'misuse' : '' })?.field).toBe('state');
		}
		expect(nextStates('closed')).toEqual([]);
	});

	it('offers exactly the steps it accepts', () => {
		for (const from of CASE_STATES) {
			const accepted = CASE_STATES.filter((to: CaseState) => stepError(from, { state: to, outcome: to === 'closed' ? 'inconclusive' : '' }) === null);
			expect(accepted).toEqual(nextStates(from));
		}
	});
});
