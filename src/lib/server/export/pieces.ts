/**
 * Turning the export's text into a response body, piece by piece: small pieces are joined
 * into pieces of about 64 KiB (one write each, instead of one per event), and the body is
 * pulled, so nothing is read from the database before the client takes what came before.
 */

export const PIECE_SIZE = 64 * 1024;

/** The same text in pieces of at least `size` characters (the last may be shorter). */
export async function* coalesce(source: AsyncIterable<string>, size = PIECE_SIZE): AsyncGenerator<string> {
	let parts: string[] = [];
	let length = 0;
	for await (const s of source) {
		parts.push(s);
		length += s.length;
		if (length >= size) {
			yield parts.join('');
			parts = [];
			length = 0;
		}
	}
	if (length > 0) yield parts.join('');
}

/**
 * A response body over text pieces, UTF-8. When the source fails part-way the stream
 * errors rather than closing, so the server breaks the connection and the download fails
 * visibly instead of ending looking complete. A client that goes away cancels the source.
 */
export function byteStream(pieces: AsyncIterable<string>, onError: (err: unknown) => void = () => {}): ReadableStream<Uint8Array> {
	const it = pieces[Symbol.asyncIterator]();
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const next = await it.next();
				if (next.done) controller.close();
				else controller.enqueue(encoder.encode(next.value));
			} catch (err) {
				onError(err);
				controller.error(err);
			}
		},
		async cancel() {
			await it.return?.(undefined);
		}
	});
}

/**
 * The source with its first item read already: a failure to start (the query refused)
 * surfaces here, while an error response can still be sent, not in the middle of a body.
 * Returning from the result returns from the source (whether or not it was read from).
 */
export async function started<T>(source: AsyncIterable<T>): Promise<AsyncIterableIterator<T>> {
	const it = source[Symbol.asyncIterator]();
	let first: IteratorResult<T> | null = await it.next();
	const iterator: AsyncIterableIterator<T> = {
		async next() {
			if (first === null) return it.next();
			const f = first;
			first = null;
			return f;
		},
		async return(value?: unknown) {
			first = null;
			return (await it.return?.(value)) ?? { done: true, value: undefined };
		},
		[Symbol.asyncIterator]() {
			return iterator;
		}
	};
	return iterator;
}
