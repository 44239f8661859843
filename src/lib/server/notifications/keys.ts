/**
 * Deterministic names: the same announcement always gets the same key (how the notifier
 * knows it already made it), and the same message the same id (its .eml file name, so a
 * retry overwrites the file instead of adding a second one).
 */
import { createHash } from 'node:crypto';
import type { Mode } from './preference';
import type { WeekKey } from './iso-week';

function digestHex(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** One use of a person's data announced under one preference. */
export function eventKey(subject: string, eventId: string, mode: Mode): string {
	return digestHex(`event\n${subject}\n${eventId.toLowerCase()}\n${mode}`);
}

/** One person's weekly digest of one week. */
export function digestKey(subject: string, week: WeekKey): string {
	return digestHex(`digest\n${subject}\n${week}`);
}

/** A message's id, from the keys it announces (in any order). */
export function messageId(keys: readonly string[]): string {
	return digestHex(`message\n${[...keys].sort().join('\n')}`);
}
