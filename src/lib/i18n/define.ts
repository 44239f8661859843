/**
 * Message catalogues. Each area of the interface has one file under messages/ with its
 * English, Estonian and Russian text side by side, so a change to one language is seen next
 * to the others. English is the reference: its keys are the ones code may use (typed), and
 * messages.test.ts checks that Estonian and Russian have every key, with the plural forms
 * their languages need (i18next suffixes: _one, _few, _many, _other).
 */
export interface MessageTree {
	[key: string]: string | MessageTree;
}

export interface AreaMessages<T extends MessageTree> {
	en: T;
	et: MessageTree;
	ru: MessageTree;
}

/** Keeps the English tree's exact keys in the type; the translations are checked by a test. */
export function defineMessages<const T extends MessageTree>(m: AreaMessages<T>): AreaMessages<T> {
	return m;
}
