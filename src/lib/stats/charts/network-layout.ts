/**
 * The data-exchange network: members as nodes, client → service flows as edges. d3-force
 * places the nodes, run for a fixed number of ticks from fixed starting points with a
 * fixed random source, so the same data always gives the same picture (the server draws
 * it). Edge width grows with the square root of messages (area-like), node size with the
 * member's messages in and out.
 */
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, scaleSqrt, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3';

export const NETWORK_SIZE = 400;
const TICKS = 300;
const MARGIN = 24;

export interface FlowInput {
	client: string;
	service: string;
	messages: number;
}

export interface NetworkNode {
	key: string;
	/** 1-based number shown in the node and in the members list. */
	number: number;
	x: number;
	y: number;
	r: number;
	messages: number;
}

export interface NetworkEdge {
	client: string;
	service: string;
	messages: number;
	/** A path from the client's edge to the service's, curved so two directions do not overlap. */
	d: string;
	width: number;
}

export interface NetworkLayout {
	size: number;
	nodes: NetworkNode[];
	edges: NetworkEdge[];
}

/** A small linear congruential generator: d3's own choice for a seeded random source. */
function lcg(seed: number): () => number {
	let s = seed >>> 0;
	return () => ((s = (1664525 * s + 1013904223) >>> 0) / 4294967296);
}

interface SimNode extends SimulationNodeDatum {
	key: string;
}

export function networkLayout(flows: readonly FlowInput[]): NetworkLayout {
	const used = flows.filter((f) => f.messages > 0 && f.client !== f.service);
	const totals = new Map<string, number>();
	for (const f of used) {
		totals.set(f.client, (totals.get(f.client) ?? 0) + f.messages);
		totals.set(f.service, (totals.get(f.service) ?? 0) + f.messages);
	}
	// Busiest members first: they get the low numbers.
	const keys = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
	if (keys.length === 0) return { size: NETWORK_SIZE, nodes: [], edges: [] };

	const radius = scaleSqrt().domain([0, Math.max(...totals.values())]).range([9, 20]);
	const width = scaleSqrt().domain([0, Math.max(...used.map((f) => f.messages))]).range([1, 9]);
	const nodes: SimNode[] = keys.map((key) => ({ key }));
	const byKey = new Map(nodes.map((n) => [n.key, n]));
	const links: SimulationLinkDatum<SimNode>[] = used.map((f) => ({ source: byKey.get(f.client)!, target: byKey.get(f.service)! }));

	const sim = forceSimulation(nodes)
		.randomSource(lcg(42))
		.force('link', forceLink(links).distance(90))
		.force('charge', forceManyBody().strength(-220))
		.force('collide', forceCollide<SimNode>((n) => radius(totals.get(n.key)!) + 6))
		.force('center', forceCenter(0, 0))
		.stop();
	sim.tick(TICKS);

	// Fit the result into the square, keeping its proportions.
	const xs = nodes.map((n) => n.x!);
	const ys = nodes.map((n) => n.y!);
	const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	const span = Math.max(maxX - minX, maxY - minY, 1);
	const inner = NETWORK_SIZE - 2 * (MARGIN + 20);
	const fit = (v: number, min: number, extent: number) => MARGIN + 20 + ((v - min) + (span - extent) / 2) * (inner / span);
	const placed: NetworkNode[] = nodes.map((n, i) => ({
		key: n.key,
		number: i + 1,
		x: round(fit(n.x!, minX, maxX - minX)),
		y: round(fit(n.y!, minY, maxY - minY)),
		r: round(radius(totals.get(n.key)!)),
		messages: totals.get(n.key)!
	}));
	const at = new Map(placed.map((n) => [n.key, n]));
	const edges: NetworkEdge[] = used.map((f) => {
		const a = at.get(f.client)!;
		const b = at.get(f.service)!;
		return { client: f.client, service: f.service, messages: f.messages, d: curve(a, b), width: round(width(f.messages)) };
	});
	return { size: NETWORK_SIZE, nodes: placed, edges };
}

function round(v: number): number {
	return Math.round(v * 10) / 10;
}

/** A gentle arc from a's rim to b's rim, bending to the right of the direction of travel. */
function curve(a: NetworkNode, b: NetworkNode): string {
	const dx = b.x - a.x;
	const dy = b.y - a.y;
	const len = Math.hypot(dx, dy) || 1;
	const [ux, uy] = [dx / len, dy / len];
	const [sx, sy] = [a.x + ux * a.r, a.y + uy * a.r];
	const [ex, ey] = [b.x - ux * (b.r + 4), b.y - uy * (b.r + 4)];
	const bend = Math.min(30, len * 0.15);
	const [cx, cy] = [(sx + ex) / 2 - uy * bend, (sy + ey) / 2 + ux * bend];
	return `M${round(sx)},${round(sy)}Q${round(cx)},${round(cy)} ${round(ex)},${round(ey)}`;
}
