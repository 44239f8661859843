import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { newCosigner, verifyCosignature } from '../../ledger/cosignature';
import { hashChildren, hashLeaf } from '../../ledger/merkle';
import { formatCheckpoint, newSigner, parseNote, signNote } from '../../ledger/note';
import { consistencyPlan, splitPoint, type Range } from '../../ledger/proof-plan';
import { witnessOnce, type WitnessState } from './witness';

const logKey = newSigner('example.org/log');
const witness = newCosigner('witness.example.org');

function mth(leaves: Uint8Array[]): Uint8Array {
	if (leaves.length === 1) return hashLeaf(leaves[0]!);
	const k = splitPoint(leaves.length);
	return hashChildren(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

/** A log in memory, optionally lying: `fork` replaces leaf 0 in what it shows from then on. */
function fakeLog(n: number, fork = false) {
	const leaves = Array.from({ length: n }, (_, i) => createHash('sha256').update(`${fork ? 'x' : ''}${i}`).digest());
	const range = (r: Range) => mth(leaves.slice(r.start, r.end));
	const note = signNote(formatCheckpoint({ origin: logKey.name, size: n, root: mth(leaves) }), logKey);
	const submitted: string[] = [];
	return {
		submitted,
		transport: {
			checkpoint: async () => note,
			consistency: async (from: number, to: number) => consistencyPlan(from, to).map(range),
			submit: async (s: string) => void submitted.push(s)
		}
	};
}

function memoryStore(initial: WitnessState | null = null) {
	let state = initial;
	return { load: async () => state, save: async (s: WitnessState) => void (state = s), get: () => state };
}

describe('witnessOnce', () => {
	it('cosigns a checkpoint consistent with the last one it cosigned, and remembers it', async () => {
		const store = memoryStore();
		const first = fakeLog(5);
		expect(await witnessOnce({ logKey, witness, transport: first.transport, store })).toEqual({ outcome: 'cosigned', size: 5 });
		const grown = fakeLog(12);
		expect(await witnessOnce({ logKey, witness, transport: grown.transport, store })).toEqual({ outcome: 'cosigned', size: 12 });
		expect(store.get()!.size).toBe(12);
		const note = parseNote(grown.submitted[0]!);
		expect(verifyCosignature(note, witness).ok).toBe(true);
	});

	it('refuses a log that rewrote its past (not consistent), shrank, or forked', async () => {
		const store = memoryStore();
		await witnessOnce({ logKey, witness, transport: fakeLog(5).transport, store });
		const rewritten = fakeLog(12, true);
		expect(await witnessOnce({ logKey, witness, transport: rewritten.transport, store })).toMatchObject({ outcome: 'refused', reason: /not consistent/ });
		expect(rewritten.submitted).toEqual([]);
		expect(await witnessOnce({ logKey, witness, transport: fakeLog(4).transport, store })).toMatchObject({ outcome: 'refused', reason: /shrank/ });
		expect(await witnessOnce({ logKey, witness, transport: fakeLog(5, true).transport, store })).toMatchObject({ outcome: 'refused', reason: /forked/ });
		expect(store.get()!.size).toBe(5);
	});

	it('refuses a checkpoint not signed by the log it trusts', async () => {
		const store = memoryStore();
		const r = await witnessOnce({ logKey: newSigner('example.org/log'), witness, transport: fakeLog(3).transport, store });
		expect(r).toMatchObject({ outcome: 'refused', reason: /not signed by the log/ });
	});
});
