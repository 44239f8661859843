import { defineMessages } from '../define';

/** The citizen's data export: the download links on /me. */
export default defineMessages({
	en: {
		label: 'Download your data',
		csv: 'Download all as CSV',
		json: 'Download all as JSON',
		note: 'Every use shown here, in one file: CSV opens in spreadsheet programs, JSON is for other programs.'
	},
	et: {
		label: 'Laadi oma andmed alla',
		csv: 'Laadi kõik alla CSV-failina',
		json: 'Laadi kõik alla JSON-failina',
		note: 'Kõik siin näidatud kasutused ühes failis: CSV avaneb tabelarvutusprogrammis, JSON on teistele programmidele.'
	},
	ru: {
		label: 'Скачать свои данные',
		csv: 'Скачать всё в формате CSV',
		json: 'Скачать всё в формате JSON',
		note: 'Все показанные здесь случаи использования в одном файле: CSV открывается в программах электронных таблиц, JSON — для других программ.'
	}
});
