/** Agency names and purpose texts in a language, for rendering messages. */
import type { Locale } from '../../i18n/locales';
import { agencyDirectory } from '../reference/agencies';
import { purposeCatalogue } from '../reference/purposes';
import type { Names } from './render';

export async function namesIn(locale: Locale): Promise<Names> {
	const [directory, purposes] = await Promise.all([agencyDirectory(), purposeCatalogue()]);
	return {
		agency(code) {
			const a = directory.agency(code);
			if (!a) return code;
			return locale === 'et' ? a.name_et || a.name : a.name;
		},
		purpose(code) {
			const p = code ? purposes.get(code) : undefined;
			if (!p) return '';
			return locale === 'et' ? p.text_et || p.text_en : p.text_en;
		}
	};
}
