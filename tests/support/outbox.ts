/** The demo/test outbox: notification e-mail the server wrote as .eml files to <data dir>/outbox/. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface OutboxMail {
	file: string;
	to: string;
	subject: string;
	messageId: string;
	/** The text part, transfer encoding undone. */
	text: string;
	mtimeMs: number;
}

function decodeQuotedPrintable(body: string): string {
	const soft = body.replace(/=\r?\n/g, '');
	const bytes: number[] = [];
	for (let i = 0; i < soft.length; i++) {
		const hex = soft[i] === '=' ? /^[0-9A-F]{2}/i.exec(soft.slice(i + 1, i + 3)) : null;
		if (hex) {
			bytes.push(parseInt(hex[0], 16));
			i += 2;
		} else {
			for (const b of Buffer.from(soft[i]!, 'utf8')) bytes.push(b);
		}
	}
	return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / ?B?) in a header. */
function decodeHeader(value: string): string {
	return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
		enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' '))
	);
}

export function parseEml(raw: string): Omit<OutboxMail, 'file' | 'mtimeMs'> {
	const split = raw.indexOf('\n\n');
	const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
	const body = raw.slice(split + 2);
	const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
	const encoding = header('Content-Transfer-Encoding').toLowerCase();
	const text = encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
	return { to: header('To'), subject: decodeHeader(header('Subject')), messageId: header('Message-ID'), text };
}

/** Every message in the outbox (temporary files being written are not messages). */
export function readOutbox(dataDir: string): OutboxMail[] {
	const dir = path.join(dataDir, 'outbox');
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.eml'))
		.map((file) => {
			const full = path.join(dir, file);
			return { file, mtimeMs: statSync(full).mtimeMs, ...parseEml(readFileSync(full, 'utf8')) };
		});
}

/** Poll until `check` returns a value other than undefined (or time runs out). */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const v = await check();
		if (v !== undefined) return v;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}
