import { defineMessages } from '../define';

/** The citizen's timeline (/me). */
export default defineMessages({
	en: {
		section: {
			label: 'Your data',
			uses: 'Uses',
			overview: 'Overview',
			flags: 'My flags',
			inbox: 'Inbox',
			notifications: 'Notification settings'
		},
		title: 'My data',
		titlePage: 'My data, page {{page}}',
		heading: 'Who has used your data',
		headingOf: 'Who has used the data of {{name}}',
		lead: 'Each line is one time a public-sector agency used your personal data, newest first, with why and on what legal basis. Automated and bulk processing by one system in one month is one line that opens to the list. Times are Estonian time.',
		errors: {
			title: 'Some filters could not be used:',
			date: 'must be a real date written YYYY-MM-DD (years 1900-2299)',
			agency: 'must be an agency’s 8-digit registry code',
			page: 'must be a whole number, 1 or more',
			toBeforeFrom: 'must not be before From'
		},
		filter: {
			title: 'Filter the list',
			period: 'Period',
			from: 'From',
			to: 'To',
			agency: 'Agency',
			page: 'Page',
			allAgencies: 'All agencies',
			oneByOne: 'Show automated and bulk uses one by one',
			apply: 'Apply filters',
			reset: 'Reset filters'
		},
		summary: {
			uses_one: '{{count, number}} use of your data',
			uses_other: '{{count, number}} uses of your data',
			on: 'on {{date}}',
			range: 'from {{from}} to {{to}}',
			since: 'since {{date}}',
			upTo: 'up to {{date}}',
			by: 'by {{agency}}',
			showing: 'Lines {{first, number}}–{{last, number}} of {{total, number}}'
		},
		empty: {
			filtered: 'Nothing matches these filters.',
			filteredHint: 'Try a longer period or all agencies.',
			showAll: 'Show all uses of your data',
			none: 'No agency has recorded using your data yet.',
			noneHint: 'This page lists every time a public-sector agency uses your personal data: which agency, when, in which information system, for what purpose and on what legal basis. When an agency uses your data, it will appear here, and you can flag anything that looks wrong.'
		},
		table: {
			caption: 'Uses of your data',
			when: 'When',
			agency: 'Agency',
			system: 'Information system',
			purpose: 'Purpose',
			basis: 'Legal basis',
			data: 'Data used',
			proof: 'In the log',
			act: 'Act on it'
		},
		row: {
			withheld: 'Details withheld (restricted processing)',
			onBehalf: '{{via}} on behalf of {{agency}}',
			noPurpose: 'No purpose given',
			bulk: 'bulk',
			bulkHint: 'Bulk processing: part of a scheduled run over many people',
			automated: 'automated',
			automatedHint: 'Done by an information system, without an official looking at it',
			ownWording: 'The agency’s own wording:',
			basisLinkHint: 'the act’s text in Riigi Teataja, opens in a new tab',
			flag: 'Flag',
			flagHint: 'this use of {{time}} as wrong'
		},
		group: {
			line_one: '{{agency}}: {{count, number}} automated use in {{month}}',
			line_other: '{{agency}}: {{count, number}} automated uses in {{month}}',
			open: 'Show the list',
			listTitle: '{{agency}}, {{month}}',
			more: 'The list shows the newest {{shown, number}}.',
			showAll: 'Show all of them one by one'
		},
		proof: {
			checking: 'Checking…',
			verified: '✓ Verified',
			notYet: 'Not yet',
			notVerified: '✗ Not verified',
			withheld: 'details withheld',
			download: 'Proof',
			downloadHint: 'of this use, to download'
		},
		ledger: {
			title: 'Is this list complete and unaltered?',
			checking: 'Your browser is checking these uses against Peegel’s tamper-evident log…',
			witness: 'Only trust checkpoints that an independent witness has cosigned',
			about: 'Every use is committed to an append-only log that nobody can change unnoticed. Your browser checks each line against the log’s signed checkpoint itself; each use’s proof can be downloaded and checked elsewhere.',
			link: 'What the log proves'
		},
		pager: { label: 'Pages', previous: 'Previous', next: 'Next', previousPage: 'Previous page', nextPage: 'Next page', page: 'Page {{page}}' },
		note: {
			label: 'About this list',
			whyTitle: 'Why some lines show only a time.',
			why: 'While an investigation is going on, the law lets the investigating authority withhold the details; the use is still recorded. Processing by the security services appears here once the law allows it to be disclosed.',
			officials: 'The names of individual officials are not shown here. If a use looks wrong to you, flag it: the Data Protection Inspectorate will look into it and tell you the outcome.'
		}
	},
	et: {
		section: {
			label: 'Sinu andmed',
			uses: 'Kasutused',
			overview: 'Ülevaade',
			flags: 'Minu teavitused',
			inbox: 'Postkast',
			notifications: 'Teavituste seaded'
		},
		title: 'Minu andmed',
		titlePage: 'Minu andmed, lk {{page}}',
		heading: 'Kes on sinu andmeid kasutanud',
		headingOf: 'Kes on kasutanud isiku {{name}} andmeid',
		lead: 'Iga rida on üks kord, kui avaliku sektori asutus kasutas sinu isikuandmeid, uuemad eespool, koos eesmärgi ja õigusliku alusega. Ühe süsteemi automaatne ja masstöötlus ühes kuus on üks rida, mis avaneb loeteluks. Ajad on Eesti aja järgi.',
		errors: {
			title: 'Mõnda filtrit ei saanud kasutada:',
			date: 'peab olema päris kuupäev kujul AAAA-KK-PP (aastad 1900–2299)',
			agency: 'peab olema asutuse 8-kohaline registrikood',
			page: 'peab olema täisarv, vähemalt 1',
			toBeforeFrom: 'ei tohi olla enne alguskuupäeva'
		},
		filter: {
			title: 'Filtreeri loetelu',
			period: 'Periood',
			from: 'Alates',
			to: 'Kuni',
			agency: 'Asutus',
			page: 'Lehekülg',
			allAgencies: 'Kõik asutused',
			oneByOne: 'Näita automaatseid ja masskasutusi ükshaaval',
			apply: 'Rakenda filtrid',
			reset: 'Tühista filtrid'
		},
		summary: {
			uses_one: 'Sinu andmeid kasutati {{count, number}} kord',
			uses_other: 'Sinu andmeid kasutati {{count, number}} korda',
			on: '{{date}}',
			range: '{{from}} kuni {{to}}',
			since: 'alates {{date}}',
			upTo: 'kuni {{date}}',
			by: 'asutus: {{agency}}',
			showing: 'Read {{first, number}}–{{last, number}}, kokku {{total, number}}'
		},
		empty: {
			filtered: 'Nende filtritega ei leitud midagi.',
			filteredHint: 'Proovi pikemat perioodi või kõiki asutusi.',
			showAll: 'Näita kõiki sinu andmete kasutusi',
			none: 'Ükski asutus pole veel sinu andmete kasutamist registreerinud.',
			noneHint: 'Sellel lehel on iga kord, kui avaliku sektori asutus kasutab sinu isikuandmeid: milline asutus, millal, millises infosüsteemis, mis eesmärgil ja mis õigusliku alusega. Kui asutus sinu andmeid kasutab, ilmub see siia ja sa saad märkida kõik, mis tundub vale.'
		},
		table: {
			caption: 'Sinu andmete kasutused',
			when: 'Millal',
			agency: 'Asutus',
			system: 'Infosüsteem',
			purpose: 'Eesmärk',
			basis: 'Õiguslik alus',
			data: 'Kasutatud andmed',
			proof: 'Logis',
			act: 'Tegevus'
		},
		row: {
			withheld: 'Üksikasjad on varjatud (piiratud töötlemine)',
			onBehalf: '{{via}} asutuse {{agency}} nimel',
			noPurpose: 'Eesmärki pole märgitud',
			bulk: 'mass',
			bulkHint: 'Masstöötlus: osa paljude inimeste kohta tehtud plaanilisest käivitusest',
			automated: 'automaatne',
			automatedHint: 'Tegi infosüsteem, ametnik seda ei vaadanud',
			ownWording: 'Asutuse enda sõnastus:',
			basisLinkHint: 'akti tekst Riigi Teatajas, avaneb uues vahekaardis',
			flag: 'Märgi',
			flagHint: 'kasutus {{time}} valeks'
		},
		group: {
			line_one: '{{agency}}: {{count, number}} automaatne kasutus, {{month}}',
			line_other: '{{agency}}: {{count, number}} automaatset kasutust, {{month}}',
			open: 'Näita loetelu',
			listTitle: '{{agency}}, {{month}}',
			more: 'Loetelus on {{shown, number}} uusimat.',
			showAll: 'Näita kõiki ükshaaval'
		},
		proof: {
			checking: 'Kontrollin…',
			verified: '✓ Kontrollitud',
			notYet: 'Veel mitte',
			notVerified: '✗ Ei ole kontrollitud',
			withheld: 'üksikasjad varjatud',
			download: 'Tõend',
			downloadHint: 'selle kasutuse kohta, allalaadimiseks'
		},
		ledger: {
			title: 'Kas see loetelu on täielik ja muutmata?',
			checking: 'Sinu brauser kontrollib neid kasutusi Peegli võltsimiskindla logi vastu…',
			witness: 'Usalda ainult kontrollpunkte, mille on kaasallkirjastanud sõltumatu tunnistaja',
			about: 'Iga kasutus kantakse ainult lisatavasse logisse, mida keegi ei saa märkamatult muuta. Sinu brauser kontrollib ise iga rida logi allkirjastatud kontrollpunkti vastu; iga kasutuse tõendi saab alla laadida ja mujal kontrollida.',
			link: 'Mida logi tõendab'
		},
		pager: { label: 'Leheküljed', previous: 'Eelmine', next: 'Järgmine', previousPage: 'Eelmine lehekülg', nextPage: 'Järgmine lehekülg', page: 'Lehekülg {{page}}' },
		note: {
			label: 'Selle loetelu kohta',
			whyTitle: 'Miks mõnel real on ainult aeg.',
			why: 'Uurimise ajal lubab seadus uurival asutusel üksikasjad varjata; kasutus on siiski kirjas. Julgeolekuasutuste töötlemine ilmub siia, kui seadus lubab seda avalikustada.',
			officials: 'Üksikute ametnike nimesid siin ei näidata. Kui mõni kasutus tundub vale, märgi see: Andmekaitse Inspektsioon uurib seda ja teatab sulle tulemuse.'
		}
	},
	ru: {
		section: {
			label: 'Ваши данные',
			uses: 'Использования',
			overview: 'Обзор',
			flags: 'Мои жалобы',
			inbox: 'Входящие',
			notifications: 'Настройки уведомлений'
		},
		title: 'Мои данные',
		titlePage: 'Мои данные, страница {{page}}',
		heading: 'Кто использовал ваши данные',
		headingOf: 'Кто использовал данные: {{name}}',
		lead: 'Каждая строка — это один случай, когда государственное учреждение использовало ваши персональные данные, с целью и правовым основанием; новые сверху. Автоматическая и массовая обработка одной системой за один месяц — одна строка, которая раскрывается в список. Время указано по эстонскому времени.',
		errors: {
			title: 'Некоторые фильтры не удалось применить:',
			date: 'должна быть настоящая дата в виде ГГГГ-ММ-ДД (годы 1900–2299)',
			agency: 'должен быть 8-значный регистрационный код учреждения',
			page: 'должно быть целое число, не меньше 1',
			toBeforeFrom: 'не может быть раньше даты начала'
		},
		filter: {
			title: 'Фильтр списка',
			period: 'Период',
			from: 'С',
			to: 'По',
			agency: 'Учреждение',
			page: 'Страница',
			allAgencies: 'Все учреждения',
			oneByOne: 'Показывать автоматические и массовые использования по одному',
			apply: 'Применить фильтры',
			reset: 'Сбросить фильтры'
		},
		summary: {
			uses_one: 'Ваши данные использовались {{count, number}} раз',
			uses_few: 'Ваши данные использовались {{count, number}} раза',
			uses_many: 'Ваши данные использовались {{count, number}} раз',
			uses_other: 'Ваши данные использовались {{count, number}} раза',
			on: '{{date}}',
			range: 'с {{from}} по {{to}}',
			since: 'с {{date}}',
			upTo: 'по {{date}}',
			by: 'учреждение: {{agency}}',
			showing: 'Строки {{first, number}}–{{last, number}} из {{total, number}}'
		},
		empty: {
			filtered: 'По этим фильтрам ничего не найдено.',
			filteredHint: 'Попробуйте более длинный период или все учреждения.',
			showAll: 'Показать все использования ваших данных',
			none: 'Пока ни одно учреждение не зарегистрировало использование ваших данных.',
			noneHint: 'На этой странице — каждый случай, когда государственное учреждение использует ваши персональные данные: какое учреждение, когда, в какой информационной системе, с какой целью и на каком правовом основании. Когда учреждение использует ваши данные, это появится здесь, и вы сможете отметить всё, что кажется неправильным.'
		},
		table: {
			caption: 'Использования ваших данных',
			when: 'Когда',
			agency: 'Учреждение',
			system: 'Информационная система',
			purpose: 'Цель',
			basis: 'Правовое основание',
			data: 'Какие данные',
			proof: 'В журнале',
			act: 'Действия'
		},
		row: {
			withheld: 'Подробности скрыты (ограниченная обработка)',
			onBehalf: '{{via}} от имени учреждения {{agency}}',
			noPurpose: 'Цель не указана',
			bulk: 'массово',
			bulkHint: 'Массовая обработка: часть планового запуска по многим людям',
			automated: 'автоматически',
			automatedHint: 'Выполнено информационной системой, без участия должностного лица',
			ownWording: 'Формулировка учреждения:',
			basisLinkHint: 'текст акта в Riigi Teataja, откроется в новой вкладке',
			flag: 'Отметить',
			flagHint: 'использование {{time}} как неправильное'
		},
		group: {
			line_one: '{{agency}}: {{count, number}} автоматическое использование, {{month}}',
			line_few: '{{agency}}: {{count, number}} автоматических использования, {{month}}',
			line_many: '{{agency}}: {{count, number}} автоматических использований, {{month}}',
			line_other: '{{agency}}: {{count, number}} автоматического использования, {{month}}',
			open: 'Показать список',
			listTitle: '{{agency}}, {{month}}',
			more: 'В списке {{shown, number}} самых новых.',
			showAll: 'Показать все по одному'
		},
		proof: {
			checking: 'Проверяется…',
			verified: '✓ Проверено',
			notYet: 'Пока нет',
			notVerified: '✗ Не проверено',
			withheld: 'подробности скрыты',
			download: 'Доказательство',
			downloadHint: 'этого использования, скачать'
		},
		ledger: {
			title: 'Полон ли этот список и не изменён ли он?',
			checking: 'Ваш браузер проверяет эти использования по защищённому от подделки журналу Peegel…',
			witness: 'Доверять только контрольным точкам, которые подписал независимый свидетель',
			about: 'Каждое использование заносится в журнал, в который можно только добавлять и который никто не может незаметно изменить. Ваш браузер сам проверяет каждую строку по подписанной контрольной точке журнала; доказательство каждого использования можно скачать и проверить в другом месте.',
			link: 'Что доказывает журнал'
		},
		pager: { label: 'Страницы', previous: 'Назад', next: 'Вперёд', previousPage: 'Предыдущая страница', nextPage: 'Следующая страница', page: 'Страница {{page}}' },
		note: {
			label: 'Об этом списке',
			whyTitle: 'Почему в некоторых строках только время.',
			why: 'Пока идёт расследование, закон позволяет расследующему учреждению скрыть подробности; само использование всё равно записано. Обработка службами безопасности появляется здесь, когда закон позволяет её раскрыть.',
			officials: 'Имена отдельных должностных лиц здесь не показываются. Если использование кажется вам неправильным, отметьте его: Инспекция по защите данных разберётся и сообщит вам результат.'
		}
	}
});
