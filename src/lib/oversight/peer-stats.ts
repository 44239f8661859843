/**
 * How an official compares with their peers (the other officials of the same agency over
 * the same period), shared by server and browser: per measure, the peers' values, their
 * median, and the official's percentile rank among them.
 */
import { median } from 'd3';

/** One official's figures in a period (the peer query's row). */
export interface OfficialStats {
	actor: string;
	events: number;
	/** Distinct people whose data they used. */
	people: number;
	/** Manual events (not bulk processing). */
	manual: number;
	/** Manual events without a case reference. */
	noCase: number;
}

export const PEER_MEASURES = ['events', 'people', 'noCaseShare'] as const;
export type PeerMeasure = (typeof PEER_MEASURES)[number];

/** A measure's value for an official; the no-case share is null without manual events. */
export function measureOf(s: OfficialStats, measure: PeerMeasure): number | null {
	if (measure === 'events') return s.events;
	if (measure === 'people') return s.people;
	return s.manual > 0 ? s.noCase / s.manual : null;
}

/**
 * The percentile rank of a value among peers' values (0-100): the share of peers below it,
 * ties counting half, so an official in the middle of identical peers stands at 50. Null
 * without peers.
 */
export function percentileRank(value: number, peers: readonly number[]): number | null {
	if (peers.length === 0) return null;
	let below = 0;
	let equal = 0;
	for (const p of peers) {
		if (p < value) below++;
		else if (p === value) equal++;
	}
	return (100 * (below + equal / 2)) / peers.length;
}

export interface MeasureComparison {
	measure: PeerMeasure;
	/** The official's value (null: not measurable, e.g. no manual events). */
	value: number | null;
	/** The peers' values (peers for whom the measure is not measurable left out), ascending. */
	peers: number[];
	median: number | null;
	percentile: number | null;
}

/** Each measure compared; `self` null when the official had no events in the agency in the period. */
export function comparePeers(self: OfficialStats | null, peers: readonly OfficialStats[]): MeasureComparison[] {
	return PEER_MEASURES.map((measure) => {
		const values = peers
			.map((p) => measureOf(p, measure))
			.filter((v): v is number => v !== null)
			.sort((a, b) => a - b);
		const value = self ? measureOf(self, measure) : null;
		return {
			measure,
			value,
			peers: values,
			median: median(values) ?? null,
			percentile: value === null ? null : percentileRank(value, values)
		};
	});
}
