/**
 * Every area's messages, one i18next namespace ("translation") per language, keyed by
 * area: t('me.title'), t('common.nav.me'). A new area: one file beside this, one line below.
 */
import type { MessageTree } from '../define';
import type { Locale } from '../locales';
import alerts from './alerts';
import categories from './categories';
import common from './common';
import demo from './demo';
import exportMessages from './export';
import flags from './flags';
import home from './home';
import ledgerCheck from './ledgerCheck';
import ledgerPage from './ledgerPage';
import me from './me';
import notifications from './notifications';
import officialProfile from './officialProfile';
import overview from './overview';
import oversight from './oversight';
import oversightCases from './oversightCases';
import oversightDetection from './oversightDetection';
import oversightSearch from './oversightSearch';
import protectedList from './protectedList';
import representation from './representation';
import rules from './rules';
import stats from './stats';

export const AREAS = {
	alerts,
	categories,
	common,
	demo,
	export: exportMessages,
	flags,
	home,
	ledgerCheck,
	ledgerPage,
	me,
	notifications,
	officialProfile,
	overview,
	oversight,
	oversightCases,
	oversightDetection,
	oversightSearch,
	protectedList,
	representation,
	rules,
	stats
} as const;

type Areas = typeof AREAS;
/** The English tree: the keys t() accepts. */
export type Resources = { [A in keyof Areas]: Areas[A]['en'] };

export function resourcesFor(locale: Locale): MessageTree {
	const out: MessageTree = {};
	for (const [name, area] of Object.entries(AREAS)) out[name] = area[locale];
	return out;
}
