/**
 * One event's cases change one step at a time: opening or joining a case for the event and
 * closing one of its cases hold the event's lock, so two flags arriving together never open
 * two cases, and a flag never joins a case that is being closed under it.
 *
 * The lock is in this process only. A deployment with several web servers on one database
 * needs a lock they share instead: a row lock or advisory lock in a transactional store, a
 * ClickHouse Keeper / ZooKeeper lock keyed by event, or routing all of an event's flags to
 * one server (for example by hashing the event id at the load balancer).
 */
import { withKeyLock } from './keyed-lock';

declare const held: unique symbol;

/** Proof that the caller holds an event's lock: only withEventLock makes one. */
export interface EventLock {
	readonly eventId: string;
	readonly [held]: true;
}

export function withEventLock<T>(eventId: string, fn: (lock: EventLock) => Promise<T>): Promise<T> {
	const id = eventId.toLowerCase();
	return withKeyLock(`case-event:${id}`, () => fn({ eventId: id } as EventLock));
}
