// Typed keys for t(): the English catalogue is the reference (messages/index.ts).
import 'i18next';
import type { Resources } from './messages';

declare module 'i18next' {
	interface CustomTypeOptions {
		defaultNS: 'translation';
		resources: { translation: Resources };
	}
}
