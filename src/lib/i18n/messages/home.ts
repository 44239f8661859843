import { defineMessages } from '../define';

/** The front page. */
export default defineMessages({
	en: {
		title: 'Peegel: see who used your personal data',
		description: 'Peegel shows you which public-sector agency used your personal data, when, in which information system, why and on what legal basis.',
		heading: 'Who has used your data?',
		lead: 'Public-sector agencies use your personal data every day: to pay your benefits, send you letters, check your tax return or treat you in hospital. Each time they do, the agency records it. Peegel shows you those records: which agency used your data, when, in which information system, why, and on what legal basis.',
		act: 'If something looks wrong, for example a look-up you cannot explain, flag it and the Data Protection Inspectorate will look into it. Some processing by the police or security services is withheld or shown later, as the law allows; it is still recorded and cannot be deleted.',
		cta: 'See who used my data',
		demoHint: 'This is a demo: you will pick a made-up person to sign in as.',
		factsLabel: 'What you will see',
		whenTitle: 'When and who',
		whenText: 'The time, the agency, and the agency that carried the query for it, if any.',
		whyTitle: 'Why',
		whyText: 'The purpose in plain language, and the law that allows it.',
		whatTitle: 'What',
		whatText: 'Which kinds of data were used: your address, income, health records and so on.'
	},
	et: {
		title: 'Peegel: vaata, kes sinu isikuandmeid kasutas',
		description: 'Peegel näitab, milline avaliku sektori asutus kasutas sinu isikuandmeid, millal, millises infosüsteemis, miks ja mis õigusliku alusega.',
		heading: 'Kes on sinu andmeid kasutanud?',
		lead: 'Avaliku sektori asutused kasutavad sinu isikuandmeid iga päev: et maksta sulle toetusi, saata kirju, kontrollida tuludeklaratsiooni või ravida sind haiglas. Iga kord jätab asutus sellest kirje. Peegel näitab sulle neid kirjeid: milline asutus sinu andmeid kasutas, millal, millises infosüsteemis, miks ja mis õigusliku alusega.',
		act: 'Kui miski tundub vale, näiteks päring, mida sa ei oska seletada, märgi see ja Andmekaitse Inspektsioon uurib asja. Osa politsei ja julgeolekuasutuste töötlemisest on varjatud või näidatakse hiljem, nagu seadus lubab; see on siiski kirjas ja seda ei saa kustutada.',
		cta: 'Vaata, kes minu andmeid kasutas',
		demoHint: 'See on demo: saad valida välja mõeldud inimese, kellena sisse logida.',
		factsLabel: 'Mida sa näed',
		whenTitle: 'Millal ja kes',
		whenText: 'Aeg, asutus ja asutus, kes päringu tema eest tegi, kui selline oli.',
		whyTitle: 'Miks',
		whyText: 'Eesmärk lihtsas keeles ja seadus, mis seda lubab.',
		whatTitle: 'Mida',
		whatText: 'Milliseid andmeid kasutati: aadressi, sissetulekut, terviseandmeid jne.'
	},
	ru: {
		title: 'Peegel: узнайте, кто использовал ваши персональные данные',
		description: 'Peegel показывает, какое государственное учреждение использовало ваши персональные данные, когда, в какой информационной системе, зачем и на каком правовом основании.',
		heading: 'Кто использовал ваши данные?',
		lead: 'Государственные учреждения каждый день используют ваши персональные данные: чтобы выплатить пособие, отправить письмо, проверить налоговую декларацию или лечить вас в больнице. Каждый раз учреждение делает об этом запись. Peegel показывает вам эти записи: какое учреждение использовало ваши данные, когда, в какой информационной системе, зачем и на каком правовом основании.',
		act: 'Если что-то кажется неправильным, например запрос, которому вы не находите объяснения, отметьте его, и Инспекция по защите данных разберётся. Часть обработки полицией или службами безопасности скрыта или показывается позже, как позволяет закон; она всё равно записана и не может быть удалена.',
		cta: 'Узнать, кто использовал мои данные',
		demoHint: 'Это демо: вы выберете вымышленного человека, от имени которого войти.',
		factsLabel: 'Что вы увидите',
		whenTitle: 'Когда и кто',
		whenText: 'Время, учреждение и учреждение, которое выполнило запрос для него, если такое было.',
		whyTitle: 'Зачем',
		whyText: 'Цель простыми словами и закон, который это разрешает.',
		whatTitle: 'Что',
		whatText: 'Какие данные использовались: ваш адрес, доход, медицинские записи и т. д.'
	}
});
