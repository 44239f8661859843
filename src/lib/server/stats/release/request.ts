/** What a release request carries (the internal route, the CLI): optionally ε for a DP release. */
import { z } from 'zod';
import { parseEpsilon, type Rational } from '$lib/stats/discrete-laplace';

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
			})
	})
	.strict();
