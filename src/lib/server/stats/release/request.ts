/**
 * What a release request carries (the internal route, the CLI): optionally ε for a DP
 * release, and the last month to release when it is not the last complete one.
 */
import { z } from 'zod';
import { parseEpsilon, type Rational } from '$lib/stats/discrete-laplace';
import { currentMonth } from './periods';

export const releaseRequest = z
	.object({
		dpEpsilon: z
			.string()
			.optional()
			.transform((v, ctx): Rational | undefined => {
				if (v === undefined) return undefined;
				try {
					return parseEpsilon(v);
				} catch (err) {
					ctx.addIssue({ code: 'custom', message: (err as Error).message });
					return z.NEVER;
				}
			}),
		through: z
			.string()
			.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM')
			.refine((m) => m <= currentMonth(), 'must not be after the month under way')
			.optional()
	})
	.strict();
