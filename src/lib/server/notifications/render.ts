/**
 * A message's text in one language, from its stored payload: a title and a line per use
 * (or per agency, for the digest). The inbox shows these lines; the e-mail is the same
 * lines as plain text, with links to the person's page and settings.
 */
import type { Translator } from '../../i18n/translator';
import type { Payload } from './payload';

export interface Names {
	agency(code: string): string;
	/** The catalogue's plain-language text for a purpose code, or '' when it has none. */
	purpose(code: string): string;
}

export interface RenderedLine {
	/** When the use happened, in Estonian time (absent for digest lines). */
	time: string | null;
	/** The same instant as ISO 8601, for <time datetime>. */
	at: string | null;
	text: string;
	notes: string[];
}

export interface RenderedMessage {
	title: string;
	lines: RenderedLine[];
	/** "… and 3 more uses" when not every use is listed, else null. */
	more: string | null;
}

export function renderMessage(p: Payload, tr: Translator, names: Names): RenderedMessage {
	const t = tr.t;
	if (p.kind === 'digest') {
		const count = p.agencies.reduce((sum, a) => sum + a.count, 0);
		return {
			title: t('notifications.message.digest', { count, from: tr.isoDate(p.firstDay), to: tr.isoDate(p.lastDay) }),
			lines: p.agencies.map((a) => ({
				time: null,
				at: null,
				text: t('notifications.message.digestAgency', {
					count: a.count,
					agency: a.agency ? names.agency(a.agency) : t('notifications.message.digestWithheld')
				}),
				notes: []
			})),
			more: null
		};
	}
	const titleKey = p.mode === 'unusual' ? 'notifications.message.unusual' : p.mode === 'agencies' ? 'notifications.message.chosen' : 'notifications.message.uses';
	const lines = p.uses.map((u): RenderedLine => {
		const notes: string[] = [];
		if (!u.restricted && u.disclosed) notes.push(t('notifications.message.disclosed'));
		if (u.reasons.length > 0) {
			notes.push(t('notifications.message.why', { reasons: u.reasons.map((r) => t(`notifications.message.reasons.${r}`)).join(', ') }));
		}
		const text = u.restricted
			? t('notifications.message.withheld')
			: t('notifications.message.use', {
					agency: names.agency(u.agency),
					purpose: names.purpose(u.purpose_code) || u.action.trim() || t('notifications.message.noPurpose')
				});
		return { time: tr.dateTime(u.at), at: u.at, text, notes };
	});
	const unlisted = p.total - p.uses.length;
	return {
		title: t(titleKey, { count: p.total }),
		lines,
		more: unlisted > 0 ? t('notifications.message.more', { count: unlisted }) : null
	};
}

/** The e-mail's subject and plain text. `baseUrl`: the site's address, without a trailing slash. */
export function renderEmail(p: Payload, tr: Translator, names: Names, baseUrl: string): { subject: string; text: string } {
	const t = tr.t;
	const m = renderMessage(p, tr, names);
	const lines = m.lines.map((l) => {
		const head = l.time ? `- ${l.time}: ${l.text}` : `- ${l.text}`;
		return [head, ...l.notes.map((n) => `  ${n}`)].join('\n');
	});
	if (m.more) lines.push(m.more);
	const text = [
		t('notifications.email.greeting'),
		t('notifications.email.intro'),
		`${m.title}\n\n${lines.join('\n')}`,
		t('notifications.email.details', { url: `${baseUrl}/me` }),
		t('notifications.email.settings', { url: `${baseUrl}/me/notifications` })
	].join('\n\n');
	return { subject: t('notifications.email.subject', { title: m.title }), text: `${text}\n` };
}
