/**
 * One measure of the peer comparison as a histogram: how many peers fall in each range of
 * the measure (d3's bin over a linear scale), the peers' median as a dashed line, and the
 * official as a marked line with a label ("this official"), so the official's place is
 * carried by shape and text, not by colour alone. One viewBox unit is one CSS pixel.
 */
import { bin, scaleLinear } from 'd3';
import { textWidth } from './text-fit';

export const PEER_FONT_SIZE = 12;
export const PEER_HEIGHT = 150;

export interface PeerBin {
	x0: number;
	x1: number;
	/** Peers whose value is in [x0, x1) (the last bin includes its upper end). */
	count: number;
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface PeerLayout {
	width: number;
	height: number;
	plot: { left: number; right: number; top: number; bottom: number };
	bins: PeerBin[];
	/** Each tick, and its label's centre (kept inside the chart). */
	xTicks: { value: number; x: number; labelX: number }[];
	/** The largest bin's count (the bars' scale top). */
	maxCount: number;
	/** The official's line and its label's centre (kept inside the chart), or null. */
	self: { x: number; labelX: number } | null;
	median: { x: number } | null;
}

export interface PeerLayoutInput {
	/** The peers' values. */
	peers: readonly number[];
	value: number | null;
	median: number | null;
	/** The top of the scale when fixed (a share: 1); else from the data. */
	domainMax?: number;
}

/**
 * @param selfLabelChars the official's label's length, in characters
 * @param tickChars the longest tick label's length, in characters
 */
export function peerLayout(input: PeerLayoutInput, width: number, selfLabelChars: number, tickChars: number): PeerLayout {
	const w = Math.max(200, Math.round(width));
	const plot = { left: 10, right: w - 10, top: PEER_FONT_SIZE + 14, bottom: PEER_HEIGHT - 26 };
	const top = input.domainMax ?? Math.max(1, input.value ?? 0, ...input.peers);
	const tickCount = Math.max(2, Math.min(10, Math.floor((plot.right - plot.left) / (textWidth(tickChars, PEER_FONT_SIZE) + 16))));
	const x = scaleLinear().domain([0, top]).range([plot.left, plot.right]);
	if (input.domainMax === undefined) x.nice(tickCount);
	const [d0, d1] = x.domain() as [number, number];
	// About one bin per 24 px, at most 20, on round boundaries.
	const binCount = Math.max(4, Math.min(20, Math.floor((plot.right - plot.left) / 24)));
	const bins = bin()
		.domain([d0, d1])
		.thresholds(x.ticks(binCount).filter((t) => t > d0 && t < d1))([...input.peers])
		.filter((b) => (b.x1 ?? d1) > (b.x0 ?? d0));
	const maxCount = Math.max(1, ...bins.map((b) => b.length));
	const y = scaleLinear().domain([0, maxCount]).range([plot.bottom, plot.top]);
	const half = textWidth(selfLabelChars, PEER_FONT_SIZE) / 2;
	// A character to spare: wide digits in some fonts run past the estimate.
	const tickHalf = textWidth(tickChars + 1, PEER_FONT_SIZE) / 2;
	return {
		width: w,
		height: PEER_HEIGHT,
		plot,
		bins: bins.map((b) => {
			const x0 = b.x0 ?? d0;
			const x1 = b.x1 ?? d1;
			const left = x(x0);
			const bw = Math.max(1, x(x1) - left - 1);
			return { x0, x1, count: b.length, x: left, y: y(b.length), width: bw, height: plot.bottom - y(b.length) };
		}),
		xTicks: x.ticks(tickCount).map((value) => ({ value, x: x(value), labelX: Math.min(Math.max(x(value), tickHalf + 2), w - tickHalf - 2) })),
		maxCount,
		self: input.value === null ? null : { x: x(input.value), labelX: Math.min(Math.max(x(input.value), half + 2), w - half - 2) },
		median: input.median === null ? null : { x: x(input.median) }
	};
}
