import { defineMessages } from '../define';

/** Notification settings (/me/notifications), the inbox (/me/inbox) and the messages themselves (inbox and e-mail). */
export default defineMessages({
	en: {
		prefs: {
			title: 'Notifications',
			lead: 'Choose when Peegel tells you that your data was used. Messages appear in your inbox here, and also by e-mail if you give an address.',
			modeLegend: 'When should we tell you?',
			modes: {
				every: { label: 'Every new use', hint: 'A message whenever an agency uses your data. Uses found together come in one message.' },
				unusual: { label: 'Only unusual uses', hint: 'A message only for a use that looks out of the ordinary (explained below).' },
				agencies: { label: 'Only uses by agencies I choose', hint: 'A message whenever one of the agencies you choose below uses your data.' },
				digest: {
					label: 'A weekly summary',
					hint: 'After each week (Monday to Sunday, Estonian time), how many times each agency used your data. A week without any use sends nothing.'
				},
				none: { label: 'No notifications', hint: 'Nothing is sent. Your history stays on the My data page.' }
			},
			unusual: {
				title: 'What counts as unusual',
				intro: 'Until the oversight body’s detection rules are in place, a use is unusual when at least one of these is true:',
				outsideHours: 'it happened outside working hours: before 07:00 or from 19:00 Estonian time, or on a Saturday or Sunday;',
				newAgency: 'the agency had not used your data in the 365 days before it;',
				noPurpose: 'no purpose was given.',
				restricted: 'For a use whose details are withheld, only its time is judged. Public holidays count as working days.'
			},
			agencies: {
				legend: 'Agencies',
				hint: 'Used when “Only uses by agencies I choose” is selected: choose at least one.',
				history: 'Agencies that have used your data',
				noHistory: 'No agency has used your data yet. Choose from the list of all agencies.',
				all: 'All agencies',
				search: 'Search agencies',
				searchHint: 'Type part of a name or a registry code.',
				noMatch: 'No agency matches the search.',
				code: 'registry code {{code}}'
			},
			email: { label: 'E-mail address (optional)', hint: 'Without an address, messages appear only in your inbox.' },
			lang: { label: 'Language of the messages' },
			save: 'Save settings',
			saved: 'Your notification settings were saved.',
			errorsTitle: 'The settings were not saved. Please correct the following:',
			inboxLink: 'Go to your inbox'
		},
		errors: {
			mode: 'Choose when you want to be told.',
			agencies: 'Choose at least one agency, or choose another option above.',
			tooManyAgencies: 'Choose at most {{max}} agencies.',
			unknownAgency: 'There is no agency with the registry code {{code}}.',
			email: 'Enter an e-mail address such as name@example.ee, or leave the field empty.',
			lang: 'Choose Estonian, English or Russian.',
			form: 'The form could not be read. Please try again.'
		},
		inbox: {
			title: 'Inbox',
			lead: 'Messages about uses of your data, newest first. Messages that arrived since your last visit are marked “New”.',
			empty: 'There are no messages yet.',
			settingsLink: 'Notification settings',
			settingsText: 'Choose when you are told about uses of your data:',
			new: 'New',
			newCount_one: '{{count, number}} new message since your last visit',
			newCount_other: '{{count, number}} new messages since your last visit',
			noneNew: 'Nothing new since your last visit.',
			received: 'Received {{time}}',
			listLabel: 'Messages',
			unseenBadge_one: '{{count, number}} new message',
			unseenBadge_other: '{{count, number}} new messages'
		},
		message: {
			uses_one: 'A new use of your data',
			uses_other: '{{count, number}} new uses of your data',
			unusual_one: 'An unusual use of your data',
			unusual_other: '{{count, number}} unusual uses of your data',
			chosen_one: 'A new use of your data by an agency you chose',
			chosen_other: '{{count, number}} new uses of your data by agencies you chose',
			withheld: 'A use of your data (details withheld)',
			use: '{{agency}}: {{purpose}}',
			noPurpose: 'no purpose given',
			disclosed: 'This use was kept from view until now (sealed) and has now been disclosed.',
			why: 'Unusual because: {{reasons}}',
			reasons: {
				outside_hours: 'outside working hours',
				new_agency: 'the first use by this agency in 365 days',
				no_purpose: 'no purpose given'
			},
			digest_one: 'Your week {{from}} – {{to}}: {{count, number}} use of your data',
			digest_other: 'Your week {{from}} – {{to}}: {{count, number}} uses of your data',
			digestAgency_one: '{{agency}}: {{count, number}} use',
			digestAgency_other: '{{agency}}: {{count, number}} uses',
			digestWithheld: 'Details withheld',
			more_one: '… and {{count, number}} more use',
			more_other: '… and {{count, number}} more uses'
		},
		email: {
			subject: 'Peegel: {{title}}',
			greeting: 'Hello,',
			intro: 'Peegel recorded the following about your personal data. Times are Estonian time.',
			details: 'See the details and your whole history: {{url}}',
			settings: 'You get this message because of your notification settings. Change them here: {{url}}'
		}
	},
	et: {
		prefs: {
			title: 'Teavitused',
			lead: 'Vali, millal Peegel sulle teatab, et sinu andmeid kasutati. Teated ilmuvad siin sinu postkasti ning ka e-postiga, kui annad aadressi.',
			modeLegend: 'Millal sulle teatada?',
			modes: {
				every: { label: 'Iga uus kasutus', hint: 'Teade iga kord, kui asutus sinu andmeid kasutab. Korraga leitud kasutused tulevad ühes teates.' },
				unusual: { label: 'Ainult ebatavalised kasutused', hint: 'Teade ainult kasutuse kohta, mis näib tavapärasest erinev (selgitus allpool).' },
				agencies: { label: 'Ainult minu valitud asutuste kasutused', hint: 'Teade iga kord, kui mõni allpool valitud asutus sinu andmeid kasutab.' },
				digest: {
					label: 'Iganädalane kokkuvõte',
					hint: 'Iga nädala järel (esmaspäevast pühapäevani, Eesti aja järgi), mitu korda iga asutus sinu andmeid kasutas. Nädal ilma kasutusteta teadet ei too.'
				},
				none: { label: 'Teavitusi ei soovi', hint: 'Midagi ei saadeta. Sinu ajalugu jääb lehele „Minu andmed“.' }
			},
			unusual: {
				title: 'Mida loetakse ebatavaliseks',
				intro: 'Kuni järelevalveasutuse tuvastusreeglid on kasutusel, on kasutus ebatavaline, kui vähemalt üks neist kehtib:',
				outsideHours: 'see toimus väljaspool tööaega: enne kella 07.00 või alates kella 19.00 Eesti aja järgi või laupäeval või pühapäeval;',
				newAgency: 'asutus ei olnud sinu andmeid sellele eelnenud 365 päeva jooksul kasutanud;',
				noPurpose: 'eesmärki ei olnud märgitud.',
				restricted: 'Kasutuse puhul, mille üksikasjad on varjatud, hinnatakse ainult selle aega. Riigipühi loetakse tööpäevadeks.'
			},
			agencies: {
				legend: 'Asutused',
				hint: 'Kehtib, kui on valitud „Ainult minu valitud asutuste kasutused“: vali vähemalt üks.',
				history: 'Asutused, kes on sinu andmeid kasutanud',
				noHistory: 'Ükski asutus pole veel sinu andmeid kasutanud. Vali kõigi asutuste loetelust.',
				all: 'Kõik asutused',
				search: 'Otsi asutust',
				searchHint: 'Sisesta osa nimest või registrikood.',
				noMatch: 'Otsingule vastavat asutust ei ole.',
				code: 'registrikood {{code}}'
			},
			email: { label: 'E-posti aadress (valikuline)', hint: 'Ilma aadressita ilmuvad teated ainult sinu postkasti.' },
			lang: { label: 'Teadete keel' },
			save: 'Salvesta seaded',
			saved: 'Sinu teavituste seaded on salvestatud.',
			errorsTitle: 'Seadeid ei salvestatud. Palun paranda järgmine:',
			inboxLink: 'Mine postkasti'
		},
		errors: {
			mode: 'Vali, millal soovid teadet saada.',
			agencies: 'Vali vähemalt üks asutus või vali ülal mõni muu valik.',
			tooManyAgencies: 'Vali kõige rohkem {{max}} asutust.',
			unknownAgency: 'Registrikoodiga {{code}} asutust ei ole.',
			email: 'Sisesta e-posti aadress, näiteks nimi@example.ee, või jäta väli tühjaks.',
			lang: 'Vali eesti, inglise või vene keel.',
			form: 'Vormi ei õnnestunud lugeda. Palun proovi uuesti.'
		},
		inbox: {
			title: 'Postkast',
			lead: 'Teated sinu andmete kasutamise kohta, uuemad eespool. Pärast sinu eelmist külastust saabunud teated on märgitud „Uus“.',
			empty: 'Teateid veel ei ole.',
			settingsLink: 'Teavituste seaded',
			settingsText: 'Vali, millal sulle andmete kasutamisest teatatakse:',
			new: 'Uus',
			newCount_one: 'Pärast eelmist külastust {{count, number}} uus teade',
			newCount_other: 'Pärast eelmist külastust {{count, number}} uut teadet',
			noneNew: 'Pärast eelmist külastust pole midagi uut.',
			received: 'Saabus {{time}}',
			listLabel: 'Teated',
			unseenBadge_one: '{{count, number}} uus teade',
			unseenBadge_other: '{{count, number}} uut teadet'
		},
		message: {
			uses_one: 'Sinu andmeid kasutati',
			uses_other: 'Sinu andmeid kasutati {{count, number}} korda',
			unusual_one: 'Sinu andmete ebatavaline kasutus',
			unusual_other: 'Sinu andmete {{count, number}} ebatavalist kasutust',
			chosen_one: 'Sinu valitud asutus kasutas sinu andmeid',
			chosen_other: 'Sinu valitud asutused kasutasid sinu andmeid {{count, number}} korda',
			withheld: 'Sinu andmete kasutus (üksikasjad varjatud)',
			use: '{{agency}}: {{purpose}}',
			noPurpose: 'eesmärki pole märgitud',
			disclosed: 'See kasutus oli seni varjatud (salastatud) ja on nüüd avalikustatud.',
			why: 'Ebatavaline, sest: {{reasons}}',
			reasons: {
				outside_hours: 'väljaspool tööaega',
				new_agency: 'selle asutuse esimene kasutus 365 päeva jooksul',
				no_purpose: 'eesmärki pole märgitud'
			},
			digest_one: 'Sinu nädal {{from}} – {{to}}: sinu andmeid kasutati {{count, number}} kord',
			digest_other: 'Sinu nädal {{from}} – {{to}}: sinu andmeid kasutati {{count, number}} korda',
			digestAgency_one: '{{agency}}: {{count, number}} kord',
			digestAgency_other: '{{agency}}: {{count, number}} korda',
			digestWithheld: 'Üksikasjad varjatud',
			more_one: '… ja veel {{count, number}} kasutus',
			more_other: '… ja veel {{count, number}} kasutust'
		},
		email: {
			subject: 'Peegel: {{title}}',
			greeting: 'Tere!',
			intro: 'Peegel salvestas sinu isikuandmete kohta järgmise. Ajad on Eesti aja järgi.',
			details: 'Vaata üksikasju ja kogu ajalugu: {{url}}',
			settings: 'Saad selle teate oma teavituste seadete tõttu. Muuda neid siin: {{url}}'
		}
	},
	ru: {
		prefs: {
			title: 'Уведомления',
			lead: 'Выберите, когда Peegel сообщает вам об использовании ваших данных. Сообщения появляются здесь, во входящих, а также приходят по электронной почте, если вы укажете адрес.',
			modeLegend: 'Когда вам сообщать?',
			modes: {
				every: { label: 'О каждом новом использовании', hint: 'Сообщение каждый раз, когда учреждение использует ваши данные. Использования, найденные вместе, приходят одним сообщением.' },
				unusual: { label: 'Только о необычных использованиях', hint: 'Сообщение только об использовании, которое выглядит необычным (пояснение ниже).' },
				agencies: { label: 'Только об использованиях выбранными учреждениями', hint: 'Сообщение каждый раз, когда одно из выбранных ниже учреждений использует ваши данные.' },
				digest: {
					label: 'Еженедельная сводка',
					hint: 'После каждой недели (с понедельника по воскресенье, по эстонскому времени): сколько раз каждое учреждение использовало ваши данные. Если за неделю использований не было, ничего не отправляется.'
				},
				none: { label: 'Без уведомлений', hint: 'Ничего не отправляется. Ваша история остаётся на странице «Мои данные».' }
			},
			unusual: {
				title: 'Что считается необычным',
				intro: 'Пока не действуют правила выявления надзорного органа, использование считается необычным, если верно хотя бы одно из следующего:',
				outsideHours: 'оно произошло вне рабочего времени: до 07:00 или начиная с 19:00 по эстонскому времени, либо в субботу или воскресенье;',
				newAgency: 'учреждение не использовало ваши данные в течение 365 дней до этого;',
				noPurpose: 'цель не указана.',
				restricted: 'Для использования, подробности которого скрыты, оценивается только его время. Государственные праздники считаются рабочими днями.'
			},
			agencies: {
				legend: 'Учреждения',
				hint: 'Действует, если выбрано «Только об использованиях выбранными учреждениями»: выберите хотя бы одно.',
				history: 'Учреждения, которые использовали ваши данные',
				noHistory: 'Ни одно учреждение ещё не использовало ваши данные. Выберите из списка всех учреждений.',
				all: 'Все учреждения',
				search: 'Поиск учреждения',
				searchHint: 'Введите часть названия или регистрационный код.',
				noMatch: 'Подходящих учреждений нет.',
				code: 'регистрационный код {{code}}'
			},
			email: { label: 'Адрес электронной почты (необязательно)', hint: 'Без адреса сообщения появляются только во входящих.' },
			lang: { label: 'Язык сообщений' },
			save: 'Сохранить настройки',
			saved: 'Ваши настройки уведомлений сохранены.',
			errorsTitle: 'Настройки не сохранены. Пожалуйста, исправьте следующее:',
			inboxLink: 'Перейти во входящие'
		},
		errors: {
			mode: 'Выберите, когда вам сообщать.',
			agencies: 'Выберите хотя бы одно учреждение или другой вариант выше.',
			tooManyAgencies: 'Выберите не более {{max}} учреждений.',
			unknownAgency: 'Учреждения с регистрационным кодом {{code}} нет.',
			email: 'Введите адрес электронной почты, например name@example.ee, или оставьте поле пустым.',
			lang: 'Выберите эстонский, английский или русский язык.',
			form: 'Не удалось прочитать форму. Пожалуйста, попробуйте ещё раз.'
		},
		inbox: {
			title: 'Входящие',
			lead: 'Сообщения об использовании ваших данных, новые вверху. Сообщения, пришедшие после вашего прошлого посещения, отмечены как «Новое».',
			empty: 'Сообщений пока нет.',
			settingsLink: 'Настройки уведомлений',
			settingsText: 'Выберите, когда вам сообщать об использовании ваших данных:',
			new: 'Новое',
			newCount_one: '{{count, number}} новое сообщение после прошлого посещения',
			newCount_few: '{{count, number}} новых сообщения после прошлого посещения',
			newCount_many: '{{count, number}} новых сообщений после прошлого посещения',
			newCount_other: '{{count, number}} нового сообщения после прошлого посещения',
			noneNew: 'После прошлого посещения ничего нового.',
			received: 'Получено {{time}}',
			listLabel: 'Сообщения',
			unseenBadge_one: '{{count, number}} новое сообщение',
			unseenBadge_few: '{{count, number}} новых сообщения',
			unseenBadge_many: '{{count, number}} новых сообщений',
			unseenBadge_other: '{{count, number}} нового сообщения'
		},
		message: {
			uses_one: 'Новое использование ваших данных',
			uses_few: '{{count, number}} новых использования ваших данных',
			uses_many: '{{count, number}} новых использований ваших данных',
			uses_other: '{{count, number}} нового использования ваших данных',
			unusual_one: 'Необычное использование ваших данных',
			unusual_few: '{{count, number}} необычных использования ваших данных',
			unusual_many: '{{count, number}} необычных использований ваших данных',
			unusual_other: '{{count, number}} необычного использования ваших данных',
			chosen_one: 'Выбранное вами учреждение использовало ваши данные',
			chosen_few: '{{count, number}} новых использования ваших данных выбранными учреждениями',
			chosen_many: '{{count, number}} новых использований ваших данных выбранными учреждениями',
			chosen_other: '{{count, number}} нового использования ваших данных выбранными учреждениями',
			withheld: 'Использование ваших данных (подробности скрыты)',
			use: '{{agency}}: {{purpose}}',
			noPurpose: 'цель не указана',
			disclosed: 'Это использование до сих пор было скрыто (засекречено) и теперь раскрыто.',
			why: 'Необычно, потому что: {{reasons}}',
			reasons: {
				outside_hours: 'вне рабочего времени',
				new_agency: 'первое использование этим учреждением за 365 дней',
				no_purpose: 'цель не указана'
			},
			digest_one: 'Ваша неделя {{from}} – {{to}}: {{count, number}} использование ваших данных',
			digest_few: 'Ваша неделя {{from}} – {{to}}: {{count, number}} использования ваших данных',
			digest_many: 'Ваша неделя {{from}} – {{to}}: {{count, number}} использований ваших данных',
			digest_other: 'Ваша неделя {{from}} – {{to}}: {{count, number}} использования ваших данных',
			digestAgency_one: '{{agency}}: {{count, number}} использование',
			digestAgency_few: '{{agency}}: {{count, number}} использования',
			digestAgency_many: '{{agency}}: {{count, number}} использований',
			digestAgency_other: '{{agency}}: {{count, number}} использования',
			digestWithheld: 'Подробности скрыты',
			more_one: '… и ещё {{count, number}} использование',
			more_few: '… и ещё {{count, number}} использования',
			more_many: '… и ещё {{count, number}} использований',
			more_other: '… и ещё {{count, number}} использования'
		},
		email: {
			subject: 'Peegel: {{title}}',
			greeting: 'Здравствуйте!',
			intro: 'Peegel записал следующее о ваших персональных данных. Время указано по эстонскому времени.',
			details: 'Подробности и вся история: {{url}}',
			settings: 'Вы получили это сообщение согласно вашим настройкам уведомлений. Изменить их можно здесь: {{url}}'
		}
	}
});
