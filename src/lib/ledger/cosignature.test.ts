import { describe, expect, it } from 'vitest';
import { cosign, formatCosignerKey, formatWitnessKey, newCosigner, parseCosignerKey, parseWitnessKey, verifyCosignature } from './cosignature';
import { formatCheckpoint, keyId, newSigner, parseNote, signNote } from './note';

const log = newSigner('example.org/log');
const body = formatCheckpoint({ origin: 'example.org/log', size: 42, root: new Uint8Array(32).fill(1) });
const signed = signNote(body, log);

describe('cosignatures (C2SP tlog-cosignature/v1)', () => {
	it('signs "cosignature/v1", the time and the checkpoint, and verifies with the witness key', () => {
		const w = newCosigner('witness.example.org/w1');
		const note = parseNote(signed + cosign(body, w, 1_700_000_000));
		const v = verifyCosignature(note, parseWitnessKey(formatWitnessKey(w)), 1_800_000_000);
		expect(v).toEqual({ ok: true, timestamp: 1_700_000_000, witness: 'witness.example.org/w1' });
		// The cosignature line is key ID, 8-byte big-endian time, 64-byte signature.
		const line = note.signatures.find((s) => s.name === w.name)!;
		expect(line.signature.length).toBe(72);
		expect(new DataView(line.signature.buffer, line.signature.byteOffset).getBigUint64(0)).toBe(1_700_000_000n);
	});

	it('uses key type 0x04, so the same key is never mistaken for a log key', () => {
		const w = newCosigner('w');
		expect(Buffer.from(w.keyId)).toEqual(Buffer.from(keyId('w', 0x04, w.publicKey)));
		expect(Buffer.from(w.keyId)).not.toEqual(Buffer.from(keyId('w', 0x01, w.publicKey)));
		expect(parseCosignerKey(formatCosignerKey(w)).publicKey).toEqual(w.publicKey);
		const asLogKey = `w+${Buffer.from(w.keyId).toString('hex')}+${Buffer.from([1, ...w.publicKey]).toString('base64')}`;
		expect(() => parseWitnessKey(asLogKey)).toThrow(/type 0x04/);
	});

	it('refuses another checkpoint, another witness, a changed time and a future time', () => {
		const w = newCosigner('w1');
		const line = cosign(body, w, 1_700_000_000);
		const other = formatCheckpoint({ origin: 'example.org/log', size: 43, root: new Uint8Array(32).fill(1) });
		expect(verifyCosignature(parseNote(signNote(other, log) + line), w).ok).toBe(false);
		expect(verifyCosignature(parseNote(signed + line), newCosigner('w1')).ok).toBe(false);
		const bytes = Buffer.from(line.split(' ')[2]!.trim(), 'base64');
		bytes[11] = bytes[11]! ^ 1; // the time’s last byte
		expect(verifyCosignature(parseNote(`${signed}\u2014 w1 ${bytes.toString('base64')}\n`), w).ok).toBe(false);
		const future = cosign(body, w, Math.floor(Date.now() / 1000) + 3600);
		expect(verifyCosignature(parseNote(signed + future), w)).toMatchObject({ ok: false, reason: /future/ });
	});
});
