import { defineMessages } from '../define';

/** The frame around every page: header, navigation, footer, language switcher, errors. */
export default defineMessages({
	en: {
		skip: 'Skip to main content',
		tagline: 'See who used your personal data, and why',
		nav: { label: 'Main', me: 'My data', oversight: 'Oversight', ledger: 'The log', stats: 'Statistics' },
		account: { signedInAs: 'Signed in as', signIn: 'Sign in', signOut: 'Sign out' },
		language: { label: 'Language' },
		footer: {
			about: 'Peegel is a transparency service: every time a public-sector agency uses a person’s data, it is recorded here, and the person can see it.',
			demo: 'Demo:',
			demoText: 'all people, agencies’ records and events shown here are made up.'
		},
		error: {
			notFound: 'Page not found',
			notFoundText: 'There is no page at this address. Check the address, or go to the front page.',
			failed: 'Something went wrong',
			failedText: 'Something went wrong on our side. Please try again.',
			home: 'Go to the front page'
		},
		roles: { citizen: 'citizen', auditor: 'auditor', analyst: 'analyst', agency: 'agency user', admin: 'administrator' }
	},
	et: {
		skip: 'Liigu põhisisu juurde',
		tagline: 'Vaata, kes sinu isikuandmeid kasutas ja miks',
		nav: { label: 'Peamenüü', me: 'Minu andmed', oversight: 'Järelevalve', ledger: 'Logi', stats: 'Statistika' },
		account: { signedInAs: 'Sisse logitud kui', signIn: 'Logi sisse', signOut: 'Logi välja' },
		language: { label: 'Keel' },
		footer: {
			about: 'Peegel on läbipaistvusteenus: iga kord, kui avaliku sektori asutus kasutab inimese andmeid, salvestatakse see siia ja inimene näeb seda.',
			demo: 'Demo:',
			demoText: 'kõik siin näidatud inimesed, asutuste andmed ja sündmused on välja mõeldud.'
		},
		error: {
			notFound: 'Lehte ei leitud',
			notFoundText: 'Sellel aadressil lehte ei ole. Kontrolli aadressi või mine avalehele.',
			failed: 'Midagi läks valesti',
			failedText: 'Meie poolel läks midagi valesti. Palun proovi uuesti.',
			home: 'Mine avalehele'
		},
		roles: { citizen: 'kodanik', auditor: 'audiitor', analyst: 'analüütik', agency: 'asutuse kasutaja', admin: 'administraator' }
	},
	ru: {
		skip: 'Перейти к основному содержанию',
		tagline: 'Узнайте, кто использовал ваши персональные данные и зачем',
		nav: { label: 'Главное меню', me: 'Мои данные', oversight: 'Надзор', ledger: 'Журнал', stats: 'Статистика' },
		account: { signedInAs: 'Вы вошли как', signIn: 'Войти', signOut: 'Выйти' },
		language: { label: 'Язык' },
		footer: {
			about: 'Peegel — сервис прозрачности: каждый раз, когда государственное учреждение использует данные человека, это записывается здесь, и человек может это увидеть.',
			demo: 'Демо:',
			demoText: 'все люди, записи учреждений и события здесь вымышлены.'
		},
		error: {
			notFound: 'Страница не найдена',
			notFoundText: 'По этому адресу страницы нет. Проверьте адрес или перейдите на главную страницу.',
			failed: 'Что-то пошло не так',
			failedText: 'На нашей стороне что-то пошло не так. Пожалуйста, попробуйте ещё раз.',
			home: 'На главную страницу'
		},
		roles: { citizen: 'гражданин', auditor: 'аудитор', analyst: 'аналитик', agency: 'пользователь учреждения', admin: 'администратор' }
	}
});
