/** Agency names and purpose texts in a language, for rendering messages. */
import type { Locale } from '../../i18n/locales';
import { agencyDirectory } from '../reference/agencies';
import { purposeCatalogue, purposeText } from '../reference/purposes';
import type { Names } from './render';

export async function namesIn(locale: Locale): Promise<Names> {
	const [directory, purposes] = await Promise.all([agencyDirectory(), purposeCatalogue()]);
	return {
		agency(code) {
			return directory.agency(code) ? directory.agencyName(code, locale) : code;
		},
		purpose(code) {
			const p = code ? purposes.get(code) : undefined;
			if (!p) return '';
			return purposeText(p, locale);
		}
	};
}
