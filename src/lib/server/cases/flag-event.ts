/**
 * A citizen's flag on a use of their data: stored with the case it opens or joins. The
 * caller has checked that the subject may see the event. Returns once the flag is stored
 * (fsynced: the flag table's settings), so "accepted" is only said of a stored flag.
 */
import { z } from 'zod';
import type { FlagKind } from '../../flags/flag-form';
import { chTime } from '../db/columns';
import { insertRows, queryOne } from '../db/query';
import { withEventLock } from './event-lock';
import { openOrJoinCase } from './open-or-join';

export interface NewFlag {
	eventId: string;
	/** Whose data the event used. */
	subjectCode: string;
	/** Who is signed in and flagging (a parent, for a minor child). */
	flaggedBy: string;
	kind: FlagKind;
	comment: string;
	/** The form's one-time token. */
	token: string;
}

export interface StoredFlag {
	flagId: string;
	caseId: string;
	/** True when this submission had been stored before (a double submit): nothing new was written. */
	repeated: boolean;
}

const storedRow = z.object({ flag_id: z.string(), case_id: z.string() });

/** The flag an earlier submit of the same form stored, if any. */
async function flagOfSubmission(subjectCode: string, token: string): Promise<{ flag_id: string; case_id: string } | null> {
	return queryOne(
		`SELECT toString(flag_id) AS flag_id, toString(case_id) AS case_id FROM flag
		 WHERE subject_code = {subject:String} AND submission_id = {token:UUID}
		 LIMIT 1`,
		{ subject: subjectCode, token },
		storedRow
	);
}

export async function flagEvent(f: NewFlag): Promise<StoredFlag> {
	// The check for a repeated submit and the write are under the event's lock too, so two
	// copies of one submit arriving together store one flag.
	return withEventLock(f.eventId, async (lock) => {
		const earlier = await flagOfSubmission(f.subjectCode, f.token);
		if (earlier) return { flagId: earlier.flag_id, caseId: earlier.case_id, repeated: true };
		const { caseId } = await openOrJoinCase(lock, { subjectCode: f.subjectCode, source: 'flag', actor: f.flaggedBy });
		const flagId = crypto.randomUUID();
		await insertRows('flag', [
			{
				flag_id: flagId,
				event_id: lock.eventId,
				subject_code: f.subjectCode,
				flagged_by: f.flaggedBy,
				kind: f.kind,
				comment: f.comment,
				case_id: caseId,
				created_at: chTime(Date.now()),
				submission_id: f.token
			}
		]);
		return { flagId, caseId, repeated: false };
	});
}
