import { describe, expect, it } from 'vitest';
import { comparePeers, measureOf, percentileRank, type OfficialStats } from './peer-stats';

const o = (actor: string, events: number, people: number, manual: number, noCase: number): OfficialStats => ({ actor, events, people, manual, noCase });

describe('percentileRank', () => {
	it('is the share of peers below, ties counting half', () => {
		expect(percentileRank(10, [1, 2, 3, 4])).toBe(100);
		expect(percentileRank(0, [1, 2, 3, 4])).toBe(0);
		expect(percentileRank(3, [1, 2, 3, 4])).toBe(62.5);
		expect(percentileRank(5, [5, 5, 5])).toBe(50);
		expect(percentileRank(2.5, [1, 2, 3, 4])).toBe(50);
	});

	it('is null without peers', () => {
		expect(percentileRank(3, [])).toBeNull();
	});
});

describe('comparePeers', () => {
	const self = o('EE1', 40, 30, 40, 10);
	const peers = [o('EE2', 10, 8, 10, 1), o('EE3', 20, 20, 20, 0), o('EE4', 30, 25, 0, 0), o('EE5', 50, 10, 50, 5)];

	it('gives each measure the peers’ values, their median and where the official stands', () => {
		const [events, people, share] = comparePeers(self, peers);
		expect(events).toEqual({ measure: 'events', value: 40, peers: [10, 20, 30, 50], median: 25, percentile: 75 });
		expect(people).toEqual({ measure: 'people', value: 30, peers: [8, 10, 20, 25], median: 15, percentile: 100 });
		// EE4 has no manual events: no share to compare, left out.
		expect(share!.value).toBe(0.25);
		expect(share!.peers).toEqual([0, 0.1, 0.1]);
		expect(share!.median).toBe(0.1);
		expect(share!.percentile).toBe(100);
	});

	it('has no value or percentile for an official without events there, and no median without peers', () => {
		const [events] = comparePeers(null, peers);
		expect(events!.value).toBeNull();
		expect(events!.percentile).toBeNull();
		const [alone] = comparePeers(self, []);
		expect(alone).toEqual({ measure: 'events', value: 40, peers: [], median: null, percentile: null });
	});

	it('measures the no-case share of manual events only', () => {
		expect(measureOf(o('EE6', 10, 1, 4, 1), 'noCaseShare')).toBe(0.25);
		expect(measureOf(o('EE7', 10, 1, 0, 0), 'noCaseShare')).toBeNull();
	});
});
