import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminToken, readLiveServer, removeServerFile, writeServerFile } from './server-lock';

describe('server.json', () => {
	it('round-trips for a live process and is removed by its owner', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'peegel-lock-'));
		expect(readLiveServer(dir)).toBeNull();
		writeServerFile(dir, { pid: process.pid, port: 3001, adminToken: 'a'.repeat(32) });
		expect(readLiveServer(dir)).toEqual({ pid: process.pid, port: 3001, adminToken: 'a'.repeat(32) });
		expect(adminToken()).toBe('a'.repeat(32));
		removeServerFile(dir, process.pid);
		expect(readLiveServer(dir)).toBeNull();
	});

	it('ignores a file left by a dead process or garbage', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'peegel-lock-'));
		writeFileSync(path.join(dir, 'server.json'), JSON.stringify({ pid: 2 ** 22 + 12345, port: 3000, adminToken: 'b'.repeat(32) }));
		expect(readLiveServer(dir)).toBeNull();
		writeFileSync(path.join(dir, 'server.json'), '{not json');
		expect(readLiveServer(dir)).toBeNull();
	});
});
