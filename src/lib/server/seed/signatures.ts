/**
 * Demo e-signatures, shaped like Estonia's (over 120 M a year in 2021, about 70 % with the
 * ID card, the rest Mobile-ID, Smart-ID and a little foreign eID): signers drawn from the
 * seeded register (18-74 heavy, fewer 65+, a few 15-17), plus e-residents and foreigners
 * the register does not know (county unknown); relying parties mostly businesses, a
 * sizeable government share, some private persons; containers mostly ASiC-E, some PDF;
 * the office week's rhythm and growth over the same two-year window as the usage events.
 * Batches are generated one at a time (bounded memory) and go through the feed's writer,
 * the API's commit path. Deterministic for (ref, count, seed, now).
 */
import { tallinnYear } from '../../schemas/feed-common';
import { ageBand, type Container, type Sector, type SignatureMethod } from '../../stats/dimensions';
import { commitStream, type FeedCounts } from '../feeds/commit-stream';
import { commitSignatureRows, signatureRows, type SignatureRow } from '../feeds/signatures';
import { pseudonymKey } from '../stats/person-key';
import { Calendar } from './calendar';
import { AGENCY } from './catalogue';
import { WINDOW_DAYS } from './factory';
import { FeedPeople } from './feed-people';
import { makeWeighted, Rng } from './random';
import type { Reference } from './reference';

/** Who reports signatures in the demo: the eID infrastructure's keeper. */
export const SIGNATURE_REPORTER = AGENCY.ria;

/**
 * Rows per generated batch (and per insert): larger than the usage events' batches, as
 * each insert also writes the rollups' parts; 200 k rows are about 40 MB in memory.
 */
export const FEED_SEED_BATCH = 200_000;

export interface FeedSeedOptions {
	count: number;
	seed: number;
	/** End of the two-year window (default: now). */
	now?: number | Date;
	batchSize?: number;
}

/** Relative signing per person by age: working ages heavy, few teenagers, fewer pensioners. */
export function signingWeight(age: number): number {
	if (age < 15) return 0;
	if (age < 18) return 0.12;
	if (age < 25) return 0.8;
	if (age < 55) return 1.3;
	if (age < 65) return 1;
	if (age < 75) return 0.55;
	return 0.15;
}

/** Signatures by people not in the register: e-residents and foreigners. */
const OUTSIDER_SHARE = 0.03;
const sampleSector = makeWeighted<Sector>(['business', 'government', 'private'], [0.6, 0.3, 0.1]);
const sampleContainer = makeWeighted<Container>(['asice', 'pdf', 'bdoc', 'xades', 'cades'], [0.78, 0.16, 0.04, 0.01, 0.01]);
const sampleOutsiderMethod = makeWeighted<SignatureMethod>(['id_card', 'smart_id', 'foreign_eid'], [0.6, 0.1, 0.3]);

/** A resident's method: Smart-ID gains over the window and among the young; the ID card stays about 70 %. */
function residentMethod(rng: Rng, age: number, progress: number): SignatureMethod {
	const smart = 0.12 + 0.08 * progress + (age < 35 ? 0.08 : age >= 65 ? -0.07 : 0);
	const mobile = 0.12 + (age >= 35 && age < 65 ? 0.03 : 0);
	const u = rng.float();
	if (u < smart) return 'smart_id';
	if (u < smart + mobile) return 'mobile_id';
	if (u < smart + mobile + 0.003) return 'other';
	return 'id_card';
}

function resolveNow(now: number | Date | undefined): number {
	return Math.floor(now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime());
}

export function* generateSignatures(ref: Reference, opts: FeedSeedOptions): Generator<SignatureRow[], void, undefined> {
	const batchSize = opts.batchSize ?? FEED_SEED_BATCH;
	if (!Number.isInteger(opts.count) || opts.count < 0) throw new Error(`signatures must be a non-negative integer, got ${opts.count}`);
	if (opts.count === 0) return;
	const now = resolveNow(opts.now);
	const rng = new Rng(`peegel-signatures:${opts.seed}`);
	const people = new FeedPeople(ref);
	const referenceYear = Number(ref.asOf.slice(0, 4));
	const signer = people.sampler((born) => signingWeight(referenceYear - born));
	const cal = new Calendar(now, WINDOW_DAYS);
	const from = cal.start[0]!;
	const outsiders = Math.max(20, Math.round(ref.people.length / 40));
	const outsiderKeys = Array.from({ length: outsiders }, (_, i) => pseudonymKey(SIGNATURE_REPORTER, `seed-${opts.seed}-outsider-${i}`));
	const outsiderBorn = Array.from({ length: outsiders }, () => rng.int(1960, 2003));

	let batch: SignatureRow[] = [];
	for (let made = 0; made < opts.count; made++) {
		const t = cal.time(rng, 'office');
		const year = tallinnYear(t);
		const progress = (t - from) / (now - from);
		let birthYear: number;
		let key: bigint;
		let method: SignatureMethod;
		let county: SignatureRow['county'] = 'unknown';
		const i = signer && !rng.chance(OUTSIDER_SHARE) ? signer(rng) : -1;
		if (i >= 0) {
			birthYear = people.birthYear[i]!;
			county = people.county[i]!;
			key = people.key(i);
			method = residentMethod(rng, year - birthYear, progress);
		} else {
			const o = Math.floor(rng.float() * outsiders);
			birthYear = outsiderBorn[o]!;
			key = outsiderKeys[o]!;
			method = sampleOutsiderMethod(rng);
		}
		batch.push({
			event_id: rng.uuid(),
			signedAt: t,
			reporter: SIGNATURE_REPORTER,
			method,
			sector: sampleSector(rng),
			container: sampleContainer(rng),
			birthYear,
			county,
			ageBand: ageBand(birthYear, year),
			personKey: key
		});
		if (batch.length === batchSize) {
			yield batch;
			batch = [];
		}
	}
	if (batch.length > 0) yield batch;
}

/** Generate and commit the demo signatures through the feed's writer. */
export function seedSignatures(ref: Reference, opts: FeedSeedOptions, onCommitted?: (c: FeedCounts) => void): Promise<FeedCounts> {
	return commitStream(generateSignatures(ref, opts), (rows) => commitSignatureRows(signatureRows(rows)), onCommitted);
}
