// Command-line flags for the scripts: node's parseArgs for the syntax, zod for the values,
// and one message naming the flag that is wrong.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';

/** A whole-number flag: 1000000, 1_000_000, 1,000,000, 500k or 1M. */
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

/** Parse process.argv against `options` and validate with `schema`; `fail` gets the message. */
export function readFlags<S extends z.ZodType>(
	options: NonNullable<ParseArgsConfig['options']>,
	schema: S,
	fail: (message: string) => never
): z.output<S> {
	let values: Record<string, unknown>;
	try {
		({ values } = parseArgs({ options, strict: true, allowPositionals: false }));
	} catch (err) {
		fail((err as Error).message);
	}
	const parsed = schema.safeParse(values);
	if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join('\n'));
	return parsed.data;
}
