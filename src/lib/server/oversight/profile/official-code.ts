/** An official's code as the profile's address carries it: country-prefixed, as usage_event.actor_code. */
import { z } from 'zod';
import { subjectCodeError } from '../../../personal-code';

export const officialCode = z
	.string()
	.trim()
	.toUpperCase()
	.superRefine((v, ctx) => {
		const problem = subjectCodeError(v);
		if (problem) ctx.addIssue({ code: 'custom', message: `an official's code ${problem}` });
	});
