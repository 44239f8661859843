import { describe, expect, it } from 'vitest';
import { NOTE_MAX, addProtectedInput, protectedErrors, removeProtectedInput } from './protected-input';

const add = { personal_code: '38001085718', category: 'journalist', note: 'Investigative reporter', actor: 'EE49002124277' };

describe('protected list input', () => {
	it('takes a personal code with or without EE and stores it with the prefix', () => {
		for (const personal_code of ['38001085718', 'EE38001085718', ' ee 380 0108 5718 ']) {
			expect(addProtectedInput.parse({ ...add, personal_code }).personal_code).toBe('EE38001085718');
		}
		expect(removeProtectedInput.parse({ personal_code: 'EE38001085718', note: 'No longer in office', actor: 'EE49002124277' })).toEqual({
			personal_code: 'EE38001085718',
			note: 'No longer in office',
			actor: 'EE49002124277'
		});
	});

	it('names every bad field once', () => {
		const r = addProtectedInput.safeParse({ personal_code: '38001085719', category: 'royalty', note: 'x'.repeat(NOTE_MAX + 1), actor: 'EE49002124277' });
		expect(r.success).toBe(false);
		expect(protectedErrors(r.error!).map((e) => [e.field, e.code])).toEqual([
			['personal_code', 'codeInvalid'],
			['category', 'categoryMissing'],
			['note', 'noteTooLong']
		]);
		const none = removeProtectedInput.safeParse({ actor: 'EE49002124277' });
		expect(protectedErrors(none.error!).map((e) => [e.field, e.code])).toEqual([
			['personal_code', 'codeInvalid'],
			['note', 'noteTooShort']
		]);
	});

	it('refuses codes that are not Estonian personal codes', () => {
		for (const personal_code of ['', '3800108571', 'LV38001085718', '98001085718', '38013085714']) {
			expect(addProtectedInput.safeParse({ ...add, personal_code }).success, personal_code).toBe(false);
		}
	});
});
