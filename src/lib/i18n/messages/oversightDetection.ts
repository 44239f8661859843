import { defineMessages } from '../define';

/** /oversight/detection: the rules, their parameters and runs, running them now, and explained hits. */
export default defineMessages({
	en: {
		title: 'Detection',
		lead: 'Rules look through every new use of personal data for signs of misuse and raise alerts. They run every minute; you can also run them now.',
		logSize: 'The usage log holds {{count, number}} events.',
		run: {
			heading: 'Run detection now',
			hint: 'Every rule looks at the events stored since its last run. A run in progress is finished first.',
			submit: 'Run detection now',
			done: 'Detection ran over the log up to event {{size, number}} in {{seconds}} s.',
			interrupted: 'The run stopped early because the server is shutting down; it continues at the next run.',
			caption: 'What this run did, by rule'
		},
		rules: {
			heading: 'Rules',
			caption: 'Detection rules with their parameters, progress and results',
			rule: 'Rule',
			severity: 'Severity',
			parameters: 'Parameters',
			noParameters: 'None',
			cursor: 'Checked up to event',
			lastRun: 'Last run with new events',
			never: 'Not run yet',
			range: 'Events {{from, number}}–{{to, number}}',
			alertsTotal: 'Alerts raised',
			explainedTotal: 'Explained and dropped',
			explainable: 'An open case corroborated by another official can explain a hit.',
			explainableByOfficial: 'Only a case corroborated by another official can explain a hit.',
			notExplainable: 'Nothing explains a hit.'
		},
		summary: {
			range: 'Events looked at',
			hits: 'Hits',
			explained: 'Explained',
			alerts: 'New alerts'
		},
		trigger: { schedule: 'scheduled', manual: 'run by an auditor' },
		severity: { low: 'low', medium: 'medium', high: 'high' },
		explained: {
			heading: 'Latest explained hits',
			intro: 'Hits dropped before becoming alerts because a corroborated case file links the official and the person: another official of the same agency, or its automated processing, worked on the same case about the same person first.',
			caption: 'The latest hits the explanation step dropped, newest first',
			none: 'No hit has been explained yet.',
			when: 'Recorded',
			rule: 'Rule',
			official: 'Official',
			noOfficial: '— (many officials)',
			events: 'Look-ups',
			why: 'Why',
			case: 'Case {{caseRef}} at agency {{agency}}: corroborating events by other officials {{officials, number}}, by automated processing {{automated, number}}, the first on {{first}}.',
			left: 'Unexplained look-ups left: {{count, number}} (below the rule’s threshold).'
		},
		ruleNames: {
			'self-lookup': 'Own record',
			'relative-lookup': 'Relative or namesake',
			'protected-person': 'Protected person',
			'no-case-ref': 'No case reference',
			'off-hours': 'Outside working hours',
			'volume-spike': 'Volume spike',
			'many-officials': 'Many officials on one person',
			'consecutive-codes': 'Consecutive personal codes',
			'after-employment': 'Outside employment'
		},
		ruleDescriptions: {
			'self-lookup': 'An official looked up their own record.',
			'relative-lookup':
				'An official looked up a parent, child or sibling, or someone in their household, by the population register (high); or someone with the same rare surname (medium).',
			'protected-person': 'An official looked up someone on the protected list the oversight body keeps (politicians, celebrities, journalists and others).',
			'no-case-ref': 'An official’s look-up names no case although its purpose requires one (investigations, proceedings, audits, security work).',
			'off-hours':
				'An official looked people up at night or at the weekend, for purposes without round-the-clock work, although such work is rare for them: one alert per official and day, for a session of several look-ups.',
			'volume-spike': 'An official’s look-ups on one day far exceed both their own usual days and their colleagues’ busiest days at the same agency.',
			'many-officials': 'Several different officials looked up the same person within a short time.',
			'consecutive-codes': 'An official looked up people with neighbouring personal codes (same birth date and sex, serial numbers close together) within a short time: browsing the register.',
			'after-employment': 'An official looked someone up on a day they were not employed at that agency (after leaving, before starting, or never).'
		},
		params: {
			maxSurnameShare: 'A surname counts as rare when at most this share of the register holds it (and never when more than the two of them do in a small register)',
			dayStart: 'Working hours start (hour)',
			dayEnd: 'Working hours end (hour)',
			maxUsualShare: 'Off-hours work is usual from this share of the official’s look-ups',
			historyDays: 'Days of the official’s history judged',
			minHistory: 'Look-ups in that history needed to judge',
			minEvents: 'Off-hours look-ups in a day for an alert',
			minDaily: 'Look-ups in a day before anything else is asked',
			baselineDays: 'Days of the official’s own baseline',
			sdFactor: 'Standard deviations above the baseline mean',
			peerQuantile: 'Quantile of colleagues’ daily counts to exceed',
			excludePurposes: 'Purposes left out',
			minOfficials: 'Distinct officials',
			windowHours: 'Within hours',
			minRun: 'People in a run of codes',
			windowMinutes: 'Within minutes',
			maxStep: 'Largest step between serial numbers'
		}
	},
	et: {
		title: 'Tuvastus',
		lead: 'Reeglid vaatavad iga uue isikuandmete kasutuse läbi väärkasutuse märkide leidmiseks ja tõstavad hoiatusi. Need käivituvad iga minut; saad neid käivitada ka kohe.',
		logSize: 'Kasutuslogis on {{count, number}} sündmust.',
		run: {
			heading: 'Käivita tuvastus kohe',
			hint: 'Iga reegel vaatab läbi sündmused, mis on lisandunud pärast tema eelmist käivitust. Pooleli olev käivitus lõpetatakse enne.',
			submit: 'Käivita tuvastus kohe',
			done: 'Tuvastus vaatas logi läbi kuni sündmuseni {{size, number}}; aega kulus {{seconds}} s.',
			interrupted: 'Käivitus peatus varem, sest server seiskub; see jätkub järgmisel käivitusel.',
			caption: 'Mida see käivitus tegi, reeglite kaupa'
		},
		rules: {
			heading: 'Reeglid',
			caption: 'Tuvastusreeglid koos parameetrite, edenemise ja tulemustega',
			rule: 'Reegel',
			severity: 'Raskusaste',
			parameters: 'Parameetrid',
			noParameters: 'Puuduvad',
			cursor: 'Kontrollitud kuni sündmuseni',
			lastRun: 'Viimane käivitus uute sündmustega',
			never: 'Pole veel käivitatud',
			range: 'Sündmused {{from, number}}–{{to, number}}',
			alertsTotal: 'Tõstetud hoiatusi',
			explainedTotal: 'Selgitatud ja kõrvale jäetud',
			explainable: 'Leiu võib selgitada avatud menetlus, mida kinnitab teine ametnik.',
			explainableByOfficial: 'Leiu võib selgitada ainult menetlus, mida kinnitab teine ametnik.',
			notExplainable: 'Leidu ei selgita miski.'
		},
		summary: {
			range: 'Läbi vaadatud sündmused',
			hits: 'Leiud',
			explained: 'Selgitatud',
			alerts: 'Uued hoiatused'
		},
		trigger: { schedule: 'ajastatud', manual: 'käivitas inspektor' },
		severity: { low: 'madal', medium: 'keskmine', high: 'kõrge' },
		explained: {
			heading: 'Viimased selgitatud leiud',
			intro: 'Leiud, mis jäeti enne hoiatuseks saamist kõrvale, sest kinnitatud menetlus seob ametniku ja isikut: sama asutuse teine ametnik või asutuse automaatne töötlus tegeles sama isiku sama menetlusega varem.',
			caption: 'Viimased leiud, mille selgitusetapp kõrvale jättis, uuemad eespool',
			none: 'Ühtegi leidu pole veel selgitatud.',
			when: 'Salvestatud',
			rule: 'Reegel',
			official: 'Ametnik',
			noOfficial: '— (mitu ametnikku)',
			events: 'Päringud',
			why: 'Põhjus',
			case: 'Menetlus {{caseRef}} asutuses {{agency}}: kinnitavaid sündmusi teistelt ametnikelt {{officials, number}}, automaatsest töötlusest {{automated, number}}, esimene {{first}}.',
			left: 'Selgitamata päringuid jäi {{count, number}} (alla reegli läve).'
		},
		ruleNames: {
			'self-lookup': 'Oma andmed',
			'relative-lookup': 'Sugulane või nimekaim',
			'protected-person': 'Kaitstud isik',
			'no-case-ref': 'Menetluse viide puudub',
			'off-hours': 'Väljaspool tööaega',
			'volume-spike': 'Päringute hüpe',
			'many-officials': 'Palju ametnikke ühe isiku kohta',
			'consecutive-codes': 'Järjestikused isikukoodid',
			'after-employment': 'Väljaspool töösuhet'
		},
		ruleDescriptions: {
			'self-lookup': 'Ametnik vaatas oma andmeid.',
			'relative-lookup':
				'Ametnik vaatas rahvastikuregistri järgi oma vanema, lapse, õe-venna või leibkonnaliikme andmeid (kõrge) või sama haruldase perekonnanimega inimese andmeid (keskmine).',
			'protected-person': 'Ametnik vaatas järelevalveasutuse kaitstud isikute nimekirjas oleva inimese andmeid (poliitikud, tuntud inimesed, ajakirjanikud jt).',
			'no-case-ref': 'Ametniku päringus pole menetluse viidet, kuigi eesmärk seda nõuab (uurimised, menetlused, auditid, julgeolekutöö).',
			'off-hours':
				'Ametnik tegi päringuid öösel või nädalavahetusel eesmärkidel, mis pole ööpäevaringsed, kuigi see on tema jaoks haruldane: üks hoiatus ametniku ja päeva kohta, mitme päringu seansi eest.',
			'volume-spike': 'Ametniku ühe päeva päringuid on palju rohkem kui tema tavalistel päevadel ja kui sama asutuse kolleegide kõige tihedamatel päevadel.',
			'many-officials': 'Mitu eri ametnikku vaatasid sama inimese andmeid lühikese aja jooksul.',
			'consecutive-codes': 'Ametnik vaatas lühikese aja jooksul järjestikuste isikukoodidega inimeste andmeid (sama sünnikuupäev ja sugu, lähedased järjekorranumbrid): registri sirvimine.',
			'after-employment': 'Ametnik vaatas kellegi andmeid päeval, mil ta selles asutuses ei töötanud (pärast lahkumist, enne alustamist või üldse mitte).'
		},
		params: {
			maxSurnameShare: 'Perekonnanimi loetakse haruldaseks, kui seda kannab kõige rohkem selline osa registri inimestest (väikeses registris mitte rohkem kui need kaks)',
			dayStart: 'Tööaja algus (tund)',
			dayEnd: 'Tööaja lõpp (tund)',
			maxUsualShare: 'Töö väljaspool tööaega on tavaline alates sellisest osast ametniku päringutest',
			historyDays: 'Ametniku ajaloo päevi, mida hinnatakse',
			minHistory: 'Päringuid selles ajaloos, et hinnata',
			minEvents: 'Tööajaväliseid päringuid päevas hoiatuseks',
			minDaily: 'Päringuid päevas, enne kui muud küsitakse',
			baselineDays: 'Ametniku enda võrdlusperioodi päevi',
			sdFactor: 'Standardhälbeid üle võrdlusperioodi keskmise',
			peerQuantile: 'Kolleegide päevaste päringute kvantiil, mida ületada',
			excludePurposes: 'Välja jäetud eesmärgid',
			minOfficials: 'Eri ametnikke',
			windowHours: 'Tundide jooksul',
			minRun: 'Inimesi koodide reas',
			windowMinutes: 'Minutite jooksul',
			maxStep: 'Suurim samm järjekorranumbrite vahel'
		}
	},
	ru: {
		title: 'Выявление',
		lead: 'Правила просматривают каждое новое использование персональных данных в поисках признаков злоупотребления и создают предупреждения. Они запускаются каждую минуту; их можно запустить и сейчас.',
		logSize: 'В журнале использования {{count, number}} событий.',
		run: {
			heading: 'Запустить выявление сейчас',
			hint: 'Каждое правило просматривает события, сохранённые после его предыдущего запуска. Идущий запуск сначала завершается.',
			submit: 'Запустить выявление сейчас',
			done: 'Выявление просмотрело журнал до события {{size, number}} за {{seconds}} с.',
			interrupted: 'Запуск остановлен раньше, потому что сервер завершает работу; он продолжится при следующем запуске.',
			caption: 'Что сделал этот запуск, по правилам'
		},
		rules: {
			heading: 'Правила',
			caption: 'Правила выявления с параметрами, ходом работы и результатами',
			rule: 'Правило',
			severity: 'Серьёзность',
			parameters: 'Параметры',
			noParameters: 'Нет',
			cursor: 'Проверено до события',
			lastRun: 'Последний запуск с новыми событиями',
			never: 'Ещё не запускалось',
			range: 'События {{from, number}}–{{to, number}}',
			alertsTotal: 'Создано предупреждений',
			explainedTotal: 'Объяснено и отброшено',
			explainable: 'Находку может объяснить открытое дело, подтверждённое другим чиновником.',
			explainableByOfficial: 'Находку может объяснить только дело, подтверждённое другим чиновником.',
			notExplainable: 'Находку ничто не объясняет.'
		},
		summary: {
			range: 'Просмотренные события',
			hits: 'Находки',
			explained: 'Объяснено',
			alerts: 'Новые предупреждения'
		},
		trigger: { schedule: 'по расписанию', manual: 'запущено инспектором' },
		severity: { low: 'низкая', medium: 'средняя', high: 'высокая' },
		explained: {
			heading: 'Последние объяснённые находки',
			intro: 'Находки, отброшенные до того, как стать предупреждениями, потому что подтверждённое дело связывает чиновника и человека: другой чиновник того же учреждения или его автоматическая обработка раньше работали с тем же делом того же человека.',
			caption: 'Последние находки, отброшенные на этапе объяснения, сначала новые',
			none: 'Пока ни одна находка не объяснена.',
			when: 'Записано',
			rule: 'Правило',
			official: 'Чиновник',
			noOfficial: '— (несколько чиновников)',
			events: 'Запросы',
			why: 'Почему',
			case: 'Дело {{caseRef}} в учреждении {{agency}}: подтверждающих событий от других чиновников {{officials, number}}, от автоматической обработки {{automated, number}}, первое {{first}}.',
			left: 'Необъяснённых запросов осталось: {{count, number}} (ниже порога правила).'
		},
		ruleNames: {
			'self-lookup': 'Собственные данные',
			'relative-lookup': 'Родственник или однофамилец',
			'protected-person': 'Защищённое лицо',
			'no-case-ref': 'Нет номера дела',
			'off-hours': 'В нерабочее время',
			'volume-spike': 'Всплеск запросов',
			'many-officials': 'Много чиновников по одному человеку',
			'consecutive-codes': 'Идущие подряд личные коды',
			'after-employment': 'Вне периода работы'
		},
		ruleDescriptions: {
			'self-lookup': 'Чиновник просмотрел собственные данные.',
			'relative-lookup':
				'Чиновник просмотрел данные родителя, ребёнка, брата или сестры либо члена своего домохозяйства по регистру народонаселения (высокая) или человека с той же редкой фамилией (средняя).',
			'protected-person': 'Чиновник просмотрел данные человека из списка защищённых лиц надзорного органа (политики, известные люди, журналисты и другие).',
			'no-case-ref': 'В запросе чиновника нет номера дела, хотя цель его требует (расследования, производства, аудиты, работа служб безопасности).',
			'off-hours':
				'Чиновник делал запросы ночью или в выходные для целей без круглосуточной работы, хотя для него это редкость: одно предупреждение на чиновника и день, за сеанс из нескольких запросов.',
			'volume-spike': 'Запросов чиновника за один день гораздо больше, чем в его обычные дни и в самые загруженные дни коллег того же учреждения.',
			'many-officials': 'Несколько разных чиновников за короткое время просмотрели данные одного человека.',
			'consecutive-codes':
				'Чиновник за короткое время просмотрел данные людей с соседними личными кодами (та же дата рождения и пол, близкие порядковые номера): просмотр регистра подряд.',
			'after-employment': 'Чиновник просмотрел чьи-то данные в день, когда он не работал в этом учреждении (после ухода, до начала работы или никогда).'
		},
		params: {
			maxSurnameShare: 'Фамилия считается редкой, если её носит не больше такой доли людей в регистре (а в маленьком регистре — только эти двое)',
			dayStart: 'Начало рабочего времени (час)',
			dayEnd: 'Конец рабочего времени (час)',
			maxUsualShare: 'Работа в нерабочее время обычна начиная с такой доли запросов чиновника',
			historyDays: 'Дней истории чиновника для оценки',
			minHistory: 'Запросов в этой истории, нужных для оценки',
			minEvents: 'Запросов в нерабочее время за день для предупреждения',
			minDaily: 'Запросов за день, прежде чем проверять остальное',
			baselineDays: 'Дней собственной базы чиновника',
			sdFactor: 'Стандартных отклонений выше среднего базы',
			peerQuantile: 'Квантиль дневных запросов коллег, который нужно превысить',
			excludePurposes: 'Исключённые цели',
			minOfficials: 'Разных чиновников',
			windowHours: 'В течение часов',
			minRun: 'Людей в ряду кодов',
			windowMinutes: 'В течение минут',
			maxStep: 'Наибольший шаг между порядковыми номерами'
		}
	}
});
