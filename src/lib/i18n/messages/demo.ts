import { defineMessages } from '../define';

/** The demo sign-in page. */
export default defineMessages({
	en: {
		title: 'Sign in (demo)',
		heading: 'Sign in to the demo',
		intro: 'This demo has no real sign-in. Choose a made-up person to see Peegel as they would. In the live service you sign in with your ID card, Mobile-ID or Smart-ID.',
		failed: 'Could not sign in.',
		missing: 'Choose a persona or type a personal code.',
		unknown: 'Unknown persona or personal code: {{value}}',
		badForm: 'Send the form as application/x-www-form-urlencoded or multipart/form-data.',
		signedIn: 'You are signed in as {{name}}. Choosing another person signs you in as them.',
		choose: 'Choose a person',
		none: 'No demo personas have been seeded yet. You can still sign in by typing a personal code below.',
		personalCode: 'Personal code',
		roles: 'Roles',
		signInAs: 'Sign in as {{name}}',
		other: 'Or sign in as someone else',
		codeHint: 'Any person in the demo population register: 11 digits, or with the EE prefix.',
		signIn: 'Sign in',
		role: { citizen: 'Citizen', auditor: 'Auditor (oversight)', analyst: 'Analyst', agency: 'Agency staff', admin: 'Administrator' }
	},
	et: {
		title: 'Sisselogimine (demo)',
		heading: 'Logi demosse sisse',
		intro: 'Sellel demol pole päris sisselogimist. Vali välja mõeldud inimene, et näha Peeglit tema silmadega. Päris teenusesse logid sisse ID-kaardi, Mobiil-ID või Smart-ID-ga.',
		failed: 'Sisselogimine ebaõnnestus.',
		missing: 'Vali isik või sisesta isikukood.',
		unknown: 'Tundmatu isik või isikukood: {{value}}',
		badForm: 'Saada vorm kujul application/x-www-form-urlencoded või multipart/form-data.',
		signedIn: 'Oled sisse logitud kui {{name}}. Teise inimese valimisel logitakse sind sisse tema nimel.',
		choose: 'Vali inimene',
		none: 'Demo isikuid pole veel loodud. Saad siiski sisse logida, sisestades allpool isikukoodi.',
		personalCode: 'Isikukood',
		roles: 'Rollid',
		signInAs: 'Logi sisse kui {{name}}',
		other: 'Või logi sisse kellegi teisena',
		codeHint: 'Iga inimene demo rahvastikuregistris: 11 numbrit või EE-eesliitega.',
		signIn: 'Logi sisse',
		role: { citizen: 'Kodanik', auditor: 'Audiitor (järelevalve)', analyst: 'Analüütik', agency: 'Asutuse töötaja', admin: 'Administraator' }
	},
	ru: {
		title: 'Вход (демо)',
		heading: 'Войти в демо',
		intro: 'В этом демо нет настоящего входа. Выберите вымышленного человека, чтобы увидеть Peegel его глазами. В настоящем сервисе вход выполняется с ID-картой, Mobiil-ID или Smart-ID.',
		failed: 'Не удалось войти.',
		missing: 'Выберите человека или введите личный код.',
		unknown: 'Неизвестный человек или личный код: {{value}}',
		badForm: 'Отправьте форму как application/x-www-form-urlencoded или multipart/form-data.',
		signedIn: 'Вы вошли как {{name}}. Если выбрать другого человека, вы войдёте от его имени.',
		choose: 'Выберите человека',
		none: 'Демо-персоны ещё не созданы. Вы всё равно можете войти, введя личный код ниже.',
		personalCode: 'Личный код',
		roles: 'Роли',
		signInAs: 'Войти как {{name}}',
		other: 'Или войти как другой человек',
		codeHint: 'Любой человек из демонстрационного регистра народонаселения: 11 цифр или с префиксом EE.',
		signIn: 'Войти',
		role: { citizen: 'Гражданин', auditor: 'Аудитор (надзор)', analyst: 'Аналитик', agency: 'Сотрудник учреждения', admin: 'Администратор' }
	}
});
