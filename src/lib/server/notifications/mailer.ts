/**
 * Sending e-mail with nodemailer: through the SMTP server of PEEGEL_SMTP_URL when set;
 * otherwise (demo mode, tests) each message becomes <data dir>/outbox/<id>.eml, written to a
 * temporary file and renamed, so a reader never sees half a message and a retry of the
 * same message replaces its file instead of adding another.
 */
import { mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../config';

export interface OutgoingMail {
	/** The message's id: its file name and (with the site's host) its Message-ID. */
	id: string;
	to: string;
	subject: string;
	text: string;
}

let transport: Transporter | null = null;

function theTransport(): Transporter {
	const url = config().PEEGEL_SMTP_URL;
	transport ??= url ? nodemailer.createTransport(url) : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	return transport;
}

export function outboxDir(): string {
	return path.join(config().dataDir, 'outbox');
}

/** The site's public address, for links: ORIGIN, else this server on localhost. */
export function siteUrl(): string {
	const c = config();
	return (c.ORIGIN ?? `http://localhost:${c.PORT}`).replace(/\/+$/, '');
}

export async function sendMail(mail: OutgoingMail): Promise<void> {
	const host = new URL(siteUrl()).hostname;
	const info = await theTransport().sendMail({
		from: config().PEEGEL_MAIL_FROM,
		to: mail.to,
		subject: mail.subject,
		text: mail.text,
		// The same message keeps the same Message-ID on a retry, so mail clients can tell.
		messageId: `<${mail.id}@${host}>`
	});
	if (config().PEEGEL_SMTP_URL) return;
	const message = (info as { message?: unknown }).message;
	if (!Buffer.isBuffer(message)) throw new Error('mail: the stream transport gave no message buffer');
	await writeAtomically(path.join(outboxDir(), `${mail.id}.eml`), message);
}

async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	const tmp = `${file}.${process.pid}.tmp`;
	const handle = await open(tmp, 'w');
	try {
		await handle.writeFile(bytes);
		await handle.sync();
	} finally {
		await handle.close();
	}
	await rename(tmp, file);
}
