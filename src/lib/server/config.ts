/**
 * Process configuration from the environment, parsed once with zod so a bad value stops
 * the process with a message naming the variable. Scripts and the server share it, so it
 * reads process.env directly rather than SvelteKit's $env modules.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const flag = z
	.enum(['0', '1', 'true', 'false', ''])
	.optional()
	.transform((v) => v === '1' || v === 'true');

const schema = z.object({
	PEEGEL_DATA_DIR: z.string().min(1).default('./.data'),
	CLICKHOUSE_URL: z
		.string()
		.regex(/^(chdb:.*|https?:\/\/.+)$/, 'must be chdb:<dir> or an http(s):// URL')
		.optional(),
	CLICKHOUSE_USER: z.string().optional(),
	CLICKHOUSE_PASSWORD: z.string().optional(),
	PEEGEL_DEMO: flag,
	PEEGEL_MIGRATIONS_DIR: z.string().min(1).optional(),
	/**
	 * Demo data made on the first start of an empty database. 20,000 people: with fewer, most
	 * released statistics (by county and age group) count fewer than 10 people and are withheld.
	 */
	PEEGEL_DEMO_PEOPLE: z.coerce.number().int().min(50).max(1_000_000).default(20_000),
	PEEGEL_DEMO_EVENTS: z.coerce.number().int().min(100).max(50_000_000).default(150_000),
	PEEGEL_DEMO_SEED: z.coerce.number().int().default(2026),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	/** The ledger's keys as text (the key file's content), instead of a file. */
	PEEGEL_LEDGER_KEY: z.string().min(1).optional(),
	/** The ledger's key file; default <data dir>/ledger.key. */
	PEEGEL_LEDGER_KEY_FILE: z.string().min(1).optional(),
	/** The checkpoints' origin line and key name, for new keys. */
	PEEGEL_LEDGER_ORIGIN: z
		.string()
		.regex(/^[^\s+]+$/, 'must be a name without spaces or "+", such as peegel.example.ee/usage-log')
		.default('peegel.localhost/usage-log'),
	/**
	 * Benchmark only (npm run bench measures what the ledger costs): events are stored
	 * without ledger positions. Never in production: such a database has no tamper evidence.
	 */
	PEEGEL_BENCH_NO_LEDGER: flag,
	/** Witnesses whose cosignatures are accepted: their verifier keys, separated by spaces or commas. */
	PEEGEL_WITNESS_KEYS: z.string().optional(),
	/** Threads that validate ingestion bodies beside the main thread; 0: validate on it. */
	PEEGEL_VALIDATOR_THREADS: z.coerce.number().int().min(0).max(16).default(1),
	/** SMTP server for notification e-mail (smtp://user:pass@host:587, smtps://...); unset: .eml files in <data dir>/outbox/. */
	PEEGEL_SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL')
		.optional(),
	/** The sender of notification e-mail. */
	PEEGEL_MAIL_FROM: z.string().min(3).default('Peegel <no-reply@peegel.localhost>'),
	/** How often the notifier looks for new events, in milliseconds. */
	PEEGEL_NOTIFY_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2000),
	/** How often detection runs its rules over new events, in milliseconds (also on demand at /oversight/detection). */
	PEEGEL_DETECT_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
	/** The site's public address (adapter-node's ORIGIN), for links in e-mail. */
	/**
	 * The secret behind the statistics' person keys (stats/person-key.ts), at least 32
	 * characters; unset: <data dir>/stats.pepper, made on first use. Never change it once
	 * statistics are stored: every person would count twice.
	 */
	PEEGEL_STATS_PEPPER: z.string().min(32, 'must be at least 32 characters (a long random secret)').optional(),
	/** How often the server checks whether the statistics rollups changed and makes a new release, in milliseconds. */
	PEEGEL_STATS_RELEASE_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(600_000),
	ORIGIN: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://peegel.example.ee' }).optional()
});

export type Config = z.infer<typeof schema> & { dataDir: string; embeddedPath: string | null; migrationsDir: string };

let cached: Config | null = null;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
		throw new Error(`Invalid environment: ${msg}`);
	}
	const c = parsed.data;
	const dataDir = path.resolve(c.PEEGEL_DATA_DIR);
	let embeddedPath: string | null = path.join(dataDir, 'clickhouse');
	if (c.CLICKHOUSE_URL?.startsWith('chdb:')) {
		const dir = c.CLICKHOUSE_URL.slice('chdb:'.length);
		if (dir) embeddedPath = path.resolve(dir);
	} else if (c.CLICKHOUSE_URL) {
		embeddedPath = null;
	}
	return { ...c, dataDir, embeddedPath, migrationsDir: migrationsDir(c.PEEGEL_MIGRATIONS_DIR) };
}

/**
 * db/migrations of the project: from the working directory, or beside the build when the
 * server is started from elsewhere (node /srv/peegel/build/index.js).
 */
function migrationsDir(configured: string | undefined): string {
	if (configured) return path.resolve(configured);
	const fromCwd = path.resolve('db/migrations');
	const entry = process.argv[1];
	if (existsSync(fromCwd) || !entry) return fromCwd;
	const besideBuild = path.resolve(path.dirname(entry), '..', 'db/migrations');
	return existsSync(besideBuild) ? besideBuild : fromCwd;
}

export function config(): Config {
	cached ??= loadConfig();
	return cached;
}
