/**
 * Signature events on their way into signature_event: as rows (what the API resolves and
 * the seed generates), encoded as RowBinary, committed through the feed's one writer.
 */
import type { SignatureEvent } from '../../schemas/signature-event';
import { tallinnYear } from '../../schemas/feed-common';
import { ageBand, type AgeBand, type Container, type CountyName, type Sector, type SignatureMethod } from '../../stats/dimensions';
import type { BulkInsert } from '../db/bulk-insert';
import { personKey, pseudonymKey } from '../stats/person-key';
import { FeedWriter, type FeedCommit } from './feed-writer';
import { lookUpRegister } from './register-lookup';
import { FeedRowsBuilder, type FeedRows } from './row-binary';

/** One stored signature: the signer only as birth year, county, age band and person key. */
export interface SignatureRow {
	event_id: string;
	signedAt: number;
	reporter: string;
	method: SignatureMethod;
	sector: Sector;
	container: Container;
	birthYear: number;
	county: CountyName;
	ageBand: AgeBand;
	personKey: bigint;
}

const INSERT: BulkInsert = {
	into: 'signature_event (event_id, signed_at, received_at, reporter_code, method, sector, container, birth_year, county, age_band, person_key)',
	select: "event_id, signed_at, now64(3, 'UTC'), reporter_code, method, sector, container, birth_year, county, age_band, person_key",
	structure:
		"event_id UUID, signed_at DateTime64(3, 'UTC'), reporter_code String, method String, sector String, container String, " +
		'birth_year UInt16, county String, age_band String, person_key UInt64'
};

/** Bytes after the event id, generously: every text is a short code. */
const ROW_BYTES = 8 + 2 + 8 + 6 * 128;

export function signatureRows(rows: readonly SignatureRow[]): FeedRows {
	const b = new FeedRowsBuilder(rows.length * 96);
	for (const r of rows) {
		b.row(r.event_id, ROW_BYTES)
			.millis(r.signedAt)
			.string(r.reporter)
			.string(r.method)
			.string(r.sector)
			.string(r.container)
			.uint16(r.birthYear)
			.string(r.county)
			.string(r.ageBand)
			.uint64(r.personKey);
	}
	return b.finish();
}

const writer = new FeedWriter({ table: 'signature_event', insert: INSERT });

/** Commit encoded signature rows; each event_id is stored once however often it comes. */
export function commitSignatureRows(rows: FeedRows): Promise<FeedCommit> {
	return writer.commit(rows);
}

/** Validated events as rows: signers by code are looked up in the register (one query for the batch). */
export async function resolveSignatures(events: readonly SignatureEvent[], reporter: string): Promise<SignatureRow[]> {
	const register = await lookUpRegister(events.flatMap((e) => (e.signer.kind === 'code' ? [e.signer.code] : [])));
	return events.map((e) => {
		const s = e.signer;
		const known = s.kind === 'code' ? register.get(s.code) : undefined;
		const birthYear = known?.birthYear ?? s.birthYear;
		return {
			event_id: e.event_id,
			signedAt: e.signedAt,
			reporter,
			method: e.method,
			sector: e.sector,
			container: e.container,
			birthYear,
			county: s.kind === 'code' ? (known?.county ?? 'unknown') : s.county,
			ageBand: ageBand(birthYear, tallinnYear(e.signedAt)),
			personKey: s.kind === 'code' ? personKey(s.code) : pseudonymKey(reporter, s.pseudonym)
		};
	});
}

/** The API's way in: resolve, encode, commit. */
export async function storeSignatures(events: readonly SignatureEvent[], reporter: string): Promise<FeedCommit> {
	return commitSignatureRows(signatureRows(await resolveSignatures(events, reporter)));
}
