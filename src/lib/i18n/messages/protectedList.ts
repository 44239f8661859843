import { defineMessages } from '../define';

/** The protected list the oversight body keeps (/oversight/protected). */
export default defineMessages({
	en: {
		title: 'Protected people',
		lead: 'People whose data officials should look up only for a case that explains it: politicians, celebrities, journalists and others. A look-up of them without such a case raises an alert.',
		added: '{{name}} was added to the list.',
		removed: '{{name}} was removed from the list.',
		category: { politician: 'Politician', celebrity: 'Celebrity', journalist: 'Journalist', official: 'Senior official', other: 'Other' },
		list: {
			title_one: 'On the list: {{count, number}} person',
			title_other: 'On the list: {{count, number}} people',
			caption: 'People on the protected list',
			empty: 'Nobody is on the list.',
			name: 'Name',
			code: 'Personal code',
			category: 'Category',
			note: 'Note',
			since: 'On the list since',
			remove: 'Remove'
		},
		remove: { note: 'Why remove {{name}}', submit: 'Remove' },
		add: {
			title: 'Add a person',
			code: 'Personal code',
			codeHint: '11 digits, with or without EE in front. The person must be in the population register.',
			category: 'Category',
			chooseCategory: 'Choose a category',
			note: 'Note',
			noteHint: 'Why they are protected: {{min, number}} to {{max, number}} characters.',
			submit: 'Add to the list'
		},
		history: {
			title: 'Changes to the list',
			empty: 'The list has not been changed yet.',
			when: 'When',
			change: 'Change',
			person: 'Person',
			by: 'By',
			add: 'Added',
			remove: 'Removed'
		},
		errors: {
			title: 'The list was not changed',
			codeInvalid: 'Enter a valid Estonian personal code (11 digits).',
			codeUnknown: 'This personal code is not in the population register.',
			alreadyProtected: 'This person is already on the list.',
			notProtected: 'This person is not on the list.',
			categoryMissing: 'Choose a category.',
			noteTooShort: 'Write a note of at least {{min, number}} characters.',
			noteTooLong: 'Shorten the note to at most {{max, number}} characters.',
			actor: 'Sign in again: who made the change is not known.'
		}
	},
	et: {
		title: 'Kaitstud isikud',
		lead: 'Inimesed, kelle andmeid tohivad ametnikud vaadata ainult seda selgitava menetluse jaoks: poliitikud, tuntud inimesed, ajakirjanikud ja teised. Nende andmete vaatamine ilma sellise menetluseta tekitab hoiatuse.',
		added: '{{name}} lisati nimekirja.',
		removed: '{{name}} eemaldati nimekirjast.',
		category: { politician: 'Poliitik', celebrity: 'Tuntud inimene', journalist: 'Ajakirjanik', official: 'Kõrge ametnik', other: 'Muu' },
		list: {
			title_one: 'Nimekirjas: {{count, number}} inimene',
			title_other: 'Nimekirjas: {{count, number}} inimest',
			caption: 'Kaitstud isikute nimekiri',
			empty: 'Nimekirjas ei ole kedagi.',
			name: 'Nimi',
			code: 'Isikukood',
			category: 'Liik',
			note: 'Märkus',
			since: 'Nimekirjas alates',
			remove: 'Eemalda'
		},
		remove: { note: 'Miks eemaldada {{name}}', submit: 'Eemalda' },
		add: {
			title: 'Lisa inimene',
			code: 'Isikukood',
			codeHint: '11 numbrit, EE-ga või ilma. Inimene peab olema rahvastikuregistris.',
			category: 'Liik',
			chooseCategory: 'Vali liik',
			note: 'Märkus',
			noteHint: 'Miks teda kaitstakse: {{min, number}} kuni {{max, number}} tähemärki.',
			submit: 'Lisa nimekirja'
		},
		history: {
			title: 'Nimekirja muudatused',
			empty: 'Nimekirja ei ole veel muudetud.',
			when: 'Aeg',
			change: 'Muudatus',
			person: 'Isik',
			by: 'Tegija',
			add: 'Lisatud',
			remove: 'Eemaldatud'
		},
		errors: {
			title: 'Nimekirja ei muudetud',
			codeInvalid: 'Sisesta kehtiv Eesti isikukood (11 numbrit).',
			codeUnknown: 'Seda isikukoodi ei ole rahvastikuregistris.',
			alreadyProtected: 'See inimene on juba nimekirjas.',
			notProtected: 'Seda inimest ei ole nimekirjas.',
			categoryMissing: 'Vali liik.',
			noteTooShort: 'Kirjuta märkus, vähemalt {{min, number}} tähemärki.',
			noteTooLong: 'Lühenda märkust kuni {{max, number}} tähemärgini.',
			actor: 'Logi uuesti sisse: muudatuse tegija ei ole teada.'
		}
	},
	ru: {
		title: 'Защищённые лица',
		lead: 'Люди, чьи данные должностные лица могут просматривать только по делу, которое это объясняет: политики, известные люди, журналисты и другие. Просмотр их данных без такого дела вызывает предупреждение.',
		added: '{{name}} добавлен(а) в список.',
		removed: '{{name}} удалён(а) из списка.',
		category: { politician: 'Политик', celebrity: 'Известный человек', journalist: 'Журналист', official: 'Высокопоставленный чиновник', other: 'Другое' },
		list: {
			title_one: 'В списке: {{count, number}} человек',
			title_few: 'В списке: {{count, number}} человека',
			title_many: 'В списке: {{count, number}} человек',
			title_other: 'В списке: {{count, number}} человека',
			caption: 'Список защищённых лиц',
			empty: 'В списке никого нет.',
			name: 'Имя',
			code: 'Личный код',
			category: 'Категория',
			note: 'Примечание',
			since: 'В списке с',
			remove: 'Удалить'
		},
		remove: { note: 'Почему удалить: {{name}}', submit: 'Удалить' },
		add: {
			title: 'Добавить человека',
			code: 'Личный код',
			codeHint: '11 цифр, с EE в начале или без. Человек должен быть в регистре народонаселения.',
			category: 'Категория',
			chooseCategory: 'Выберите категорию',
			note: 'Примечание',
			noteHint: 'Почему его защищают: от {{min, number}} до {{max, number}} символов.',
			submit: 'Добавить в список'
		},
		history: {
			title: 'Изменения списка',
			empty: 'Список ещё не изменялся.',
			when: 'Когда',
			change: 'Изменение',
			person: 'Лицо',
			by: 'Кто',
			add: 'Добавлен(а)',
			remove: 'Удалён(а)'
		},
		errors: {
			title: 'Список не изменён',
			codeInvalid: 'Введите действительный эстонский личный код (11 цифр).',
			codeUnknown: 'Этого личного кода нет в регистре народонаселения.',
			alreadyProtected: 'Этот человек уже в списке.',
			notProtected: 'Этого человека нет в списке.',
			categoryMissing: 'Выберите категорию.',
			noteTooShort: 'Напишите примечание не короче {{min, number}} символов.',
			noteTooLong: 'Сократите примечание до {{max, number}} символов.',
			actor: 'Войдите снова: неизвестно, кто внёс изменение.'
		}
	}
});
