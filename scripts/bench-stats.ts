// The statistics part of npm run bench: e-signature events through their API, a release
// made from the rollups, then the public statistics pages and downloads timed.
import type { Reference } from '../src/lib/server/seed/reference';
import { generateSignatures } from '../src/lib/server/seed/signatures';
import { AGE_BANDS, COUNTY_NAMES, SECTORS, SIGNATURE_METHODS } from '../src/lib/stats/dimensions';
import type { TestServer } from '../tests/support/server';
import { makeRelease, type ReleaseMade } from '../tests/support/stats';
import { percentile, prng } from './bench-math';

export interface StatsBenchOptions {
	signatures: number;
	seed: number;
	concurrency: number;
	/** An agency key that sends the signatures (the trust services' reporter in reality). */
	key: string;
	/** Page and download requests timed. */
	requests: number;
	log: (msg: string) => void;
}

export interface StatsBench {
	signatures: number;
	signaturesPerSecond: number;
	release: ReleaseMade;
	requests: number;
	p50: number;
	p95: number;
	max: number;
}

const BATCH = 20_000;

/** The signatures as a sender would write them: birth year, county and its own pseudonym per signer. */
function* bodies(ref: Reference, count: number, seed: number): Generator<{ body: string; events: number }> {
	for (const rows of generateSignatures(ref, { count, seed, batchSize: BATCH })) {
		const lines = rows.map((r) =>
			JSON.stringify({
				event_id: r.event_id,
				signed_at: new Date(r.signedAt).toISOString(),
				method: r.method,
				sector: r.sector,
				container: r.container,
				signer_birth_year: r.birthYear,
				signer_county: r.county,
				signer_pseudonym: r.personKey.toString(36)
			})
		);
		yield { body: lines.join('\n'), events: rows.length };
	}
}

async function sendSignatures(server: TestServer, ref: Reference, opts: StatsBenchOptions): Promise<{ accepted: number; seconds: number }> {
	const source = bodies(ref, opts.signatures, opts.seed);
	let accepted = 0;
	let busy = 0;
	const sender = async () => {
		for (let next = source.next(); !next.done; next = source.next()) {
			const t0 = performance.now();
			const res = await fetch(`${server.url}/api/v1/signature-events`, {
				method: 'POST',
				headers: { authorization: `Bearer ${opts.key}`, 'content-type': 'application/x-ndjson' },
				body: next.value.body
			});
			const text = await res.text();
			busy += (performance.now() - t0) / 1000 / opts.concurrency;
			if (res.status !== 200) throw new Error(`POST /api/v1/signature-events answered ${res.status}: ${text.slice(0, 500)}`);
			accepted += (JSON.parse(text) as { accepted: string[] }).accepted.length;
		}
	};
	const t0 = performance.now();
	await Promise.all(Array.from({ length: opts.concurrency }, sender));
	// Wall time: generation runs between requests on this one thread, so busy time would flatter.
	return { accepted, seconds: Math.max(busy, (performance.now() - t0) / 1000) };
}

/** The questions a visitor asks: every page and some downloads, with filters drawn at random. */
function statsUrls(count: number, seed: number): string[] {
	const random = prng(seed);
	const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
	const counties = COUNTY_NAMES.filter((c) => c !== 'unknown');
	const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
	const makers: (() => string)[] = [
		() => '/stats',
		() => '/stats/signatures',
		() => `/stats/signatures?${q({ county: pick(counties), age_band: pick(AGE_BANDS) })}`,
		() => `/stats/signatures?${q({ method: pick(SIGNATURE_METHODS), sector: pick(SECTORS) })}`,
		() => '/stats/services',
		() => `/stats/services?${q({ county: pick(counties) })}`,
		() => '/stats/adoption',
		() => '/stats/exchange',
		() => '/stats/coverage',
		() => `/stats/signatures.json?${q({ county: pick(counties), group: 'age_band' })}`,
		() => `/stats/signatures.csv?${q({ group: 'method', by: 'range' })}`
	];
	return Array.from({ length: count }, (_, i) => makers[i % makers.length]!());
}

export async function benchStatistics(server: TestServer, ref: Reference, opts: StatsBenchOptions): Promise<StatsBench> {
	opts.log(`sending ${opts.signatures.toLocaleString('en-US')} e-signature events (POST /api/v1/signature-events, ${opts.concurrency} senders)...`);
	const sent = await sendSignatures(server, ref, opts);
	const signaturesPerSecond = sent.accepted / sent.seconds;
	opts.log(`signatures: ${sent.accepted.toLocaleString('en-US')} in ${sent.seconds.toFixed(1)} s (${Math.round(signaturesPerSecond).toLocaleString('en-US')}/s); making a release...`);
	// The scheduled release's months: the complete ones.
	const release = await makeRelease(server, { through: undefined });
	opts.log(`release ${release.releaseId}: ${release.cells.toLocaleString('en-US')} cells, ${release.suppressed.toLocaleString('en-US')} withheld, ${release.ms} ms`);

	const urls = statsUrls(opts.requests, opts.seed);
	const get = async (url: string) => {
		const t0 = performance.now();
		const res = await fetch(`${server.url}${url}`, { headers: { 'accept-language': 'en' } });
		const body = await res.text();
		const ms = performance.now() - t0;
		if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 300)}`);
		return ms;
	};
	// The first request after a release loads its cells: once per release, not per visitor.
	for (const url of urls.slice(0, 11)) await get(url);
	opts.log(`timing ${urls.length} statistics pages and downloads...`);
	const ms: number[] = [];
	for (const url of urls) ms.push(await get(url));
	ms.sort((x, y) => x - y);
	return {
		signatures: sent.accepted,
		signaturesPerSecond,
		release,
		requests: ms.length,
		p50: percentile(ms, 50),
		p95: percentile(ms, 95),
		max: ms.at(-1)!
	};
}
