/**
 * A search as an auditor gets it: the page of events (search.ts) with the names an
 * auditor reads them by (person, official, agency, system, purpose), and the look-up
 * recorded on each person's timeline before anything is returned (watching the watchers).
 */
import type { Locale } from '$lib/i18n/locales';
import type { SearchCursor, SearchRequest } from '$lib/oversight/search-filters';
import { agencyDirectory } from '../reference/agencies';
import { purposeCatalogue, purposeText } from '../reference/purposes';
import { identitiesOf, officialJobs, type OfficialIdentity } from './officials';
import { personNames } from './person-names';
import { recordOversightLookup } from './record-lookup';
import { searchEvents, type SearchDetail, type SearchEventOf, type SearchShape, type SearchTableEvent } from './search';

export type SearchResultEvent<E extends SearchTableEvent> = E & {
	person_name: string | null;
	agency_name: string;
	intermediary_name: string | null;
	system_name: string;
	/** The catalogue's plain-language purpose, or null for a code not in it. */
	purpose_text: string | null;
	/** Who did it; null for automated processing. Their employments ('jobs') are read for every field ('full') only. */
	official: OfficialIdentity | null;
};

export interface SearchResult<E extends SearchTableEvent> {
	shape: SearchShape;
	events: SearchResultEvent<E>[];
	older: SearchCursor | null;
	/** How many people's records the look-up showed (and so was recorded for). */
	people: number;
	/** Milliseconds spent on the events, then on the names and on recording the look-up (side by side). */
	timing: { total: number; events: number; names: number; record: number };
}

/** `detail`: every field of each event ('full', the JSON) or the results table's ('table', the page). */
export async function searchAndRecord<D extends SearchDetail>(
	auditor: string,
	request: SearchRequest,
	locale: Locale,
	detail: D
): Promise<SearchResult<SearchEventOf<D>>> {
	const t0 = performance.now();
	const page = await searchEvents(request.filters, request.before, detail);
	const t1 = performance.now();
	const subjects = [...new Set(page.events.map((e) => e.subject_code))];
	const actors = [...new Set(page.events.map((e) => e.actor_code).filter((c) => c !== ''))];
	// Recorded before the results leave the server: a look-up that cannot be recorded is not
	// shown. The names are read meanwhile; both are awaited before anything is returned.
	let t2 = t1;
	const [t3, [names, officials, directory, purposes]] = await Promise.all([
		recordOversightLookup({ auditor, caseRef: request.caseRef, action: 'Oversight search', subjects }).then(() => performance.now()),
		// One look-up of names for the people and the officials alike.
		Promise.all([personNames([...subjects, ...actors]), detail === 'full' ? officialJobs(actors) : new Map(), agencyDirectory(), purposeCatalogue()]).then(([people, jobs, ...rest]) => {
			t2 = performance.now();
			return [people, identitiesOf(actors, people, jobs), ...rest] as const;
		})
	]);
	const events = page.events.map((e): SearchResultEvent<SearchEventOf<D>> => {
		const purpose = e.purpose_code ? purposes.get(e.purpose_code) : undefined;
		return {
			...e,
			person_name: names.get(e.subject_code) ?? null,
			agency_name: directory.agencyName(e.agency_code, locale),
			intermediary_name: e.intermediary_code ? directory.agencyName(e.intermediary_code, locale) : null,
			system_name: e.system ? directory.systemName(e.agency_code, e.system) : '',
			purpose_text: purpose ? purposeText(purpose, locale) : null,
			official: e.actor_code ? (officials.get(e.actor_code) ?? null) : null
		};
	});
	return { shape: page.shape, events, older: page.older, people: subjects.length, timing: { total: performance.now() - t0, events: t1 - t0, names: t2 - t1, record: t3 - t1 } };
}
