import { describe, expect, it } from 'vitest';
import { PEER_FONT_SIZE, peerLayout } from './peer-layout';
import { textWidth } from './text-fit';

const peers = [3, 5, 5, 8, 12, 13, 20, 41, 44, 90];

describe('peerLayout', () => {
	for (const width of [320, 640, 1100]) {
		it(`counts every peer once, in bins inside a ${width} px chart`, () => {
			const l = peerLayout({ peers, value: 120, median: 12.5 }, width, 14, 3);
			expect(l.bins.reduce((n, b) => n + b.count, 0)).toBe(peers.length);
			for (const b of l.bins) {
				expect(b.x).toBeGreaterThanOrEqual(l.plot.left - 1e-9);
				expect(b.x + b.width).toBeLessThanOrEqual(l.plot.right + 1e-9);
				expect(b.y + b.height).toBeCloseTo(l.plot.bottom, 9);
				expect(peers.filter((p) => p >= b.x0 && (p < b.x1 || (b === l.bins[l.bins.length - 1] && p <= b.x1))).length).toBe(b.count);
			}
			// The scale covers the official even when above every peer.
			expect(l.self!.x).toBeLessThanOrEqual(l.plot.right + 1e-9);
			expect(l.self!.labelX - textWidth(14, PEER_FONT_SIZE) / 2).toBeGreaterThanOrEqual(0);
			expect(l.self!.labelX + textWidth(14, PEER_FONT_SIZE) / 2).toBeLessThanOrEqual(width);
			for (let i = 1; i < l.xTicks.length; i++) expect(l.xTicks[i]!.labelX - l.xTicks[i - 1]!.labelX).toBeGreaterThanOrEqual(textWidth(3, PEER_FONT_SIZE));
			for (const t of l.xTicks) {
				expect(t.labelX - textWidth(3, PEER_FONT_SIZE) / 2).toBeGreaterThanOrEqual(0);
				expect(t.labelX + textWidth(3, PEER_FONT_SIZE) / 2).toBeLessThanOrEqual(width);
			}
		});
	}

	it('draws the largest bin full height, and places the median and the official on the scale', () => {
		const l = peerLayout({ peers: [1, 1, 1, 9], value: 5, median: 1 }, 640, 14, 2);
		const tallest = l.bins.reduce((a, b) => (b.count > a.count ? b : a));
		expect(tallest.count).toBe(3);
		expect(tallest.y).toBeCloseTo(l.plot.top, 9);
		const unit = (l.plot.right - l.plot.left) / (l.xTicks[l.xTicks.length - 1]!.value - l.xTicks[0]!.value);
		expect(l.self!.x).toBeCloseTo(l.plot.left + 5 * unit, 6);
		expect(l.median!.x).toBeCloseTo(l.plot.left + 1 * unit, 6);
	});

	it('keeps a share on a fixed 0-1 scale', () => {
		const l = peerLayout({ peers: [0, 0.05, 0.1], value: 0.5, median: 0.05, domainMax: 1 }, 640, 14, 4);
		expect(l.xTicks[0]!.value).toBe(0);
		expect(l.xTicks[l.xTicks.length - 1]!.value).toBe(1);
		expect(l.self!.x).toBeCloseTo((l.plot.left + l.plot.right) / 2, 6);
	});

	it('lays out a comparison without peers or without the official', () => {
		const l = peerLayout({ peers: [], value: null, median: null }, 320, 14, 1);
		expect(l.bins.every((b) => b.count === 0)).toBe(true);
		expect(l.self).toBeNull();
		expect(l.median).toBeNull();
	});
});
