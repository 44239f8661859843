/**
 * Committing a generated stream of feed batches (the seed's way in): one commit in flight
 * while the next batch is generated and encoded, so at most three batches are in memory.
 */
/** What a commit reports: only how many were stored and how many were repeats count here. */
interface Committed {
	accepted: readonly unknown[];
	duplicates: readonly unknown[];
}

export interface FeedCounts {
	generated: number;
	accepted: number;
	duplicates: number;
}

export async function commitStream<R>(
	batches: Iterable<R[]>,
	commit: (rows: R[]) => Promise<Committed>,
	onCommitted: (counts: FeedCounts) => void = () => {}
): Promise<FeedCounts> {
	const counts: FeedCounts = { generated: 0, accepted: 0, duplicates: 0 };
	const count = (r: Committed) => {
		counts.accepted += r.accepted.length;
		counts.duplicates += r.duplicates.length;
		onCommitted({ ...counts });
	};
	let previous: Promise<void> | null = null;
	let latest: Promise<void> | null = null;
	try {
		for (const batch of batches) {
			counts.generated += batch.length;
			latest = commit(batch).then(count);
			latest.catch(() => {}); // awaited below; never an unhandled rejection meanwhile
			if (previous) await previous;
			previous = latest;
		}
		if (latest) await latest;
	} finally {
		// On failure, let the last commit settle before the caller closes the database.
		if (latest) await latest.catch(() => {});
	}
	return counts;
}
