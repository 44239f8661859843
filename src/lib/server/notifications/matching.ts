/** Which new uses a preference announces, one at a time (the weekly digest is made apart). */
import type { Preference } from './preference';
import type { UnusualReason } from './unusual';

export interface MatchedUse {
	restricted: boolean;
	agency_code: string;
}

export function announces(pref: Pick<Preference, 'mode' | 'agencies'>, use: MatchedUse, reasons: readonly UnusualReason[]): boolean {
	switch (pref.mode) {
		case 'every':
			return true;
		case 'unusual':
			return reasons.length > 0;
		case 'agencies':
			// A restricted use hides its agency: it never matches an agency, as in the timeline's filter.
			return !use.restricted && pref.agencies.includes(use.agency_code);
		case 'digest':
		case 'none':
			return false;
	}
}

/** Whether a preference needs each new use as it comes (not the digest, not none). */
export function announcesEachUse(mode: Preference['mode']): boolean {
	return mode === 'every' || mode === 'unusual' || mode === 'agencies';
}
