import type { SessionUser } from '$lib/server/auth/session';
import type { Locale } from '$lib/i18n/locales';

/** Whose records the signed-in person is looking at: their own, or a represented person's. */
interface Subject {
	/** Subject code, country-prefixed. */
	code: string;
	name: string;
	/** False while a parent looks at a minor child's records. */
	self: boolean;
}

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
			/** Whose records /me and its exports, flags and proofs are about (null: signed out). */
			subject: Subject | null;
			/** The interface language of this request. */
			lang: Locale;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
