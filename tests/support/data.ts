/** Fresh, valid, unique test data, so every test works in its own scope. */
import { makePersonalCode } from '../../src/lib/personal-code';


/** A random valid Estonian subject code (EE + personal code); born in the 1800s, so never a seeded person. */
export function newSubject(birthYear = 1850 + Math.floor(Math.random() * 50)): string {
	const month = 1 + Math.floor(Math.random() * 12);
	const day = 1 + Math.floor(Math.random() * 28);
	const serial = Math.floor(Math.random() * 1000);
	return `EE${makePersonalCode({ year: birthYear, month, day }, Math.random() < 0.5 ? 'M' : 'F', serial)}`;
}

/** A random 8-digit registry code starting with 9, which the demo data never uses. */
export function newAgencyCode(): string {
	return `9${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

export function isoMinutesAgo(minutes: number): string {
	return new Date(Date.now() - minutes * 60_000).toISOString();
}

export function newEvent(agency: string, subject: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		event_id: crypto.randomUUID(),
		logged_at: isoMinutesAgo(60),
		subject_code: subject,
		agency_code: agency,
		system: 'TEST-IS',
		action: 'Test lookup of personal data',
		purpose_code: 'TEST-PURPOSE',
		legal_basis: 'Test Act § 1',
		actor_code: '',
		data_categories: ['identity'],
		...overrides
	};
}

export function ndjson(events: unknown[]): string {
	return events.map((e) => JSON.stringify(e)).join('\n') + '\n';
}
