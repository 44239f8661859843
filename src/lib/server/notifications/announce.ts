/**
 * From a run's new uses to the messages to record: per person, the uses their preference
 * announces, less those already announced (by key), as one message. Pure: the notifier
 * does the reading and writing.
 */
import { announces } from './matching';
import { digestKey, eventKey, messageId } from './keys';
import type { NewNotification } from './notification-store';
import type { AnnouncedUse } from './payload';
import type { Preference } from './preference';
import type { UnusualReason } from './unusual';
import type { NewUse } from './uses';

/** A message lists at most this many uses (the oldest); its title counts them all. */
export const LISTED_USES = 50;

function announced(u: NewUse, reasons: AnnouncedUse['reasons']): AnnouncedUse {
	const e = u.use;
	if (e.restricted) return { restricted: true, event_id: e.event_id, at: e.logged_at, reasons };
	return {
		restricted: false,
		event_id: e.event_id,
		at: e.logged_at,
		agency: e.agency_code,
		purpose_code: e.purpose_code,
		action: e.action,
		reasons,
		disclosed: u.disclosed
	};
}

/**
 * The message announcing one person's new uses under their preference, or null when none
 * is to be announced. `recorded` holds the keys already announced; `reasonsOf` says why
 * a use is unusual (mode 'unusual' announces only uses it gives a reason for).
 */
export function eventsMessage(
	subject: string,
	pref: Preference,
	uses: readonly NewUse[],
	reasonsOf: ((u: NewUse) => readonly UnusualReason[]) | null,
	recorded: ReadonlySet<string>
): NewNotification | null {
	if (pref.mode !== 'every' && pref.mode !== 'unusual' && pref.mode !== 'agencies') return null;
	const chosen: { key: string; use: AnnouncedUse }[] = [];
	const seen = new Set<string>();
	for (const u of uses) {
		const reasons = pref.mode === 'unusual' && reasonsOf ? [...reasonsOf(u)] : [];
		if (!announces(pref, u.use, reasons)) continue;
		const key = eventKey(subject, u.use.event_id, pref.mode);
		if (recorded.has(key) || seen.has(key)) continue;
		seen.add(key);
		chosen.push({ key, use: announced(u, reasons) });
	}
	if (chosen.length === 0) return null;
	chosen.sort((a, b) => (a.use.at < b.use.at ? -1 : a.use.at > b.use.at ? 1 : a.use.event_id < b.use.event_id ? -1 : 1));
	const keys = chosen.map((c) => c.key);
	return {
		subject,
		id: messageId(keys),
		kind: 'events',
		preference: pref.mode,
		keys,
		payload: { kind: 'events', mode: pref.mode, total: chosen.length, uses: chosen.slice(0, LISTED_USES).map((c) => c.use) },
		email: pref.email,
		lang: pref.lang
	};
}

/** The weekly digest of one person, or null when they had no use that week or already have it. */
export function digestMessage(
	subject: string,
	pref: Pick<Preference, 'email' | 'lang'>,
	week: { week: string; firstDay: string; lastDay: string },
	agencies: readonly { agency: string; count: number }[],
	recorded: ReadonlySet<string>
): NewNotification | null {
	if (agencies.length === 0) return null;
	const key = digestKey(subject, week.week);
	if (recorded.has(key)) return null;
	return {
		subject,
		id: messageId([key]),
		kind: 'digest',
		preference: 'digest',
		keys: [key],
		payload: { kind: 'digest', week: week.week, firstDay: week.firstDay, lastDay: week.lastDay, agencies: [...agencies] },
		email: pref.email,
		lang: pref.lang
	};
}
