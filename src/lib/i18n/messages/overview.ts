import { defineMessages } from '../define';

/** The citizen's overview (/me/overview): charts of uses per month, agency and information system. */
export default defineMessages({
	en: {
		title: 'Overview',
		heading: 'Overview of the uses of your data',
		lead: 'How often public-sector agencies used your personal data, which agencies, and in which of their information systems. Months are counted in Estonian time.',
		toList: 'See each use in the list',
		period: {
			legend: 'Period',
			last12: 'Last 12 months',
			last24: 'Last 2 years',
			all: 'All time',
			custom: 'Chosen months',
			from: 'From month',
			to: 'To month',
			monthHint: 'Used with “Chosen months”. Write the month as YYYY-MM, for example 2026-05; leave empty for no limit.',
			apply: 'Show'
		},
		phrase: {
			last12: 'in the last 12 months',
			last24: 'in the last 2 years',
			range: 'from {{from}} to {{to}}'
		},
		errors: {
			title: 'Some of the period could not be used, and was left out:',
			choice: 'must be one of the choices offered',
			month: 'must be a month written YYYY-MM (for example 2026-05)',
			future: 'must not be after the current month',
			order: 'must not be before the From month'
		},
		monthly: {
			title: 'Uses per month',
			caption: 'Uses of your data per month, by agency',
			month: 'Month',
			total: 'Total',
			legend: 'Colours in the chart'
		},
		agencies: {
			title: 'Agencies that used your data the most',
			caption: 'Agencies that used your data the most, with their number of uses',
			agency: 'Agency',
			uses: 'Uses'
		},
		systems: {
			title: 'Information systems that processed your data the most',
			caption: 'Information systems that processed your data the most, with their number of uses',
			system: 'Information system',
			agency: 'Agency',
			uses: 'Uses'
		},
		other: 'Other agencies',
		withheld: 'Details withheld',
		unknownAgency: 'Agency {{code}}',
		showTable: 'Show as a table',
		summary: {
			uses_one: '{{count, number}} use {{period}}',
			uses_other: '{{count, number}} uses {{period}}',
			mostBy: 'most by {{name}} ({{uses, number}})',
			busiest: 'busiest month: {{month}} with {{uses, number}}',
			agencies_one: '{{count, number}} agency used your data {{period}}',
			agencies_other: '{{count, number}} agencies used your data {{period}}',
			systems_one: '{{count, number}} information system processed your data {{period}}',
			systems_other: '{{count, number}} information systems processed your data {{period}}',
			most: 'the most: {{name}} with {{uses, number}}',
			withheld_one: '{{count, number}} use with its details withheld',
			withheld_other: '{{count, number}} uses with their details withheld',
			none: 'No uses of your data {{period}}.',
			noneEver: 'No agency has recorded using your data yet. When one does, it will be counted here.'
		},
		withheldNote: '“Details withheld”: while an investigation is going on, the law lets the investigating authority withhold which agency and system used your data; the use is still counted.'
	},
	et: {
		title: 'Ülevaade',
		heading: 'Ülevaade sinu andmete kasutamisest',
		lead: 'Kui sageli avaliku sektori asutused sinu isikuandmeid kasutasid, millised asutused ja millistes infosüsteemides. Kuud on arvestatud Eesti aja järgi.',
		toList: 'Vaata iga kasutust loetelus',
		period: {
			legend: 'Periood',
			last12: 'Viimased 12 kuud',
			last24: 'Viimased 2 aastat',
			all: 'Kogu aeg',
			custom: 'Valitud kuud',
			from: 'Alguskuu',
			to: 'Lõpukuu',
			monthHint: 'Kehtib valiku „Valitud kuud“ korral. Kirjuta kuu kujul AAAA-KK, näiteks 2026-05; piiranguta jätmiseks jäta tühjaks.',
			apply: 'Näita'
		},
		phrase: {
			last12: 'viimase 12 kuu jooksul',
			last24: 'viimase 2 aasta jooksul',
			range: 'ajavahemikul {{from}} – {{to}}'
		},
		errors: {
			title: 'Osa perioodist ei saanud kasutada ja see jäeti välja:',
			choice: 'peab olema üks pakutud valikutest',
			month: 'peab olema kuu kujul AAAA-KK (näiteks 2026-05)',
			future: 'ei tohi olla hilisem kui käesolev kuu',
			order: 'ei tohi olla varasem kui alguskuu'
		},
		monthly: {
			title: 'Kasutused kuude kaupa',
			caption: 'Sinu andmete kasutused kuude ja asutuste kaupa',
			month: 'Kuu',
			total: 'Kokku',
			legend: 'Värvid joonisel'
		},
		agencies: {
			title: 'Asutused, kes sinu andmeid kõige rohkem kasutasid',
			caption: 'Asutused, kes sinu andmeid kõige rohkem kasutasid, ja nende kasutuste arv',
			agency: 'Asutus',
			uses: 'Kasutusi'
		},
		systems: {
			title: 'Infosüsteemid, mis sinu andmeid kõige rohkem töötlesid',
			caption: 'Infosüsteemid, mis sinu andmeid kõige rohkem töötlesid, ja nende kasutuste arv',
			system: 'Infosüsteem',
			agency: 'Asutus',
			uses: 'Kasutusi'
		},
		other: 'Muud asutused',
		withheld: 'Üksikasjad varjatud',
		unknownAgency: 'Asutus {{code}}',
		showTable: 'Näita tabelina',
		summary: {
			uses_one: '{{count, number}} kasutus {{period}}',
			uses_other: '{{count, number}} kasutust {{period}}',
			mostBy: 'kõige rohkem {{name}} ({{uses, number}})',
			busiest: 'kõige tihedam kuu: {{month}} ({{uses, number}})',
			agencies_one: '{{count, number}} asutus kasutas sinu andmeid {{period}}',
			agencies_other: '{{count, number}} asutust kasutasid sinu andmeid {{period}}',
			systems_one: '{{count, number}} infosüsteem töötles sinu andmeid {{period}}',
			systems_other: '{{count, number}} infosüsteemi töötlesid sinu andmeid {{period}}',
			most: 'kõige rohkem: {{name}} ({{uses, number}})',
			withheld_one: '{{count, number}} kasutuse üksikasjad on varjatud',
			withheld_other: '{{count, number}} kasutuse üksikasjad on varjatud',
			none: 'Sinu andmeid ei kasutatud {{period}}.',
			noneEver: 'Ükski asutus ei ole veel sinu andmete kasutamist registreerinud. Kui see juhtub, loetakse see siin kokku.'
		},
		withheldNote: '„Üksikasjad varjatud“: menetluse ajal lubab seadus menetlejal varjata, milline asutus ja infosüsteem sinu andmeid kasutas; kasutus loetakse siiski kokku.'
	},
	ru: {
		title: 'Обзор',
		heading: 'Обзор использования ваших данных',
		lead: 'Как часто государственные учреждения использовали ваши персональные данные, какие учреждения и в каких информационных системах. Месяцы считаются по эстонскому времени.',
		toList: 'Посмотреть каждое использование в списке',
		period: {
			legend: 'Период',
			last12: 'Последние 12 месяцев',
			last24: 'Последние 2 года',
			all: 'За всё время',
			custom: 'Выбранные месяцы',
			from: 'Месяц начала',
			to: 'Месяц окончания',
			monthHint: 'Применяется при выборе «Выбранные месяцы». Укажите месяц в формате ГГГГ-ММ, например 2026-05; оставьте пустым, чтобы не ограничивать.',
			apply: 'Показать'
		},
		phrase: {
			last12: 'за последние 12 месяцев',
			last24: 'за последние 2 года',
			range: 'за период {{from}} – {{to}}'
		},
		errors: {
			title: 'Часть периода не удалось применить, она не учтена:',
			choice: 'должен быть одним из предложенных вариантов',
			month: 'должен быть месяцем в формате ГГГГ-ММ (например, 2026-05)',
			future: 'не может быть позже текущего месяца',
			order: 'не может быть раньше месяца начала'
		},
		monthly: {
			title: 'Использования по месяцам',
			caption: 'Использования ваших данных по месяцам и учреждениям',
			month: 'Месяц',
			total: 'Всего',
			legend: 'Цвета на диаграмме'
		},
		agencies: {
			title: 'Учреждения, чаще всего использовавшие ваши данные',
			caption: 'Учреждения, чаще всего использовавшие ваши данные, и число использований',
			agency: 'Учреждение',
			uses: 'Использований'
		},
		systems: {
			title: 'Информационные системы, чаще всего обрабатывавшие ваши данные',
			caption: 'Информационные системы, чаще всего обрабатывавшие ваши данные, и число использований',
			system: 'Информационная система',
			agency: 'Учреждение',
			uses: 'Использований'
		},
		other: 'Другие учреждения',
		withheld: 'Сведения скрыты',
		unknownAgency: 'Учреждение {{code}}',
		showTable: 'Показать в виде таблицы',
		summary: {
			uses_one: '{{count, number}} использование {{period}}',
			uses_few: '{{count, number}} использования {{period}}',
			uses_many: '{{count, number}} использований {{period}}',
			uses_other: '{{count, number}} использования {{period}}',
			mostBy: 'чаще всего — {{name}} ({{uses, number}})',
			busiest: 'самый активный месяц — {{month}} ({{uses, number}})',
			agencies_one: '{{count, number}} учреждение использовало ваши данные {{period}}',
			agencies_few: '{{count, number}} учреждения использовали ваши данные {{period}}',
			agencies_many: '{{count, number}} учреждений использовали ваши данные {{period}}',
			agencies_other: '{{count, number}} учреждения использовали ваши данные {{period}}',
			systems_one: '{{count, number}} информационная система обработала ваши данные {{period}}',
			systems_few: '{{count, number}} информационные системы обработали ваши данные {{period}}',
			systems_many: '{{count, number}} информационных систем обработали ваши данные {{period}}',
			systems_other: '{{count, number}} информационной системы обработали ваши данные {{period}}',
			most: 'больше всего — {{name}} ({{uses, number}})',
			withheld_one: 'у {{count, number}} использования сведения скрыты',
			withheld_few: 'у {{count, number}} использований сведения скрыты',
			withheld_many: 'у {{count, number}} использований сведения скрыты',
			withheld_other: 'у {{count, number}} использования сведения скрыты',
			none: 'Ваши данные не использовались {{period}}.',
			noneEver: 'Пока ни одно учреждение не зарегистрировало использование ваших данных. Когда это произойдёт, оно будет учтено здесь.'
		},
		withheldNote: '«Сведения скрыты»: пока идёт расследование, закон позволяет ведущему его органу скрыть, какое учреждение и какая система использовали ваши данные; использование всё равно учитывается.'
	}
});
