/**
 * Witnesses' cosignatures of checkpoints: accepted only from the witnesses configured in
 * PEEGEL_WITNESS_KEYS (and, in demo mode, the demo witness), only for checkpoints this log
 * signed, and only when valid; served as extra signature lines of the checkpoint.
 */
import { z } from 'zod';
import { parseWitnessKey, verifyCosignature } from '../../ledger/cosignature';
import { parseCheckpoint, parseNote, type Verifier } from '../../ledger/note';
import { config } from '../config';
import { int64 } from '../db/columns';
import { command, queryOne, queryRows } from '../db/query';
import type { SignedCheckpoint } from './checkpoints';

let extraWitnesses: string[] = [];

/** Add a witness key at run time (the demo witness). */
export function trustWitness(verifierKey: string): void {
	if (!extraWitnesses.includes(verifierKey)) extraWitnesses.push(verifierKey);
}

/** The witnesses whose cosignatures this log accepts, as verifier-key text. */
export function witnessKeyTexts(): string[] {
	const configured = (config().PEEGEL_WITNESS_KEYS ?? '').split(/[\s,]+/).filter(Boolean);
	return [...new Set([...configured, ...extraWitnesses])];
}

export function witnesses(): Verifier[] {
	return witnessKeyTexts().map((k) => {
		try {
			return parseWitnessKey(k);
		} catch (err) {
			throw new Error(`PEEGEL_WITNESS_KEYS: ${(err as Error).message}`);
		}
	});
}

export class CosignatureError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

const storedRow = z.object({ note: z.string() });

/** Store the valid cosignatures of known witnesses in a cosigned checkpoint note. */
export async function acceptCosignedNote(text: string): Promise<string[]> {
	let note;
	let checkpoint;
	try {
		note = parseNote(text);
		checkpoint = parseCheckpoint(note.text);
	} catch (err) {
		throw new CosignatureError(400, `not a cosigned checkpoint: ${(err as Error).message}`);
	}
	const stored = await queryOne(
		'SELECT argMax(note, signed_at) AS note FROM ledger_checkpoint WHERE size = {size:UInt64} GROUP BY size',
		{ size: checkpoint.size },
		storedRow
	);
	if (!stored || parseNote(stored.note).text !== note.text) {
		throw new CosignatureError(409, `this log signed no checkpoint of ${checkpoint.size} entries with that root`);
	}
	const accepted: { witness: string; line: string; timestamp: number }[] = [];
	for (const w of witnesses()) {
		const v = verifyCosignature(note, w);
		if (!v.ok) continue;
		const line = text.split('\n').find((l) => l.startsWith(`\u2014 ${w.name} `))!;
		accepted.push({ witness: w.name, line, timestamp: v.timestamp });
	}
	if (accepted.length === 0) throw new CosignatureError(400, 'no valid cosignature by a witness this log knows (PEEGEL_WITNESS_KEYS)');
	for (const a of accepted) {
		await command(
			`INSERT INTO ledger_cosignature (size, witness, line, cosigned_at, received_at)
			 SELECT {size:UInt64}, {witness:String}, {line:String}, toDateTime({t:UInt64}, 'UTC'), now64(3, 'UTC')`,
			{ size: checkpoint.size, witness: a.witness, line: a.line, t: a.timestamp }
		);
	}
	return accepted.map((a) => a.witness);
}

const lineRow = z
	.object({ witness: z.string(), last_line: z.string(), at: z.string() })
	.transform((r) => ({ witness: r.witness, line: r.last_line, cosigned_at: r.at }));

export interface Cosignature {
	witness: string;
	line: string;
	/** ClickHouse DateTime text, UTC. */
	cosigned_at: string;
}

/** Cosignatures of known witnesses for one checkpoint size. */
export async function cosignaturesOf(size: number): Promise<Cosignature[]> {
	const names = witnesses().map((w) => w.name);
	if (names.length === 0) return [];
	return queryRows(
		`SELECT witness, argMax(line, cosigned_at) AS last_line, toString(max(cosigned_at)) AS at FROM ledger_cosignature
		 WHERE size = {size:UInt64} AND witness IN {names:Array(String)} GROUP BY witness ORDER BY witness`,
		{ size, names },
		lineRow
	);
}

/** The checkpoint's note with the witnesses' lines after the log's signature. */
export async function servedNote(c: SignedCheckpoint): Promise<string> {
	const lines = await cosignaturesOf(c.size);
	return c.note + lines.map((l) => `${l.line}\n`).join('');
}

const sizeRow = z.object({ size: int64.nullable() });

/** The largest checkpoint size a known witness has cosigned, or null. */
export async function latestWitnessedSize(): Promise<number | null> {
	const names = witnesses().map((w) => w.name);
	if (names.length === 0) return null;
	const row = await queryOne(
		'SELECT if(count() = 0, NULL, max(size)) AS size FROM ledger_cosignature WHERE witness IN {names:Array(String)}',
		{ names },
		sizeRow
	);
	return row?.size ?? null;
}
