/**
 * Every area's messages, one i18next namespace ("translation") per language, keyed by
 * area: t('me.title'), t('common.nav.me'). A new area: one file beside this, one line below.
 */
import type { MessageTree } from '../define';
import type { Locale } from '../locales';
import common from './common';
import exportMessages from './export';

export const AREAS = {
	common,
	export: exportMessages
} as const;

type Areas = typeof AREAS;
/** The English tree: the keys t() accepts. */
export type Resources = { [A in keyof Areas]: Areas[A]['en'] };

export function resourcesFor(locale: Locale): MessageTree {
	const out: MessageTree = {};
	for (const [name, area] of Object.entries(AREAS)) out[name] = area[locale];
	return out;
}
