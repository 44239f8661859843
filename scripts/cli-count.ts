// A whole-number command-line flag for the scripts: 1000000, 1_000_000, 1,000,000, 500k or 1M.
import { z } from 'zod';

export const countFlag = (name: string, min: number, max: number) =>
	z
		.string()
		.regex(/^\d[\d_,]*[kKmM]?$/, `--${name} must be a whole number such as 1000000, 1_000_000 or 1M`)
		.transform((s) => {
			const suffix = s.slice(-1).toLowerCase();
			const scale = suffix === 'k' ? 1_000 : suffix === 'm' ? 1_000_000 : 1;
			return Number(s.replace(/[_,kKmM]/g, '')) * scale;
		})
		.pipe(z.number().int().min(min, `--${name} must be at least ${min}`).max(max, `--${name} must be at most ${max}`));
