/**
 * Signed checkpoints: C2SP tlog-checkpoint bodies in signed notes, one per log size, all
 * kept in ledger_checkpoint. A checkpoint only ever names a size whose tiles are stored,
 * so every proof against it can be served. The checkpointer signs a new one within about
 * a second of the log growing.
 */
import { z } from 'zod';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { formatCheckpoint, formatVerifierKey, signNote } from '../../ledger/note';
import { int64 } from '../db/columns';
import { command, queryRows } from '../db/query';
import { ledgerKeys } from './keys';
import { theLedger } from './ledger';

export interface SignedCheckpoint {
	size: number;
	root: Uint8Array;
	/** The whole signed note, as served. */
	note: string;
}

const checkpointRow = z.object({ size: int64, root: z.string(), note: z.string() });
/** A stored checkpoint as checkpointRow reads it (the latest signing of its size). */
const CHECKPOINT = 'SELECT size, hex(root) AS root, argMax(note, signed_at) AS note FROM ledger_checkpoint';

let latest: SignedCheckpoint | null = null;
/** How long the last signing in this process took (root, signature, insert), in ms. */
let lastSigningMs: number | null = null;

export function lastCheckpointSigningMs(): number | null {
	return lastSigningMs;
}
let signing: Promise<SignedCheckpoint> | null = null;

function fromRow(r: z.output<typeof checkpointRow>): SignedCheckpoint {
	return { size: r.size, root: Buffer.from(r.root, 'hex'), note: r.note };
}

async function readLatest(): Promise<SignedCheckpoint | null> {
	const rows = await queryRows(
		`${CHECKPOINT} GROUP BY size, root ORDER BY size DESC LIMIT 1`,
		{},
		checkpointRow
	);
	return rows[0] ? fromRow(rows[0]) : null;
}

/** The newest checkpoint, signing one for the current log when there is none yet. */
export async function latestCheckpoint(): Promise<SignedCheckpoint> {
	latest ??= await readLatest();
	return latest ?? signCheckpoint();
}

/** Sign the log as its tiles stand now (after writing any outstanding ones). */
export function signCheckpoint(): Promise<SignedCheckpoint> {
	signing ??= (async () => {
		try {
			const ledger = await theLedger();
			await ledger.flush();
			latest ??= await readLatest();
			const size = ledger.durableSize;
			if (latest && latest.size === size) return latest;
			if (latest && latest.size > size) {
				throw new Error(`ledger: the newest checkpoint has size ${latest.size}, the tree only ${size}; run npm run ledger:verify`);
			}
			const t0 = performance.now();
			const root = await ledger.rootAt(size);
			const { signer } = ledgerKeys();
			const note = signNote(formatCheckpoint({ origin: signer.name, size, root }), signer);
			await command(
				`INSERT INTO ledger_checkpoint (size, root, note, signed_at)
				 SELECT {size:UInt64}, unhex({root:String}), {note:String}, now64(3, 'UTC')`,
				{ size, root: encodeHexLowerCase(root), note }
			);
			latest = { size, root, note };
			lastSigningMs = performance.now() - t0;
			return latest;
		} finally {
			signing = null;
		}
	})();
	return signing;
}

/** The stored checkpoint of one size, or null. */
export async function checkpointAt(size: number): Promise<SignedCheckpoint | null> {
	const rows = await queryRows(
		`${CHECKPOINT} WHERE size = {size:UInt64} GROUP BY size, root`,
		{ size },
		checkpointRow
	);
	return rows[0] ? fromRow(rows[0]) : null;
}

/** Every stored checkpoint, smallest first (the verifier checks them all). */
export async function allCheckpoints(): Promise<SignedCheckpoint[]> {
	const rows = await queryRows(
		`${CHECKPOINT} GROUP BY size, root ORDER BY size`,
		{},
		checkpointRow
	);
	return rows.map(fromRow);
}

/** The checkpoint verifier key: `<name>+<key id>+<key>`. */
export function verifierKey(): string {
	return formatVerifierKey(ledgerKeys().signer);
}

let timer: NodeJS.Timeout | null = null;

/** Sign a checkpoint whenever the log has grown, checking every `everyMs`. */
export function startCheckpointer(everyMs = 1000): void {
	if (timer) return;
	let busy = false;
	timer = setInterval(() => {
		if (busy) return;
		busy = true;
		void (async () => {
			try {
				const ledger = await theLedger();
				if (!latest || ledger.size !== latest.size) await signCheckpoint();
			} catch (err) {
				console.error('peegel: ledger: could not sign a checkpoint', err);
			} finally {
				busy = false;
			}
		})();
	}, everyMs);
	timer.unref();
}

export function stopCheckpointer(): void {
	if (timer) clearInterval(timer);
	timer = null;
}
