/**
 * A lock per key within this process: callers with the same key run one after another, in
 * the order they asked; other keys are not held up. Keys are forgotten when nobody waits.
 */
const tails = new Map<string, Promise<void>>();

export async function withKeyLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
	const previous = tails.get(key) ?? Promise.resolve();
	let release!: () => void;
	const mine = new Promise<void>((resolve) => (release = resolve));
	// `previous` is always one of these release promises: it never rejects.
	const tail = previous.then(() => mine);
	tails.set(key, tail);
	await previous;
	try {
		return await fn();
	} finally {
		release();
		if (tails.get(key) === tail) tails.delete(key);
	}
}

/** How many keys are held or waited for (for tests: nothing is kept after use). */
export function heldKeyCount(): number {
	return tails.size;
}
