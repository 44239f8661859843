/**
 * Demo mode's witness: the same witnessOnce a real witness runs (npm run ledger:witness),
 * inside the server, with its own key and state in the data directory, so the demo shows
 * cosigned checkpoints. A real witness runs elsewhere, under another body's control: one
 * inside the log's own server proves nothing about the log.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatCosignerKey, formatWitnessKey, newCosigner, parseCosignerKey } from '../../ledger/cosignature';
import { latestCheckpoint } from './checkpoints';
import { acceptCosignedNote, servedNote, trustWitness } from './cosignatures';
import { ledgerKeys } from './keys';
import { theLedger } from './ledger';
import { witnessOnce, type WitnessState } from './witness';

export const DEMO_WITNESS_NAME = 'witness.peegel.localhost/demo';

let timer: NodeJS.Timeout | null = null;

export function startDemoWitness(dataDir: string, everyMs = 3000): void {
	if (timer) return;
	const keyFile = path.join(dataDir, 'witness-demo.key');
	if (!existsSync(keyFile)) writeFileSync(keyFile, `${formatCosignerKey(newCosigner(DEMO_WITNESS_NAME))}\n`, { mode: 0o600, flag: 'wx' });
	const witness = parseCosignerKey(readFileSync(keyFile, 'utf8').trim());
	trustWitness(formatWitnessKey(witness));
	const stateFile = path.join(dataDir, 'witness-demo.state.json');
	let busy = false;
	const run = async () => {
		const result = await witnessOnce({
			logKey: ledgerKeys().signer,
			witness,
			transport: {
				checkpoint: async () => servedNote(await latestCheckpoint()),
				consistency: async (from, to) => (await theLedger()).consistencyProof(from, to),
				submit: async (note) => void (await acceptCosignedNote(note))
			},
			store: {
				load: async () => (existsSync(stateFile) ? (JSON.parse(await readFile(stateFile, 'utf8')) as WitnessState) : null),
				save: (s) => writeFile(stateFile, JSON.stringify(s))
			}
		});
		if (result.outcome === 'refused') console.error(`peegel: demo witness REFUSED to cosign: ${result.reason}`);
	};
	timer = setInterval(() => {
		if (busy) return;
		busy = true;
		run()
			.catch((err) => console.error('peegel: demo witness:', err))
			.finally(() => (busy = false));
	}, everyMs);
	timer.unref();
}

export function stopDemoWitness(): void {
	if (timer) clearInterval(timer);
	timer = null;
}
