import { defineMessages } from '../define';

/**
 * The detection rules' names and plain descriptions, keyed by rule id (RULE_IDS in
 * $lib/oversight/rules): t('rules.self-lookup.name'). Every page that names a rule uses these.
 */
export default defineMessages({
	en: {
		'self-lookup': { name: 'Own data looked up', description: 'An official looked up their own data.' },
		'relative-lookup': {
			name: 'Relative looked up',
			description: 'An official looked up a family member (parent, child, brother or sister), someone in their household, or someone with the same rare surname.'
		},
		'protected-person': {
			name: 'Protected person looked up',
			description: 'An official looked up a person on the protected list (politicians, celebrities, journalists, …) without a case that explains it.'
		},
		'no-case-ref': { name: 'No case reference', description: 'An official looked up a person without a case reference, for a purpose that requires one.' },
		'off-hours': {
			name: 'Outside working hours',
			description: 'An official looked up people at night or at the weekend, which they rarely do, for a purpose that is not round-the-clock work.'
		},
		'volume-spike': {
			name: 'Unusually many look-ups',
			description: 'In one day an official looked up far more than they usually do, and more than their colleagues at the same agency.'
		},
		'many-officials': {
			name: 'Many officials on one person',
			description: 'Several officials looked up the same person within a short time, without a case that explains it.'
		},
		'consecutive-codes': {
			name: 'Consecutive personal codes',
			description: 'An official looked up people whose personal codes follow one another (the same birth date, serial numbers close together): browsing, not casework.'
		},
		'after-employment': { name: 'Access outside employment', description: 'An official used an agency’s data on a day they were not employed there.' }
	},
	et: {
		'self-lookup': { name: 'Enda andmete vaatamine', description: 'Ametnik vaatas enda andmeid.' },
		'relative-lookup': {
			name: 'Sugulase andmete vaatamine',
			description: 'Ametnik vaatas pereliikme (vanema, lapse, õe või venna), oma leibkonna liikme või sama haruldase perekonnanimega inimese andmeid.'
		},
		'protected-person': {
			name: 'Kaitstud isiku andmete vaatamine',
			description: 'Ametnik vaatas kaitstud isikute nimekirjas oleva inimese (poliitikud, tuntud inimesed, ajakirjanikud …) andmeid, ilma et seda selgitaks menetlus.'
		},
		'no-case-ref': { name: 'Menetluse viide puudub', description: 'Ametnik vaatas inimese andmeid ilma menetluse viiteta, kuigi eesmärk seda nõuab.' },
		'off-hours': {
			name: 'Väljaspool tööaega',
			description: 'Ametnik vaatas inimeste andmeid öösel või nädalavahetusel, mida ta teeb harva, eesmärgil, mis ei ole ööpäevaringne töö.'
		},
		'volume-spike': {
			name: 'Ebatavaliselt palju päringuid',
			description: 'Ametnik tegi ühe päeva jooksul palju rohkem päringuid kui tavaliselt ja rohkem kui tema kolleegid samas asutuses.'
		},
		'many-officials': {
			name: 'Palju ametnikke ühe inimese andmetes',
			description: 'Mitu ametnikku vaatasid lühikese aja jooksul sama inimese andmeid, ilma et seda selgitaks menetlus.'
		},
		'consecutive-codes': {
			name: 'Järjestikused isikukoodid',
			description: 'Ametnik vaatas inimesi, kelle isikukoodid järgnevad üksteisele (sama sünnikuupäev, lähedased järjekorranumbrid): sirvimine, mitte menetlus.'
		},
		'after-employment': { name: 'Päring väljaspool töösuhet', description: 'Ametnik kasutas asutuse andmeid päeval, mil ta seal ei töötanud.' }
	},
	ru: {
		'self-lookup': { name: 'Просмотр собственных данных', description: 'Должностное лицо просмотрело свои собственные данные.' },
		'relative-lookup': {
			name: 'Просмотр данных родственника',
			description: 'Должностное лицо просмотрело данные члена семьи (родителя, ребёнка, брата или сестры), члена своего домохозяйства или человека с той же редкой фамилией.'
		},
		'protected-person': {
			name: 'Просмотр данных защищённого лица',
			description: 'Должностное лицо просмотрело данные человека из списка защищённых лиц (политики, известные люди, журналисты …) без дела, которое бы это объясняло.'
		},
		'no-case-ref': { name: 'Нет номера дела', description: 'Должностное лицо просмотрело данные человека без номера дела, хотя цель этого требует.' },
		'off-hours': {
			name: 'Вне рабочего времени',
			description: 'Должностное лицо просматривало данные людей ночью или в выходные, что для него редкость, с целью, не связанной с круглосуточной работой.'
		},
		'volume-spike': {
			name: 'Необычно много запросов',
			description: 'За один день должностное лицо сделало гораздо больше запросов, чем обычно, и больше, чем его коллеги в том же учреждении.'
		},
		'many-officials': {
			name: 'Много должностных лиц по одному человеку',
			description: 'Несколько должностных лиц за короткое время просмотрели данные одного и того же человека без дела, которое бы это объясняло.'
		},
		'consecutive-codes': {
			name: 'Последовательные личные коды',
			description: 'Должностное лицо просматривало людей, чьи личные коды идут подряд (одна дата рождения, близкие порядковые номера): перебор, а не работа по делу.'
		},
		'after-employment': { name: 'Доступ вне трудовых отношений', description: 'Должностное лицо использовало данные учреждения в день, когда оно там не работало.' }
	}
});
