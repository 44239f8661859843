/** Reading request bodies with a hard size limit, so a huge upload is refused, not buffered. */

export class BodyTooLargeError extends Error {
	constructor(readonly limit: number) {
		super(`request body exceeds the limit of ${limit} bytes (${(limit / 1024 / 1024).toFixed(0)} MiB)`);
	}
}

export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
	if (!request.body) return new Uint8Array(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel();
			throw new BodyTooLargeError(limit);
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks, size);
}
