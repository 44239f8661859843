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
				intro: 'A use is unusual when the oversight body’s detection rules raise an alert about it, a few minutes after it is recorded. The rules look for:',
				rules: {
					'self-lookup': 'an official looking up their own data;',
					'relative-lookup': 'an official looking up a relative, a member of their household or someone with their rare surname;',
					'protected-person': 'a look-up of a person the oversight body protects (politicians, public figures, journalists) without a case that explains it;',
					'no-case-ref': 'a look-up without the case number its purpose requires;',
					'off-hours': 'a look-up at night or at a weekend by an official who rarely works then;',
					'volume-spike': 'an official making far more look-ups in a day than they or their colleagues usually do;',
					'many-officials': 'many officials looking up the same person within a day;',
					'consecutive-codes': 'an official browsing people one personal code after another;',
					'after-employment': 'a look-up by someone who no longer worked at the agency.'
				},
				restricted: 'A use whose details are withheld from you is not announced as unusual: that would tell what is withheld.'
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
				no_purpose: 'no purpose given',
				'self-lookup': 'the official looked up their own data',
				'relative-lookup': 'the official is a relative or household member, or shares a rare surname',
				'protected-person': 'a look-up of a protected person without a case that explains it',
				'no-case-ref': 'no case number, though the purpose requires one',
				'off-hours': 'at night or at a weekend, unusual for the official',
				'volume-spike': 'the official made far more look-ups that day than usual',
				'many-officials': 'many officials looked up your data within a day',
				'consecutive-codes': 'the official was browsing consecutive personal codes',
				'after-employment': 'the person no longer worked at the agency'
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
				intro: 'Kasutus on ebatavaline, kui järelevalveasutuse tuvastusreeglid annavad selle kohta hoiatuse, mõni minut pärast selle salvestamist. Reeglid otsivad:',
				rules: {
					'self-lookup': 'ametnikku, kes vaatab omaenda andmeid;',
					'relative-lookup': 'ametnikku, kes vaatab sugulase, leibkonnaliikme või sama haruldase perekonnanimega inimese andmeid;',
					'protected-person': 'järelevalveasutuse kaitstava inimese (poliitik, avaliku elu tegelane, ajakirjanik) andmete vaatamist ilma seda selgitava menetluseta;',
					'no-case-ref': 'päringut ilma menetluse numbrita, mida eesmärk nõuab;',
					'off-hours': 'päringut öösel või nädalavahetusel ametnikult, kes siis harva töötab;',
					'volume-spike': 'ametnikku, kes teeb päevas palju rohkem päringuid kui tema ise või ta kolleegid tavaliselt;',
					'many-officials': 'paljusid ametnikke, kes vaatavad sama inimese andmeid ühe päeva jooksul;',
					'consecutive-codes': 'ametnikku, kes sirvib inimesi isikukood isikukoodi järel;',
					'after-employment': 'päringut inimeselt, kes asutuses enam ei töötanud.'
				},
				restricted: 'Kasutusest, mille üksikasjad on sinu eest varjatud, ebatavalisena ei teatata: see reedaks, mida varjatakse.'
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
				no_purpose: 'eesmärki pole märgitud',
				'self-lookup': 'ametnik vaatas omaenda andmeid',
				'relative-lookup': 'ametnik on sugulane või leibkonnaliige või kannab sama haruldast perekonnanime',
				'protected-person': 'kaitstud isiku andmete vaatamine ilma seda selgitava menetluseta',
				'no-case-ref': 'menetluse number puudub, kuigi eesmärk seda nõuab',
				'off-hours': 'öösel või nädalavahetusel, ametniku jaoks ebatavaline',
				'volume-spike': 'ametnik tegi sel päeval tavalisest palju rohkem päringuid',
				'many-officials': 'paljud ametnikud vaatasid sinu andmeid ühe päeva jooksul',
				'consecutive-codes': 'ametnik sirvis järjestikuseid isikukoode',
				'after-employment': 'inimene ei töötanud enam asutuses'
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
				intro: 'Использование необычно, если правила выявления надзорного органа выдают о нём предупреждение — через несколько минут после его записи. Правила ищут:',
				rules: {
					'self-lookup': 'должностное лицо, просматривающее собственные данные;',
					'relative-lookup': 'должностное лицо, просматривающее данные родственника, члена своего домохозяйства или человека с той же редкой фамилией;',
					'protected-person': 'просмотр данных человека под защитой надзорного органа (политики, публичные лица, журналисты) без объясняющего это дела;',
					'no-case-ref': 'запрос без номера дела, которого требует цель;',
					'off-hours': 'запрос ночью или в выходные от должностного лица, которое в это время редко работает;',
					'volume-spike': 'должностное лицо, делающее за день гораздо больше запросов, чем обычно оно само или его коллеги;',
					'many-officials': 'много должностных лиц, просматривающих данные одного человека в течение суток;',
					'consecutive-codes': 'должностное лицо, перебирающее людей по личным кодам подряд;',
					'after-employment': 'запрос от человека, который уже не работал в учреждении.'
				},
				restricted: 'Об использовании, подробности которого от вас скрыты, как о необычном не сообщается: это выдало бы скрытое.'
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
				no_purpose: 'цель не указана',
				'self-lookup': 'должностное лицо просмотрело собственные данные',
				'relative-lookup': 'должностное лицо — родственник или член домохозяйства либо носит ту же редкую фамилию',
				'protected-person': 'просмотр данных защищённого лица без объясняющего дела',
				'no-case-ref': 'нет номера дела, хотя цель его требует',
				'off-hours': 'ночью или в выходные, необычно для этого должностного лица',
				'volume-spike': 'должностное лицо сделало в тот день гораздо больше запросов, чем обычно',
				'many-officials': 'много должностных лиц просмотрели ваши данные в течение суток',
				'consecutive-codes': 'должностное лицо перебирало личные коды подряд',
				'after-employment': 'человек уже не работал в учреждении'
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
