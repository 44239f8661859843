import { defineMessages } from '../define';

/** Flagging a use of one's data (/me/flag/<event>) and following the flags (/me/flags). */
export default defineMessages({
	en: {
		nav: 'My flags',
		link: {
			flag: 'Flag',
			label: 'Flag the use on {{time}} by {{agency}}',
			labelRestricted: 'Flag the use on {{time}}'
		},
		event: {
			when: 'When',
			agency: 'Agency',
			via: 'via {{name}}',
			system: 'Information system',
			purpose: 'Purpose',
			noPurpose: 'No purpose given',
			restricted: 'Details withheld (restricted processing)',
			show: 'Show this use on your timeline'
		},
		form: {
			title: 'Flag a use of your data',
			titleFor: 'Flag a use of {{name}}’s data',
			intro: 'If this use of your data looks wrong, tell the oversight body. It opens a case, looks into it, and you can follow what happens on “My flags”.',
			eventHeading: 'The use you are flagging',
			restrictedNote: 'The law lets the agency withhold the details of this use for now. You can still flag it: the oversight body sees the details.',
			kindLegend: 'What is wrong with it?',
			unrecognised: 'I don’t recognise this',
			unrecognisedHint: 'You had no dealings with this agency then, or do not know why it would use your data.',
			unjustified: 'I don’t think this was justified',
			unjustifiedHint: 'You know of it, but think the agency had no good reason to use your data.',
			comment: 'Comment',
			commentHint: 'Say why it looks wrong: required if you don’t think it was justified, optional otherwise. At most {{max, number}} characters.',
			submit: 'Send the flag',
			cancel: 'Back to my data',
			next: 'What happens next: the oversight body sees your flag, the use and who made it, and decides whether it was lawful. It may contact you.'
		},
		errors: {
			summary: 'There is a problem with the form',
			kindMissing: 'Choose what is wrong with this use.',
			commentRequired: 'Say why you think this use was not justified.',
			commentTooLong: 'Shorten the comment to at most {{max, number}} characters.',
			tokenInvalid: 'The form has expired. Check your answers and send it again.'
		},
		list: {
			title: 'My flags',
			titleFor: 'Flags on {{name}}’s data',
			intro: 'Uses of your data that you have flagged, newest first, with what the oversight body has done about each.',
			count_one: '{{count, number}} flag',
			count_other: '{{count, number}} flags',
			received: 'Thank you. Your flag has been received and stored. The oversight body will look into it.',
			emptyTitle: 'You have not flagged anything yet.',
			emptyText: 'If a use of your data on your timeline looks wrong – you don’t recognise it, or don’t think it was justified – flag it there. The oversight body, which checks that agencies use personal data lawfully, opens a case for it, and you can follow the case here.',
			emptyLink: 'Go to your data',
			itemHeading: 'Flag of {{date}}',
			flaggedOn: 'Flagged on',
			kind: 'What you said',
			comment: 'Your comment',
			noComment: 'No comment',
			status: 'Status',
			outcome: 'Outcome',
			caseRef: 'Case reference',
			fromOversight: 'From the oversight body',
			theUse: 'The use'
		},
		kind: {
			unrecognised: 'You don’t recognise this use',
			unjustified: 'You don’t think this use was justified'
		},
		status: {
			new: 'New: waiting for the oversight body',
			investigating: 'Being investigated',
			closed: 'Closed'
		},
		outcome: {
			justified: 'The use was justified',
			misuse: 'Misuse found',
			inconclusive: 'Inconclusive: it could not be established either way'
		}
	},
	et: {
		nav: 'Minu teavitused',
		link: {
			flag: 'Teavita',
			label: 'Teavita kasutusest {{time}}, asutus {{agency}}',
			labelRestricted: 'Teavita kasutusest {{time}}'
		},
		event: {
			when: 'Aeg',
			agency: 'Asutus',
			via: '{{name}} kaudu',
			system: 'Infosüsteem',
			purpose: 'Eesmärk',
			noPurpose: 'Eesmärki pole märgitud',
			restricted: 'Üksikasjad varjatud (piiratud töötlemine)',
			show: 'Näita seda kasutust oma ajajoonel'
		},
		form: {
			title: 'Teavita oma andmete kasutusest',
			titleFor: 'Teavita isiku {{name}} andmete kasutusest',
			intro: 'Kui see andmete kasutus tundub vale, anna sellest teada järelevalveasutusele. See avab juhtumi, uurib asja ja sa saad lehel „Minu teavitused“ jälgida, mis edasi saab.',
			eventHeading: 'Kasutus, millest teavitad',
			restrictedNote: 'Seadus lubab asutusel selle kasutuse üksikasjad praegu varjata. Võid sellest siiski teavitada: järelevalveasutus näeb üksikasju.',
			kindLegend: 'Mis sellel viga on?',
			unrecognised: 'Ma ei tunne seda ära',
			unrecognisedHint: 'Sul ei olnud tol ajal selle asutusega asju või sa ei tea, miks see sinu andmeid kasutas.',
			unjustified: 'Minu arvates polnud see põhjendatud',
			unjustifiedHint: 'Tead sellest, kuid arvad, et asutusel polnud sinu andmete kasutamiseks head põhjust.',
			comment: 'Kommentaar',
			commentHint: 'Kirjuta, miks see tundub vale: kohustuslik, kui sinu arvates polnud kasutus põhjendatud, muidu vabatahtlik. Kuni {{max, number}} tähemärki.',
			submit: 'Saada teavitus',
			cancel: 'Tagasi minu andmete juurde',
			next: 'Mis edasi saab: järelevalveasutus näeb sinu teavitust, kasutust ja seda, kes selle tegi, ning otsustab, kas see oli seaduslik. Ta võib sinuga ühendust võtta.'
		},
		errors: {
			summary: 'Vormis on viga',
			kindMissing: 'Vali, mis selle kasutusega valesti on.',
			commentRequired: 'Kirjuta, miks see kasutus sinu arvates põhjendatud ei olnud.',
			commentTooLong: 'Lühenda kommentaari kuni {{max, number}} tähemärgini.',
			tokenInvalid: 'Vorm on aegunud. Kontrolli vastuseid ja saada see uuesti.'
		},
		list: {
			title: 'Minu teavitused',
			titleFor: 'Teavitused isiku {{name}} andmete kohta',
			intro: 'Sinu andmete kasutused, millest oled teavitanud, uuemad eespool, ja mida järelevalveasutus igaühega on teinud.',
			count_one: '{{count, number}} teavitus',
			count_other: '{{count, number}} teavitust',
			received: 'Aitäh! Sinu teavitus on kätte saadud ja salvestatud. Järelevalveasutus uurib seda.',
			emptyTitle: 'Sa ei ole veel millestki teavitanud.',
			emptyText: 'Kui mõni kasutus sinu ajajoonel tundub vale – sa ei tunne seda ära või ei pea seda põhjendatuks –, teavita sellest seal. Järelevalveasutus, kes kontrollib, et asutused kasutaksid isikuandmeid seaduslikult, avab selle kohta juhtumi ja sa saad juhtumit siin jälgida.',
			emptyLink: 'Mine oma andmete juurde',
			itemHeading: 'Teavitus {{date}}',
			flaggedOn: 'Teavitatud',
			kind: 'Mida sa ütlesid',
			comment: 'Sinu kommentaar',
			noComment: 'Kommentaarita',
			status: 'Olek',
			outcome: 'Tulemus',
			caseRef: 'Juhtumi viide',
			fromOversight: 'Järelevalveasutuse teade',
			theUse: 'Kasutus'
		},
		kind: {
			unrecognised: 'Sa ei tunne seda kasutust ära',
			unjustified: 'Sinu arvates polnud see kasutus põhjendatud'
		},
		status: {
			new: 'Uus: ootab järelevalveasutust',
			investigating: 'Uurimisel',
			closed: 'Lõpetatud'
		},
		outcome: {
			justified: 'Kasutus oli põhjendatud',
			misuse: 'Leiti väärkasutus',
			inconclusive: 'Selgusetu: ei õnnestunud kindlaks teha'
		}
	},
	ru: {
		nav: 'Мои жалобы',
		link: {
			flag: 'Пожаловаться',
			label: 'Пожаловаться на использование {{time}}, учреждение {{agency}}',
			labelRestricted: 'Пожаловаться на использование {{time}}'
		},
		event: {
			when: 'Когда',
			agency: 'Учреждение',
			via: 'через {{name}}',
			system: 'Информационная система',
			purpose: 'Цель',
			noPurpose: 'Цель не указана',
			restricted: 'Подробности скрыты (ограниченная обработка)',
			show: 'Показать это использование в вашей хронологии'
		},
		form: {
			title: 'Пожаловаться на использование ваших данных',
			titleFor: 'Пожаловаться на использование данных: {{name}}',
			intro: 'Если это использование ваших данных кажется неправильным, сообщите надзорному органу. Он откроет дело и разберётся, а вы сможете следить за ходом дела на странице «Мои жалобы».',
			eventHeading: 'Использование, на которое вы жалуетесь',
			restrictedNote: 'Закон позволяет учреждению пока скрывать подробности этого использования. Вы всё равно можете пожаловаться: надзорный орган видит подробности.',
			kindLegend: 'Что не так?',
			unrecognised: 'Я не узнаю это',
			unrecognisedHint: 'У вас не было тогда дел с этим учреждением, или вы не знаете, зачем ему ваши данные.',
			unjustified: 'Я считаю, что это не было обоснованно',
			unjustifiedHint: 'Вы знаете об этом, но считаете, что у учреждения не было веской причины использовать ваши данные.',
			comment: 'Комментарий',
			commentHint: 'Объясните, что не так: обязательно, если вы считаете использование необоснованным, иначе по желанию. Не более {{max, number}} символов.',
			submit: 'Отправить жалобу',
			cancel: 'Назад к моим данным',
			next: 'Что дальше: надзорный орган увидит вашу жалобу, использование и того, кто его совершил, и решит, было ли оно законным. С вами могут связаться.'
		},
		errors: {
			summary: 'В форме есть ошибка',
			kindMissing: 'Выберите, что не так с этим использованием.',
			commentRequired: 'Объясните, почему вы считаете это использование необоснованным.',
			commentTooLong: 'Сократите комментарий до {{max, number}} символов.',
			tokenInvalid: 'Срок действия формы истёк. Проверьте ответы и отправьте её ещё раз.'
		},
		list: {
			title: 'Мои жалобы',
			titleFor: 'Жалобы по данным: {{name}}',
			intro: 'Использования ваших данных, на которые вы пожаловались, сначала новые, и что надзорный орган сделал по каждой жалобе.',
			count_one: '{{count, number}} жалоба',
			count_few: '{{count, number}} жалобы',
			count_many: '{{count, number}} жалоб',
			count_other: '{{count, number}} жалобы',
			received: 'Спасибо! Ваша жалоба получена и сохранена. Надзорный орган её рассмотрит.',
			emptyTitle: 'Вы ещё ни на что не жаловались.',
			emptyText: 'Если какое-то использование ваших данных в хронологии кажется неправильным – вы его не узнаёте или считаете необоснованным, – пожалуйтесь на него там. Надзорный орган, который следит за законным использованием персональных данных, откроет по нему дело, и вы сможете следить за ним здесь.',
			emptyLink: 'Перейти к моим данным',
			itemHeading: 'Жалоба от {{date}}',
			flaggedOn: 'Дата жалобы',
			kind: 'Что вы сообщили',
			comment: 'Ваш комментарий',
			noComment: 'Без комментария',
			status: 'Статус',
			outcome: 'Итог',
			caseRef: 'Номер дела',
			fromOversight: 'Сообщение надзорного органа',
			theUse: 'Использование'
		},
		kind: {
			unrecognised: 'Вы не узнаёте это использование',
			unjustified: 'Вы считаете это использование необоснованным'
		},
		status: {
			new: 'Новое: ожидает надзорного органа',
			investigating: 'Расследуется',
			closed: 'Закрыто'
		},
		outcome: {
			justified: 'Использование было обоснованным',
			misuse: 'Выявлено злоупотребление',
			inconclusive: 'Не установлено: выяснить не удалось'
		}
	}
});
