/** Reading numbers out of fixed-position text without allocating (ingestion's hot path). */

/** The number written by the ASCII digits at [from, to) of s, or -1 if any is not a digit. */
export function digitsAt(s: string, from: number, to: number): number {
	let v = 0;
	for (let i = from; i < to; i++) {
		const d = s.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return -1;
		v = v * 10 + d;
	}
	return v;
}
