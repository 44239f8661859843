/**
 * An auditor links a usage event to a case, or unlinks one. The event is named by its id
 * and its person's code (usage_event is sorted by person: the code is what finds it). A
 * closed case does not change; the case's own event stays linked. Changes hold the case
 * event's lock, as its workflow steps do: a double submit links once, and nothing is linked
 * to a case while it is being closed.
 */
import type { CaseFieldError } from '../../cases/case-form';
import { oversightEventsByRef, type EventRef } from '../oversight/events';
import { linkedEventRefs, writeLinkChanges } from './case-links';
import { caseState } from './case-state';
import { withEventLock } from './event-lock';

export type LinkResult = { ok: true } | { ok: false; status: 400 | 404; error: CaseFieldError };

export async function changeLink(caseId: string, change: 'link' | 'unlink', ref: EventRef, actor: string): Promise<LinkResult> {
	const before = await caseState(caseId);
	if (!before) return { ok: false, status: 404, error: { field: 'case', code: 'noCase' } };
	return withEventLock(before.event_id, async () => {
		const current = (await caseState(caseId))!;
		if (current.state === 'closed') return { ok: false, status: 400, error: { field: 'event_id', code: 'closed' } };
		const eventId = ref.event_id.toLowerCase();
		const own = { event_id: current.event_id, subject_code: current.subject_code };
		const linked = await linkedEventRefs(caseId, own);
		const linkedRef = linked.find((r) => r.event_id === eventId);
		if (change === 'link') {
			if (linkedRef) return { ok: false, status: 400, error: { field: 'event_id', code: 'alreadyLinked' } };
			const [event] = await oversightEventsByRef([{ event_id: eventId, subject_code: ref.subject_code }]);
			if (!event || event.subject_code !== ref.subject_code) return { ok: false, status: 400, error: { field: 'event_id', code: 'notFound' } };
		} else {
			if (eventId === own.event_id.toLowerCase()) return { ok: false, status: 400, error: { field: 'event_id', code: 'ownEvent' } };
			if (!linkedRef) return { ok: false, status: 400, error: { field: 'event_id', code: 'notLinked' } };
		}
		// An unlink names the person the link did.
		const subject = linkedRef?.subject_code ?? ref.subject_code;
		await writeLinkChanges([{ caseId, event_id: eventId, subject_code: subject, change, actor }]);
		return { ok: true };
	});
}
