/**
 * Which subtree hashes make up a proof (RFC 6962, 2.1.1 and 2.1.2), as leaf ranges, and how
 * a range splits into the perfect subtrees that a tile store keeps. The server fills the
 * plan from stored nodes; tests fill it from a tree in memory.
 */
import { hashChildren } from './merkle';

/** Leaves [start, end) of the log; the hash of a range is its RFC 6962 MTH. */
export interface Range {
	start: number;
	end: number;
}

/** A perfect subtree: 2^height leaves starting at index * 2^height. */
export interface Node {
	height: number;
	index: number;
}

function checkSize(n: number, what: string): void {
	if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number, 0 or more`);
}

/** The largest power of two strictly below n (n >= 2). */
export function splitPoint(n: number): number {
	let k = 1;
	while (k * 2 < n) k *= 2;
	return k;
}

/** The ranges whose hashes form the inclusion proof of leaf `index` in a tree of `size`. */
export function inclusionPlan(index: number, size: number): Range[] {
	checkSize(index, 'index');
	checkSize(size, 'size');
	if (index >= size) throw new RangeError(`index ${index} is not below tree size ${size}`);
	const out: Range[] = [];
	const path = (m: number, start: number, end: number): void => {
		const n = end - start;
		if (n <= 1) return;
		const k = splitPoint(n);
		if (m < k) {
			path(m, start, start + k);
			out.push({ start: start + k, end });
		} else {
			path(m - k, start + k, end);
			out.push({ start, end: start + k });
		}
	};
	path(index, 0, size);
	return out;
}

/** The ranges whose hashes form the consistency proof from size1 to size2 (0 < size1 <= size2). */
export function consistencyPlan(size1: number, size2: number): Range[] {
	checkSize(size1, 'first size');
	checkSize(size2, 'second size');
	if (size1 < 1 || size1 > size2) throw new RangeError(`no consistency proof from size ${size1} to size ${size2}`);
	const out: Range[] = [];
	const sub = (m: number, start: number, end: number, whole: boolean): void => {
		const n = end - start;
		if (m === n) {
			if (!whole) out.push({ start, end });
			return;
		}
		const k = splitPoint(n);
		if (m <= k) {
			sub(m, start, start + k, whole);
			out.push({ start: start + k, end });
		} else {
			sub(m - k, start + k, end, false);
			out.push({ start, end: start + k });
		}
	};
	sub(size1, 0, size2, true);
	return out;
}

/**
 * The perfect subtrees a range is made of, largest first: the range's hash is the right
 * fold hashChildren(first, hashChildren(second, ...)). Ranges in a plan always start on a
 * boundary of their largest subtree, so every piece is a node of the tree.
 */
export function perfectSubtrees(range: Range): Node[] {
	const out: Node[] = [];
	let start = range.start;
	let left = range.end - range.start;
	while (left > 0) {
		let size = 1;
		let height = 0;
		while (size * 2 <= left) {
			size *= 2;
			height++;
		}
		if (start % size !== 0) throw new RangeError(`range [${range.start}, ${range.end}) is not made of aligned subtrees`);
		out.push({ height, index: start / size });
		start += size;
		left -= size;
	}
	return out;
}

/** The hash of a range from the hashes of its perfect subtrees (in perfectSubtrees order). */
export function foldSubtrees(hashes: readonly Uint8Array[]): Uint8Array {
	if (hashes.length === 0) throw new RangeError('an empty range has no subtree hash');
	let acc = hashes[hashes.length - 1]!;
	for (let i = hashes.length - 2; i >= 0; i--) acc = hashChildren(hashes[i]!, acc);
	return acc;
}
