/**
 * Data Tracker coverage: which citizens looked at their own history (citizen_visit, one
 * row per person and Tallinn day). Recording costs the /me request nothing: it notes the
 * person in memory (once per day), and a timer writes the noted visits every few seconds
 * and at shutdown, with the person keyed (HMAC) off the request path. A visit lost to a
 * crash only makes a statistic one person smaller.
 */
import { tallinnIsoDate } from '$lib/format';
import { insertRows } from '../db/query';
import { personKey } from './person-key';

const FLUSH_MS = 5000;

let day = '';
/** Who was noted today (personal codes): each person is written once a day. */
let seenToday = new Set<string>();
let pending: { day: string; code: string }[] = [];
let timer: NodeJS.Timeout | null = null;
let flushing: Promise<void> = Promise.resolve();

/** Note that a citizen looked at their own history. Synchronous, no database. */
export function recordVisit(personalCode: string, now = new Date()): void {
	const today = tallinnIsoDate(now);
	if (today !== day) {
		day = today;
		seenToday = new Set();
	}
	if (seenToday.has(personalCode)) return;
	seenToday.add(personalCode);
	pending.push({ day: today, code: personalCode });
	if (!timer) {
		timer = setInterval(() => void flushVisits(), FLUSH_MS);
		timer.unref();
	}
}

/** Write the noted visits (never rejects: a failed batch is logged and kept for the next try). */
export function flushVisits(): Promise<void> {
	flushing = flushing.then(async () => {
		if (pending.length === 0) return;
		const batch = pending;
		pending = [];
		try {
			await insertRows(
				'citizen_visit',
				batch.map((v) => ({ day: v.day, person_key: personKey(v.code).toString() }))
			);
		} catch (err) {
			pending = batch.concat(pending);
			console.error(`peegel: ${batch.length} citizen visits not written yet (retried)`, err);
		}
	});
	return flushing;
}
