import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '@oslojs/encoding';
import {
	formatCheckpoint,
	formatSignerKey,
	formatVerifierKey,
	newSigner,
	parseCheckpoint,
	parseNote,
	parseSignerKey,
	parseVerifierKey,
	signNote,
	verifyNote
} from './note';

// The example key pair and note of Go's golang.org/x/mod/sumdb/note documentation.
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

describe('signed notes', () => {
	it('reads and writes the Go note package’s keys and signs exactly as it does', () => {
		const signer = parseSignerKey(GO_SKEY);
		expect(formatVerifierKey(signer)).toBe(GO_VKEY);
		expect(formatSignerKey(signer)).toBe(GO_SKEY);
		expect(signNote(GO_TEXT, signer)).toBe(GO_NOTE);
		expect(verifyNote(parseNote(GO_NOTE), parseVerifierKey(GO_VKEY))).toEqual({ ok: true });
	});

	it('refuses a changed text, a foreign key and a damaged signature', () => {
		const v = parseVerifierKey(GO_VKEY);
		expect(verifyNote(parseNote(GO_NOTE.replace('problem,', 'problems,')), v).ok).toBe(false);
		expect(verifyNote(parseNote(GO_NOTE), newSigner('PeterNeumann')).ok).toBe(false);
		const damaged = GO_NOTE.replace('x08go/ZJ', 'x08go/ZK');
		expect(verifyNote(parseNote(damaged), v).ok).toBe(false);
	});

	it('names what is wrong with a malformed note or key', () => {
		expect(() => parseNote('no signatures\n')).toThrow(/blank line/);
		expect(() => parseNote('text\n\nnot a signature\n')).toThrow(/line 1 must start/);
		expect(() => parseNote('text\n\n\u2014 name !!!\n')).toThrow(/base64/);
		expect(() => parseVerifierKey('PeterNeumann+00000000+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(/key ID/);
		expect(() => parseVerifierKey('PeterNeumann+c74f20a3')).toThrow(/3 "\+"-separated/);
		expect(() => signNote('no newline', newSigner('x'))).toThrow(/newline/);
	});
});

describe('checkpoints', () => {
	const root = new Uint8Array(32).fill(7);

	it('round-trips and signs', () => {
		const body = formatCheckpoint({ origin: 'peegel.example/log', size: 12345, root });
		expect(body).toBe(`peegel.example/log\n12345\n${encodeBase64(root)}\n`);
		const signer = newSigner('peegel.example/log');
		const note = parseNote(signNote(body, signer));
		expect(verifyNote(note, signer).ok).toBe(true);
		expect(parseCheckpoint(note.text)).toEqual({ origin: 'peegel.example/log', size: 12345, root, extensions: [] });
	});

	it('rejects bad sizes and roots, naming them', () => {
		const r = encodeBase64(root);
		expect(() => parseCheckpoint(`o\n012\n${r}\n`)).toThrow(/size/);
		expect(() => parseCheckpoint(`o\n-1\n${r}\n`)).toThrow(/size/);
		expect(() => parseCheckpoint(`o\n1\n${encodeBase64(new Uint8Array(31))}\n`)).toThrow(/32 bytes/);
		expect(() => parseCheckpoint(`o\n1\n`)).toThrow(/root line/);
	});
});
