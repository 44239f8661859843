/**
 * Service events on their way into service_event: as rows (what the API resolves and the
 * seed generates), encoded as RowBinary, committed through the feed's one writer.
 */
import type { ServiceEvent } from '../../schemas/service-event';
import { tallinnYear } from '../../schemas/feed-common';
import { ageBand, type AgeBand, type Channel, type CountyName, type ServiceOutcome } from '../../stats/dimensions';
import type { BulkInsert } from '../db/bulk-insert';
import { personKey, pseudonymKey } from '../stats/person-key';
import { FeedWriter, type FeedCommit } from './feed-writer';
import { lookUpRegister } from './register-lookup';
import { FeedRowsBuilder, type FeedRows } from './row-binary';

/** One stored use of an e-service: the user only as age band, county and person key. */
export interface ServiceRow {
	event_id: string;
	usedAt: number;
	agency: string;
	service: string;
	channel: Channel;
	outcome: ServiceOutcome;
	ageBand: AgeBand;
	county: CountyName;
	personKey: bigint;
}

const INSERT: BulkInsert = {
	into: 'service_event (event_id, used_at, received_at, agency_code, service, channel, outcome, age_band, county, person_key)',
	select: "event_id, used_at, now64(3, 'UTC'), agency_code, service, channel, outcome, age_band, county, person_key",
	structure:
		"event_id UUID, used_at DateTime64(3, 'UTC'), agency_code String, service String, channel String, outcome String, " +
		'age_band String, county String, person_key UInt64'
};

const ROW_BYTES = 8 + 8 + 6 * 128;

export function serviceRows(rows: readonly ServiceRow[]): FeedRows {
	const b = new FeedRowsBuilder(rows.length * 112);
	for (const r of rows) {
		b.row(r.event_id, ROW_BYTES)
			.millis(r.usedAt)
			.string(r.agency)
			.string(r.service)
			.string(r.channel)
			.string(r.outcome)
			.string(r.ageBand)
			.string(r.county)
			.uint64(r.personKey);
	}
	return b.finish();
}

const writer = new FeedWriter({ table: 'service_event', insert: INSERT });

/** Commit encoded service rows; each event_id is stored once however often it comes. */
export function commitServiceRows(rows: FeedRows): Promise<FeedCommit> {
	return writer.commit(rows);
}

/** Validated events as rows: users by code are looked up in the register (one query for the batch). */
export async function resolveServiceUses(events: readonly ServiceEvent[]): Promise<ServiceRow[]> {
	const register = await lookUpRegister(events.flatMap((e) => (e.user.kind === 'code' ? [e.user.code] : [])));
	return events.map((e) => {
		const u = e.user;
		let band: AgeBand;
		let county: CountyName;
		let key: bigint;
		if (u.kind === 'code') {
			const known = register.get(u.code);
			band = ageBand(known?.birthYear ?? u.birthYear, tallinnYear(e.usedAt));
			county = known?.county ?? 'unknown';
			key = personKey(u.code);
		} else {
			band = u.ageBand;
			county = u.county;
			key = pseudonymKey(e.agency_code, u.pseudonym);
		}
		return { event_id: e.event_id, usedAt: e.usedAt, agency: e.agency_code, service: e.service, channel: e.channel, outcome: e.outcome, ageBand: band, county, personKey: key };
	});
}

/** The API's way in: resolve, encode, commit. */
export async function storeServiceUses(events: readonly ServiceEvent[]): Promise<FeedCommit> {
	return commitServiceRows(serviceRows(await resolveServiceUses(events)));
}
