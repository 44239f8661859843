/**
 * Validated usage events on their way to the writer: each event's id and its canonical
 * JSON as one UTF-8 line of a shared buffer. One buffer (not an array of strings) crosses
 * from a validator thread without copying, and goes to ClickHouse as it is.
 */

export interface EventLines {
	/** event_id of each line, index by index. */
	ids: string[];
	/** UTF-8 JSON lines, each ending in '\n'. */
	body: Uint8Array;
	/** Byte offset where line i starts; offsets[ids.length] is the end of the last line. */
	offsets: Uint32Array;
}

const NEWLINE = 0x0a;

/** Appends canonical JSON lines to a growing buffer. */
export class EventLinesBuilder {
	private ids: string[] = [];
	private buf: Buffer;
	private pos = 0;
	private starts: number[] = [];

	constructor(expectedBytes = 64 * 1024) {
		// Never from Node's shared pool: the buffer may be transferred to another thread.
		this.buf = Buffer.allocUnsafeSlow(Math.max(1024, expectedBytes));
	}

	get size(): number {
		return this.ids.length;
	}

	/** Add one event: its id and its JSON text (which holds no raw newline, as JSON.stringify writes it). */
	add(id: string, json: string): void {
		// A UTF-16 code unit takes at most 3 bytes in UTF-8.
		const worst = json.length * 3 + 1;
		if (this.pos + worst > this.buf.byteLength) {
			const grown = Buffer.allocUnsafeSlow(Math.max(this.buf.byteLength * 2, this.pos + worst));
			this.buf.copy(grown, 0, 0, this.pos);
			this.buf = grown;
		}
		this.ids.push(id);
		this.starts.push(this.pos);
		this.pos += this.buf.write(json, this.pos, 'utf8');
		this.buf[this.pos++] = NEWLINE;
	}

	finish(): EventLines {
		const offsets = new Uint32Array(this.starts.length + 1);
		offsets.set(this.starts);
		offsets[this.starts.length] = this.pos;
		return { ids: this.ids, body: this.buf.subarray(0, this.pos), offsets };
	}
}

/** The lines of events from JSON-serialisable objects that carry an event_id (the seed's way in). */
export function eventLinesOf(events: readonly { event_id: string }[]): EventLines {
	const b = new EventLinesBuilder(events.length * 640);
	for (const e of events) b.add(e.event_id, JSON.stringify(e));
	return b.finish();
}

/** The bytes of line i (with its newline). */
export function lineAt(lines: EventLines, i: number): Uint8Array {
	return lines.body.subarray(lines.offsets[i]!, lines.offsets[i + 1]!);
}
