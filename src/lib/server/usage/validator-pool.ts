/**
 * Request bodies are decoded, parsed and validated on worker threads, so the main thread
 * (HTTP, commits) and the validation of other requests run on separate cores. This module
 * is also the worker's entry point: a worker is this same file, started with a role.
 * Where no worker can run (the dev server and tests run TypeScript sources), or one dies,
 * validation runs on the main thread; the result is the same.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { config } from '../config';
import { LeafBodyWriter } from '../ledger/leaf-body';
import { initSha256 } from '../ledger/sha256';
import { ledgerKeys } from '../ledger/keys';
import { BatchFormatError, parseBody, type BodyKind, type ParsedBatch } from './parse-batch';

const ROLE = 'peegel-validator';

interface Task {
	id: number;
	bytes: Uint8Array;
	kind: BodyKind;
	agency: string;
}

/**
 * A parsed batch as it crosses threads: the ids as one string and the rows' buffers
 * transferred, not cloned (structured cloning ten thousand strings cost more than parsing them).
 */
interface WireBatch {
	ids: string;
	body: Uint8Array;
	offsets: Uint32Array;
	fingerprints: Uint32Array;
	leaves: Uint8Array;
	leafOffsets: Uint32Array;
	rejected: ParsedBatch['rejected'];
}

type Reply = { id: number; batch: WireBatch } | { id: number; formatError: string } | { id: number; error: string };

function toWire(b: ParsedBatch): WireBatch {
	const { ids, body, offsets, fingerprints, leaves, leafOffsets } = b.valid;
	return { ids: ids.join('\n'), body, offsets, fingerprints, leaves, leafOffsets, rejected: b.rejected };
}

function fromWire(w: WireBatch): ParsedBatch {
	const ids = w.offsets.length > 1 ? w.ids.split('\n') : [];
	const { body, offsets, fingerprints, leaves, leafOffsets } = w;
	return { valid: { ids, body, offsets, fingerprints, leaves, leafOffsets }, rejected: w.rejected };
}

interface ValidatorData {
	role: string;
	/** The ledger's salt key: leaf bodies are written here, beside the rows (null: no ledger, bench only). */
	saltKey: Uint8Array | null;
}

if (!isMainThread && (workerData as ValidatorData | null)?.role === ROLE) {
	const saltKey = (workerData as ValidatorData).saltKey;
	const leaves = saltKey ? new LeafBodyWriter(saltKey) : null;
	// Until the WebAssembly SHA-256 is loaded, node:crypto hashes (the same bytes).
	void initSha256();
	parentPort!.on('message', (task: Task) => {
		let reply: Reply;
		let transfer: ArrayBuffer[] = [];
		try {
			const batch = toWire(parseBody(task.bytes, task.kind, task.agency, leaves));
			reply = { id: task.id, batch };
			// The builder's buffers are its own (never Node's shared pool), so they can move.
			transfer = [batch.body, batch.offsets, batch.fingerprints, batch.leaves, batch.leafOffsets].map((b) => b.buffer as ArrayBuffer);
		} catch (err) {
			reply = err instanceof BatchFormatError ? { id: task.id, formatError: err.message } : { id: task.id, error: String(err) };
		}
		parentPort!.postMessage(reply, transfer);
	});
}

interface Pending {
	task: Task;
	resolve: (b: ParsedBatch) => void;
	reject: (e: unknown) => void;
}

interface Slot {
	worker: Worker;
	pending: Map<number, Pending>;
}

let slots: Slot[] | null = null;
let nextId = 0;

/** Three semi-spaces of 64 MB, as the server's own --max-semi-space-size=64 gives the main thread. */
const YOUNG_GENERATION_MB = 192;

let mainThreadLeaves: LeafBodyWriter | null | undefined;

/** The salt key the leaves are written with, or null without the ledger (bench only). */
function saltKey(): Uint8Array | null {
	return config().PEEGEL_BENCH_NO_LEDGER ? null : ledgerKeys().saltKey;
}

function inThread(task: Task): ParsedBatch {
	if (mainThreadLeaves === undefined) {
		const key = saltKey();
		mainThreadLeaves = key ? new LeafBodyWriter(key) : null;
	}
	return parseBody(task.bytes, task.kind, task.agency, mainThreadLeaves);
}

function startWorkers(): Slot[] {
	const threads = config().PEEGEL_VALIDATOR_THREADS;
	// Only a built module can be a worker's entry; sources under vite dev or vitest cannot.
	if (threads === 0 || !import.meta.url.endsWith('.js')) return [];
	return Array.from({ length: threads }, () => {
		const worker = new Worker(new URL(import.meta.url), {
			workerData: { role: ROLE, saltKey: saltKey() } satisfies ValidatorData,
			// A batch's parsed events live until it is done; a young generation that holds a
			// few batches lets them die there instead of being copied into the old one.
			resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }
		});
		const slot: Slot = { worker, pending: new Map() };
		slot.worker.on('message', (reply: Reply) => {
			const p = slot.pending.get(reply.id);
			if (!p) return;
			slot.pending.delete(reply.id);
			if ('batch' in reply) p.resolve(fromWire(reply.batch));
			else if ('formatError' in reply) p.reject(new BatchFormatError(reply.formatError));
			else p.reject(new Error(`validator thread: ${reply.error}`));
		});
		const retire = (err: unknown) => {
			console.error('peegel: a validator thread stopped; validating on the main thread', err);
			slots = (slots ?? []).filter((s) => s !== slot);
			for (const p of slot.pending.values()) {
				try {
					p.resolve(inThread(p.task));
				} catch (e) {
					p.reject(e);
				}
			}
			slot.pending.clear();
		};
		slot.worker.on('error', retire);
		slot.worker.on('exit', (code) => code !== 0 && slots?.includes(slot) && retire(new Error(`exit code ${code}`)));
		return slot;
	});
}

/** Stop the validator threads (at shutdown): an idle worker would keep the process alive. */
export async function stopValidators(): Promise<void> {
	const running = slots ?? [];
	slots = [];
	await Promise.all(running.map((s) => s.worker.terminate()));
}

/** Decode, parse and validate an ingestion body; throws BatchFormatError for an unusable body. */
export function validateBody(bytes: Uint8Array, kind: BodyKind, agency: string): Promise<ParsedBatch> {
	slots ??= startWorkers();
	const task: Task = { id: nextId++, bytes, kind, agency };
	if (slots.length === 0) {
		try {
			return Promise.resolve(inThread(task));
		} catch (err) {
			return Promise.reject(err);
		}
	}
	const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
	return new Promise((resolve, reject) => {
		slot.pending.set(task.id, { task, resolve, reject });
		slot.worker.postMessage(task);
	});
}
