/** zod helpers for ClickHouse column values as JSONEachRow renders them. */
import { z } from 'zod';

/** UInt64/Int64 arrive as strings (or numbers in embedded mode); both become a safe JS number. */
export const int64 = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform((v, ctx) => {
	const n = Number(v);
	if (!Number.isSafeInteger(n)) {
		ctx.addIssue({ code: 'custom', message: `integer ${v} is beyond 2^53` });
		return z.NEVER;
	}
	return n;
});

/** DateTime64(3,'UTC') as "YYYY-MM-DD hh:mm:ss.sss" → ISO 8601 with Z. */
export const utcDateTime = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/)
	.transform((v) => `${v.replace(' ', 'T')}Z`);

export const bool = z.union([z.boolean(), z.number().int().min(0).max(1)]).transform((v) => v === true || v === 1);

/** A JS date (or epoch ms) as ClickHouse DateTime64(3) text, for inserts and parameters. */
export function chTime(t: Date | number | string): string {
	const d = typeof t === 'object' ? t : new Date(t);
	return d.toISOString().slice(0, 23).replace('T', ' ');
}
