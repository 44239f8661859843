import { describe, expect, it } from 'vitest';
import { networkLayout, NETWORK_SIZE } from './network-layout';

const flows = [
	{ client: 'EE/GOV/1', service: 'EE/GOV/2', messages: 1000 },
	{ client: 'EE/GOV/2', service: 'EE/GOV/1', messages: 10 },
	{ client: 'EE/COM/*', service: 'EE/GOV/3', messages: 100 },
	{ client: 'EE/GOV/3', service: 'EE/GOV/1', messages: 0 }
];

describe('networkLayout', () => {
	it('is deterministic', () => {
		expect(networkLayout(flows)).toEqual(networkLayout(flows));
	});

	it('keeps every node inside the square and numbers the busiest first', () => {
		const l = networkLayout(flows);
		expect(l.nodes.map((n) => n.key)).toEqual(['EE/GOV/1', 'EE/GOV/2', 'EE/COM/*', 'EE/GOV/3']);
		for (const n of l.nodes) {
			expect(n.x - n.r).toBeGreaterThanOrEqual(0);
			expect(n.x + n.r).toBeLessThanOrEqual(NETWORK_SIZE);
			expect(n.y - n.r).toBeGreaterThanOrEqual(0);
			expect(n.y + n.r).toBeLessThanOrEqual(NETWORK_SIZE);
		}
	});

	it('draws wider edges for more messages and none for zero', () => {
		const l = networkLayout(flows);
		expect(l.edges).toHaveLength(3);
		expect(l.edges[0]!.width).toBeGreaterThan(l.edges[1]!.width);
	});

	it('has nothing to draw without flows', () => {
		expect(networkLayout([]).nodes).toEqual([]);
	});
});
