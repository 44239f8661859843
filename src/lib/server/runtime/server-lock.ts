/**
 * <data dir>/server.json says which process owns an embedded data directory, on which port,
 * and the admin token the local CLI uses to reach it. Embedded ClickHouse allows one
 * process per directory, so tools check it before opening the database themselves.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const serverFile = z.object({
	pid: z.number().int().positive(),
	port: z.number().int().min(1).max(65535),
	adminToken: z.string().min(16)
});
export type LiveServer = z.infer<typeof serverFile>;

const fileOf = (dataDir: string) => path.join(dataDir, 'server.json');

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		// EPERM: the process exists but belongs to someone else.
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** The server that owns dataDir, or null when there is none (or its file is stale). */
export function readLiveServer(dataDir: string): LiveServer | null {
	let raw: string;
	try {
		raw = readFileSync(fileOf(dataDir), 'utf8');
	} catch {
		return null;
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return null;
	}
	const result = serverFile.safeParse(parsed);
	if (!result.success || !alive(result.data.pid)) return null;
	return result.data;
}

let ownToken: string | null = null;

export function writeServerFile(dataDir: string, server: LiveServer): void {
	ownToken = server.adminToken;
	writeFileSync(fileOf(dataDir), JSON.stringify(server), { mode: 0o600 });
}

/** Remove the file if it is still ours (a newer server may have taken over). */
export function removeServerFile(dataDir: string, pid: number): void {
	const current = readLiveServer(dataDir);
	if (current === null || current.pid === pid) rmSync(fileOf(dataDir), { force: true });
}

/** This process's admin token, once it has written its server file. */
export function adminToken(): string | null {
	return ownToken;
}
